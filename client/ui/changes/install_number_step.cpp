#include "client/ui/changes/install_number_step.h"

#include "client/ui/base/page_widgets.h"
#include "client/ui/base/status_line.h"
#include "client/ui/changes/fixed_line_call.h"
#include "client/workflows/changes/fixed_line_install.h"
#include "client/workflows/workstation/no_answer.h"

#include <chrono>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

InstallNumberStep::InstallNumberStep(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                                     std::function<std::optional<std::string>()> exchange, InstallSay say,
                                     std::function<void()> go_on, std::function<void()> expired)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_number"),
      m_backend(std::move(backend)), m_tasks(worker, [this](const wxString& text) { m_say(text, true); }),
      m_exchange(std::move(exchange)), m_say(std::move(say)), m_go_on(std::move(go_on)), m_expired(std::move(expired)),
      m_countdown(this)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(install_step_heading(this, _("3. Number")), 0, wxBOTTOM, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_pattern_label = new wxStaticText(this, wxID_ANY, _("Ending digits:"), wxDefaultPosition, wxDefaultSize, 0,
                                       "install_number_label");
    row->Add(m_pattern_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_pattern = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(160, -1), wxTE_PROCESS_ENTER,
                               wxDefaultValidator, "install_number_pattern");
    m_pattern->SetHint(_("e.g. 88, then Enter"));
    row->Add(m_pattern, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxBOTTOM, 6);
    m_number_list = install_report_list(this, "install_numbers", 200);
    m_number_list->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, 160);
    m_number_list->AppendColumn(_("Exchange"), wxLIST_FORMAT_LEFT, 120);
    m_number_list->AppendColumn(_("Number fee (yuan)"), wxLIST_FORMAT_RIGHT, 140);
    fill_last_column(m_number_list);
    sizer->Add(m_number_list, 1, wxEXPAND | wxBOTTOM, 6);
    m_reservation = new wxStaticText(this, wxID_ANY, _("Enter on a number reserves it."), wxDefaultPosition,
                                     wxDefaultSize, 0, "install_reservation");
    sizer->Add(m_reservation, 0, wxEXPAND);
    SetSizer(sizer);

    m_pattern->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    m_number_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { reserve(event.GetIndex()); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
}

void InstallNumberStep::focus()
{
    m_pattern->SetFocus();
}

void InstallNumberStep::search()
{
    const std::string pattern = m_pattern->GetValue().Strip(wxString::both).utf8_string();
    m_say(_("Searching free numbers..."), false);
    m_tasks.run(
        [backend = m_backend, exchange = m_exchange(), pattern] {
            return with_fixed_line(*backend, [&](workflows::FixedLineInstall& install) {
                return install.search_numbers(exchange, pattern.empty() ? std::nullopt : std::optional(pattern), 20);
            });
        },
        [this, pattern](std::variant<std::vector<contract::NumberRecord>, bss::CallError> answer) {
            m_number_list->DeleteAllItems();
            m_numbers.clear();
            if (auto* error = std::get_if<bss::CallError>(&answer)) {
                if (workflows::no_answer(*error) || error->param("reason") == "offline") {
                    // Offline the number cannot be reserved: a full number typed here is taken as the customer's
                    // choice and the back office confirms it when the order is sent. The field asks for that.
                    show_search(false);
                    if (pattern.size() >= 7) {
                        m_number =
                            contract::NumberRecord{pattern, m_exchange().value_or(std::string()), "free", {}, {}};
                        m_reservation->SetLabel(wxString::Format(
                            _("Offline: %s will be confirmed by the back office when the order is sent."),
                            wxString::FromUTF8(pattern)));
                        m_say(_("Alt+N goes on to the fees."), false);
                        m_go_on();
                        return;
                    }
                    m_say(_("Numbers cannot be searched offline: type the full number the customer chose."), true);
                    return;
                }
                m_say(install_step_error_text(*error), true);
                return;
            }
            show_search(true);
            m_numbers = std::get<std::vector<contract::NumberRecord>>(std::move(answer));
            for (const auto& number : m_numbers) {
                const long row =
                    m_number_list->InsertItem(m_number_list->GetItemCount(), wxString::FromUTF8(number.number));
                m_number_list->SetItem(row, 1, wxString::FromUTF8(number.exchange));
                m_number_list->SetItem(row, 2, yuan(number.fee));
            }
            if (m_numbers.empty()) {
                m_say(_("No free number ends in these digits. Try others."), true);
                return;
            }
            m_say(_("Enter reserves the number selected."), false);
            m_number_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_number_list->SetFocus();
        });
}

void InstallNumberStep::reserve(long index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_numbers.size()) {
        return;
    }
    const std::string number = m_numbers[static_cast<std::size_t>(index)].number;
    std::optional<std::string> previous;
    if (m_number && m_number->reserved_until) {
        previous = m_number->number;
    }
    m_say(wxString::Format(_("Reserving %s..."), wxString::FromUTF8(number)), false);
    m_tasks.run(
        [backend = m_backend, number, previous] {
            return with_fixed_line(*backend, [&](workflows::FixedLineInstall& install) {
                if (previous && *previous != number) {
                    install.release(*previous); // best effort: it expires anyway
                }
                return install.reserve(number);
            });
        },
        [this](std::variant<contract::NumberRecord, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                m_say(install_step_error_text(*error), true);
                return;
            }
            m_number = std::get<contract::NumberRecord>(std::move(answer));
            tick();
            m_countdown.Start(1000);
            m_say(_("Reserved. Alt+N goes on to the fees."), false);
            m_go_on();
        });
}

void InstallNumberStep::tick()
{
    if (!m_number || !m_number->reserved_until) {
        m_countdown.Stop();
        return;
    }
    // The page's clock (the system's unless a test fixes it), the one the workflow restated the expiry on: the
    // countdown holds even when this clock and the back office's disagree.
    const auto& clock = m_backend->services().clock;
    const auto now = clock ? clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto left = (*m_number->reserved_until - now).count();
    if (left <= 0) {
        m_countdown.Stop();
        m_reservation->SetLabel(wxString::Format(_("The reservation of %s has expired: reserve a number again."),
                                                 wxString::FromUTF8(m_number->number)));
        m_reservation->SetForegroundColour(problem_colour());
        m_number.reset();
        m_expired();
        return;
    }
    // TRANSLATORS: %s is the number; then minutes and seconds left of its reservation.
    m_reservation->SetLabel(wxString::Format(_("%s reserved for you: %lld:%02lld left."),
                                             wxString::FromUTF8(m_number->number), static_cast<long long>(left / 60),
                                             static_cast<long long>(left % 60)));
    m_reservation->SetForegroundColour(left < 60 ? problem_colour() : GetForegroundColour());
}

void InstallNumberStep::show_search(bool online)
{
    m_pattern_label->SetLabel(online ? _("Ending digits:") : _("Number:"));
    m_pattern->SetHint(online ? _("e.g. 88, then Enter") : wxString());
    Layout();
}

void InstallNumberStep::stop_countdown()
{
    m_countdown.Stop();
}

void InstallNumberStep::release()
{
    if (!m_number || !m_number->reserved_until) {
        return;
    }
    // Released on the worker; nobody waits for it (a reservation expires by itself anyway).
    m_tasks.worker().run(
        [backend = m_backend, number = m_number->number] {
            return with_fixed_line(
                *backend, [&](workflows::FixedLineInstall& install) { return install.release(number).has_value(); });
        },
        [](bool) {}, {});
}

void InstallNumberStep::clear()
{
    m_number.reset();
    m_numbers.clear();
    m_number_list->DeleteAllItems();
    m_reservation->SetLabel(_("Enter on a number reserves it."));
}

} // namespace ui
