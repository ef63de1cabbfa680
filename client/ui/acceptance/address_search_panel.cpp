#include "client/ui/acceptance/address_search_panel.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/workflows/acceptance/address_picker.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

AddressSearchPanel::AddressSearchPanel(wxWindow* parent, const char* prefix, std::shared_ptr<PageBackend> backend,
                                       PageWorker& worker, Chosen chosen, Say say)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL), m_backend(std::move(backend)),
      m_chosen(std::move(chosen)), m_say(std::move(say)),
      m_tasks(worker, [this](const wxString& text) { m_say(text, true); })
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Building:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(360, -1), wxTE_PROCESS_ENTER,
                            wxDefaultValidator, wxString::Format("%s_address_text", prefix));
    m_text->SetHint(_("Part of the address, then Enter"));
    row->Add(m_text, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxBOTTOM, 6);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 160), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, wxString::Format("%s_addresses", prefix));
    m_list->AppendColumn(_("Standard address"), wxLIST_FORMAT_LEFT, 600);
    fill_last_column(m_list);
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);
    m_text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { choose(event.GetIndex()); });
}

AddressSearchPanel::~AddressSearchPanel() = default;

void AddressSearchPanel::focus()
{
    m_text->SetFocus();
}

void AddressSearchPanel::search()
{
    const std::string text = m_text->GetValue().Strip(wxString::both).utf8_string();
    m_say(_("Searching addresses..."), false);
    m_tasks.run(
        [backend = m_backend, text] {
            workflows::AddressPicker picker(*backend);
            return picker.search(text);
        },
        [this](std::variant<workflows::AddressChoices, workflows::AddressTextProblem, bss::CallError> answer) {
            m_list->DeleteAllItems();
            m_addresses.clear();
            if (const auto* problem = std::get_if<workflows::AddressTextProblem>(&answer)) {
                m_say(wxString::Format(_("Type at least %d characters of the address."), problem->minimum), true);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                m_say(call_error_text(*error), true);
                return;
            }
            auto& choices = std::get<workflows::AddressChoices>(answer);
            m_addresses = std::move(choices.addresses);
            for (const auto& node : m_addresses) {
                m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(node.full_name));
            }
            if (m_addresses.empty()) {
                m_say(_("No building matches. Type less, or another part of the address."), true);
                return;
            }
            m_say(choices.from_cache ? _("Offline: buildings this counter has seen before. Enter chooses.")
                                     : _("Enter chooses the building and checks its ports."),
                  false);
            m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_list->SetFocus();
        });
}

void AddressSearchPanel::choose(long index)
{
    if (index >= 0 && static_cast<std::size_t>(index) < m_addresses.size()) {
        m_chosen(m_addresses[static_cast<std::size_t>(index)]);
    }
}

} // namespace ui
