#include "client/ui/move_panel.h"

#include "client/ui/address_search_panel.h"
#include "client/ui/error_text.h"
#include "client/ui/form_printing.h"
#include "client/ui/problem_text.h"
#include "client/workflows/order_forms.h"
#include "client/workflows/service_changes.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

MovePanel::MovePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                     std::string customer_id, contract::ServiceRecord line, std::function<void(bool)> finished,
                     std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "move_panel"),
      m_backend(std::move(backend)), m_worker(worker), m_customer_id(std::move(customer_id)), m_line(std::move(line)),
      m_finished(std::move(finished)), m_wake(std::move(wake))
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Line move: %s"),
                                                                     wxString::FromUTF8(m_line.service_number)));
    title->SetFont(title->GetFont().Bold().Larger());
    top->Add(title, 0, wxALL, 4);
    m_message = new wxStaticText(this, wxID_ANY, _("Type part of the new address and press Enter."),
                                 wxDefaultPosition, wxDefaultSize, 0, "move_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 4);
    m_search = new AddressSearchPanel(
        this, "move", m_backend, m_worker,
        [this](const contract::AddressNode& node) {
            m_address = node;
            m_chosen->SetLabel(wxString::Format(_("Move to: %s"), wxString::FromUTF8(node.full_name)));
            set_message(_("Alt+A accepts the move; the back office checks the port."));
            m_accept->Enable();
            m_accept->SetFocus();
            Layout();
        },
        [this](const wxString& text, bool error) { set_message(text, error); });
    top->Add(m_search, 1, wxEXPAND | wxALL, 4);
    m_chosen = new wxStaticText(this, wxID_ANY, _("No new address chosen yet."), wxDefaultPosition, wxDefaultSize, 0,
                                "move_chosen");
    m_chosen->SetFont(m_chosen->GetFont().Bold());
    top->Add(m_chosen, 0, wxEXPAND | wxALL, 4);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_appointment_on = new wxCheckBox(this, wxID_ANY, _("Appointment on:"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "move_appointment_on");
    row->Add(m_appointment_on, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_appointment = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today() + wxDateSpan::Day(), wxDefaultPosition,
                                         wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator,
                                         "move_appointment");
    m_appointment->Disable();
    row->Add(m_appointment, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(row, 0, wxALL, 4);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* leave_button = new wxButton(this, wxID_ANY, _("Leave (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "move_leave");
    m_print = new wxButton(this, wxID_ANY, _("&Print the move request"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "move_print");
    m_finish = new wxButton(this, wxID_ANY, _("Fi&nish"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "move_finish");
    m_accept = new wxButton(this, wxID_ANY, _("&Accept"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "move_accept");
    m_accept->Disable();
    m_print->Disable();
    m_finish->Disable();
    buttons->Add(leave_button, 0);
    buttons->AddStretchSpacer();
    buttons->Add(m_print, 0, wxRIGHT, 6);
    buttons->Add(m_finish, 0, wxRIGHT, 6);
    buttons->Add(m_accept, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 4);
    SetSizer(top);

    m_appointment_on->Bind(wxEVT_CHECKBOX,
                           [this](wxCommandEvent&) { m_appointment->Enable(m_appointment_on->GetValue()); });
    leave_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { leave(); });
    m_accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    m_finish->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_finished(true); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
            leave();
            return;
        }
        event.Skip();
    });
    m_search->focus();
}

MovePanel::~MovePanel()
{
    *m_alive = false;
}

bool MovePanel::busy() const
{
    return m_pending > 0 || m_search->busy();
}

template <typename Work, typename Done> void MovePanel::run(Work work, Done done)
{
    ++m_pending;
    m_worker.run(
        std::move(work),
        [this, alive = m_alive, done = std::move(done)](auto result) mutable {
            if (!*alive) {
                return;
            }
            --m_pending;
            done(std::move(result));
        },
        [this, alive = m_alive](const std::string& what) {
            if (!*alive) {
                return;
            }
            --m_pending;
            set_message(wxString::Format(_("Something went wrong: %s"), wxString::FromUTF8(what)), true);
        });
}

void MovePanel::accept()
{
    if (!m_address || m_accepted || busy()) {
        if (!m_address) {
            set_message(problem_text(domain::problem(domain::Errc::order_no_address)), true);
        }
        return;
    }
    std::optional<domain::Date> appointment;
    if (m_appointment_on->GetValue()) {
        const wxDateTime day = m_appointment->GetValue();
        appointment = domain::make_date(day.GetYear(), static_cast<unsigned>(day.GetMonth()) + 1,
                                        static_cast<unsigned>(day.GetDay()));
    }
    set_message(_("Accepting..."));
    m_accept->Disable();
    run(
        [backend = m_backend, line = workflows::LineRef{m_customer_id, m_line.service_number, m_line.billing_account_id},
         address = m_address->address_id, appointment] {
            const auto& services = backend->services();
            workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
            workflows::ServiceChanges changes(backend->client(), desk, services.staff);
            return changes.move(line, address, appointment);
        },
        [this](workflows::ChangeResult answer) {
            if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_accept->Enable();
                set_message(problem_text(*problem), true);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                m_accept->Enable();
                if (error->kind == bss::FailureKind::fault && error->code() == "E_NO_RESOURCE") {
                    set_message(_("No free port at the new address. Choose another building."), true);
                    m_search->focus();
                    return;
                }
                set_message(call_error_text(*error), true);
                return;
            }
            m_accepted = std::get<workflows::AcceptedOrder>(answer);
            if (m_wake) {
                m_wake();
            }
            set_message(wxString::Format(_("Move accepted as order %s and queued for the back office. Print the "
                                           "move request (Alt+P), then Alt+N."),
                                         wxString::FromUTF8(m_accepted->local_id)));
            m_print->Enable();
            m_finish->Enable();
            m_print->SetFocus();
        });
}

void MovePanel::print()
{
    if (!m_accepted || busy()) {
        return;
    }
    set_message(_("Preparing the move request..."));
    run(
        [backend = m_backend, order = m_accepted->local_id] {
            return archive_form(*backend, [&order](soci::session& sql, const workflows::PrintingCounter& counter) {
                return workflows::move_request_form(sql, counter, order);
            });
        },
        [this](const std::shared_ptr<Printable>& printable) {
            set_message(_("The move request is archived. Print it from the preview; Alt+N finishes."));
            m_finish->SetFocus();
            page_preview(m_backend->services().prompts, this, printable->layout, printable->offsets);
        });
}

void MovePanel::leave()
{
    m_finished(m_accepted.has_value());
}

void MovePanel::set_message(const wxString& text, bool error)
{
    m_message->SetLabel(text);
    m_message->SetForegroundColour(error ? wxColour(0xB0, 0x00, 0x20) : GetForegroundColour());
    m_message->Refresh();
}

} // namespace ui
