#include "client/ui/changes/install_address_step.h"

#include "client/ui/acceptance/address_search_panel.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/status_line.h"
#include "client/ui/changes/fixed_line_call.h"
#include "client/workflows/changes/fixed_line_install.h"
#include "client/workflows/workstation/no_answer.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

InstallAddressStep::InstallAddressStep(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                                       InstallSay say, std::function<void()> go_on)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_address"),
      m_backend(std::move(backend)), m_tasks(worker, [this](const wxString& text) { m_say(text, true); }),
      m_say(std::move(say)), m_go_on(std::move(go_on))
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(install_step_heading(this, _("2. Standard address and resources")), 0, wxBOTTOM, 6);
    m_address_search = new AddressSearchPanel(
        this, "install", m_backend, worker, [this](const contract::AddressNode& node) { check(node); },
        [this](const wxString& text, bool error) { m_say(text, error); });
    sizer->Add(m_address_search, 1, wxEXPAND | wxBOTTOM, 6);
    m_resource = new wxStaticText(this, wxID_ANY, _("Choose a building: Enter checks its ports."), wxDefaultPosition,
                                  wxDefaultSize, 0, "install_resource");
    sizer->Add(m_resource, 0, wxEXPAND | wxBOTTOM, 6);
    m_alternative_list = install_report_list(this, "install_alternatives", 90);
    m_alternative_list->AppendColumn(_("Nearby alternative"), wxLIST_FORMAT_LEFT, 480);
    m_alternative_list->AppendColumn(_("Free ports"), wxLIST_FORMAT_RIGHT, 90);
    fill_last_column(m_alternative_list);
    sizer->Add(m_alternative_list, 0, wxEXPAND);
    SetSizer(sizer);

    m_alternative_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { choose(event.GetIndex(), true); });
}

bool InstallAddressStep::busy() const
{
    return m_tasks.busy() || (m_address_search != nullptr && m_address_search->busy());
}

void InstallAddressStep::focus()
{
    m_address_search->focus();
}

void InstallAddressStep::search()
{
    m_address_search->search();
}

void InstallAddressStep::choose(long index, bool alternative)
{
    if (!alternative) {
        m_address_search->choose(index);
        return;
    }
    if (index < 0 || static_cast<std::size_t>(index) >= m_alternatives.size()) {
        return;
    }
    contract::AddressNode node;
    const auto& chosen = m_alternatives[static_cast<std::size_t>(index)];
    node.address_id = chosen.address_id;
    node.full_name = chosen.full_name;
    node.level = "building";
    check(node);
}

void InstallAddressStep::check(const contract::AddressNode& node)
{
    m_address = node;
    m_resources_ok = false;
    m_exchange.reset();
    m_resource->SetLabel(wxString::Format(_("Checking ports at %s..."), wxString::FromUTF8(node.full_name)));
    m_tasks.run(
        [backend = m_backend, id = node.address_id] {
            return with_fixed_line(*backend,
                                   [&](workflows::FixedLineInstall& install) { return install.check_resources(id); });
        },
        [this](std::variant<contract::ResourceCheckResponse, bss::CallError> answer) {
            m_alternative_list->DeleteAllItems();
            m_alternatives.clear();
            const wxString where = wxString::FromUTF8(m_address->full_name);
            if (auto* error = std::get_if<bss::CallError>(&answer)) {
                if (workflows::no_answer(*error) || error->param("reason") == "offline") {
                    // The back office checks again when the order reaches it; the clerk tells the customer so.
                    m_resources_ok = true;
                    m_resource->SetLabel(wxString::Format(
                        _("%s: ports cannot be checked offline; the back office checks when the order is sent."),
                        where));
                    m_say(_("Alt+N goes on to the number."), false);
                    m_go_on();
                    return;
                }
                m_resource->SetLabel(install_step_error_text(*error));
                return;
            }
            auto& check = std::get<contract::ResourceCheckResponse>(answer);
            m_exchange = check.exchange;
            m_alternatives = std::move(check.alternatives);
            for (const auto& alt : m_alternatives) {
                const long row = m_alternative_list->InsertItem(m_alternative_list->GetItemCount(),
                                                                wxString::FromUTF8(alt.full_name));
                m_alternative_list->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(alt.free_ports)));
            }
            m_resources_ok = check.result != "fails";
            if (check.result == "fails") {
                m_resource->SetLabel(
                    wxString::Format(_("%s: no free port. Choose a nearby alternative below (Enter)."), where));
                m_resource->SetForegroundColour(problem_colour());
                if (!m_alternatives.empty()) {
                    m_alternative_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                                     wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
                    m_alternative_list->SetFocus();
                }
                return;
            }
            m_resource->SetForegroundColour(GetForegroundColour());
            // TRANSLATORS: first %s is the address, then the free ports and the exchange (局向).
            m_resource->SetLabel(wxString::Format(_("%s: %lld free ports, exchange %s."), where,
                                                  static_cast<long long>(check.free_ports),
                                                  wxString::FromUTF8(check.exchange.value_or("-"))));
            m_say(_("Ports available. Alt+N goes on to the number."), false);
            m_go_on();
        });
}

} // namespace ui
