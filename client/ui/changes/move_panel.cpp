#include "client/ui/changes/move_panel.h"

#include "client/ui/acceptance/address_search_panel.h"
#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/workflows/forms/order_forms.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

MovePanel::MovePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                     workflows::LineRef line, std::function<void(bool)> finished, std::function<void()> wake)
    : ChangePanel(parent, "move", std::move(backend), worker, std::move(line), std::move(finished), std::move(wake))
{
    auto* body = new wxBoxSizer(wxVERTICAL);
    m_search = new AddressSearchPanel(
        this, "move", backend_ptr(), worker,
        [this](const contract::AddressNode& node) {
            m_address = node;
            m_chosen->SetLabel(wxString::Format(_("Move to: %s"), wxString::FromUTF8(node.full_name)));
            set_message(_("Alt+A accepts the move; the back office checks the port."));
            accept_button()->Enable();
            accept_button()->SetFocus();
            Layout();
        },
        [this](const wxString& text, bool error) { set_message(text, error); });
    body->Add(m_search, 1, wxEXPAND | wxBOTTOM, 4);
    m_chosen = new wxStaticText(this, wxID_ANY, _("No new address chosen yet."), wxDefaultPosition, wxDefaultSize, 0,
                                "move_chosen");
    m_chosen->SetFont(m_chosen->GetFont().Bold());
    body->Add(m_chosen, 0, wxEXPAND | wxBOTTOM, 4);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_appointment_on = new wxCheckBox(this, wxID_ANY, _("Appointment on:"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "move_appointment_on");
    row->Add(m_appointment_on, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_appointment = date_picker(this, wxDateTime::Today() + wxDateSpan::Day(), "move_appointment");
    m_appointment->Disable();
    row->Add(m_appointment, 0, wxALIGN_CENTER_VERTICAL);
    body->Add(row, 0);
    lay_out(wxString::Format(_("Line move: %s"), wxString::FromUTF8(this->line().service_number)), body,
            _("Type part of the new address and press Enter."), _("&Print the move request"));
    accept_button()->Disable();
    m_appointment_on->Bind(wxEVT_CHECKBOX,
                           [this](wxCommandEvent&) { m_appointment->Enable(m_appointment_on->GetValue()); });
    m_search->focus();
}

bool MovePanel::busy() const
{
    return ChangePanel::busy() || m_search->busy();
}

ChangePanel::Change MovePanel::change()
{
    if (!m_address) {
        set_message(problem_text(domain::problem(domain::Errc::order_no_address)), true);
        return {};
    }
    std::optional<domain::Date> appointment;
    if (m_appointment_on->GetValue()) {
        const wxDateTime day = m_appointment->GetValue();
        appointment = domain::make_date(day.GetYear(), static_cast<unsigned>(day.GetMonth()) + 1,
                                        static_cast<unsigned>(day.GetDay()));
    }
    return [line = line(), address = m_address->address_id, appointment](workflows::ServiceChanges& changes) {
        return changes.move(line, address, appointment);
    };
}

wxString MovePanel::refusal_message(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault && error.code() == "E_NO_RESOURCE") {
        m_search->focus();
        return _("No free port at the new address. Choose another building.");
    }
    return ChangePanel::refusal_message(error);
}

wxString MovePanel::accepted_text(const std::string& local_id) const
{
    return wxString::Format(_("Move accepted as order %s and queued for the back office. Print the move request "
                              "(Alt+P), then Alt+N."),
                            wxString::FromUTF8(local_id));
}

FormBuilder MovePanel::form(const std::string& order) const
{
    return [order](workflows::Desk& desk, const workflows::PrintingCounter& counter) {
        return workflows::move_request_form(desk, counter, order);
    };
}

wxString MovePanel::printed_text() const
{
    return _("The move request is archived. Print it from the preview; Alt+N finishes.");
}

} // namespace ui
