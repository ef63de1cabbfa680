#include "client/ui/changes/install_fees_step.h"

#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/money/payment_method_text.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

InstallFeesStep::InstallFeesStep(wxWindow* parent, InstallSay say, std::function<void()> accept)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_fees"),
      m_say(std::move(say))
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(install_step_heading(this, _("4. Appointment and fees")), 0, wxBOTTOM, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_appointment_on = new wxCheckBox(this, wxID_ANY, _("Appointment on:"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "install_appointment_on");
    row->Add(m_appointment_on, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_appointment = date_picker(this, wxDateTime::Today() + wxDateSpan::Day(), "install_appointment");
    m_appointment->SetRange(wxDateTime::Today(), wxDateTime::Today() + wxDateSpan::Months(3));
    m_appointment->Disable();
    row->Add(m_appointment, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxBOTTOM, 8);
    m_fee_list = install_report_list(this, "install_fee_list", 140);
    m_fee_list->AppendColumn(_("Fee"), wxLIST_FORMAT_LEFT, 300);
    m_fee_list->AppendColumn(_("Amount (yuan)"), wxLIST_FORMAT_RIGHT, 140);
    fill_last_column(m_fee_list);
    sizer->Add(m_fee_list, 1, wxEXPAND | wxBOTTOM, 6);
    m_total = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_total");
    m_total->SetFont(m_total->GetFont().Bold());
    sizer->Add(m_total, 0, wxBOTTOM, 6);
    auto* pay = new wxBoxSizer(wxHORIZONTAL);
    pay->Add(new wxStaticText(this, wxID_ANY, _("Paid by:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_method = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                            "install_method");
    offer_counter_tenders(*m_method);
    pay->Add(m_method, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    pay->Add(new wxStaticText(this, wxID_ANY, _("Received (yuan):")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_received = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(120, -1), wxTE_PROCESS_ENTER,
                                wxDefaultValidator, "install_received");
    pay->Add(m_received, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(pay, 0);
    SetSizer(sizer);

    m_appointment_on->Bind(wxEVT_CHECKBOX,
                           [this](wxCommandEvent&) { m_appointment->Enable(m_appointment_on->GetValue()); });
    m_received->Bind(wxEVT_TEXT_ENTER, [accept = std::move(accept)](wxCommandEvent&) { accept(); });
}

void InstallFeesStep::clear()
{
    m_fee_list->DeleteAllItems();
    m_fees.clear();
}

void InstallFeesStep::show(std::vector<contract::Fee> fees)
{
    m_fees = std::move(fees);
    domain::Money total;
    for (const auto& fee : m_fees) {
        const long row = m_fee_list->InsertItem(m_fee_list->GetItemCount(), wxString::FromUTF8(fee.name));
        m_fee_list->SetItem(row, 1, yuan(fee.amount));
        total += fee.amount;
    }
    m_total->SetLabel(wxString::Format(_("Total: %s yuan"), yuan(total)));
    m_received->ChangeValue(yuan(total));
}

std::optional<domain::Date> InstallFeesStep::appointment() const
{
    if (!m_appointment_on->GetValue()) {
        return std::nullopt;
    }
    const wxDateTime day = m_appointment->GetValue();
    return domain::make_date(day.GetYear(), static_cast<unsigned>(day.GetMonth()) + 1,
                             static_cast<unsigned>(day.GetDay()));
}

bool InstallFeesStep::payment(std::optional<workflows::PaymentTaken>& taken)
{
    domain::Money total;
    for (const auto& fee : m_fees) {
        total += fee.amount;
    }
    if (total.fen() <= 0) {
        return true;
    }
    const auto received = domain::Money::parse(m_received->GetValue().Strip(wxString::both).utf8_string());
    if (!received) {
        m_say(problem_text(received.error()), true);
        m_received->SetFocus();
        return false;
    }
    if (received->fen() != total.fen()) {
        m_say(wxString::Format(_("Take exactly %s yuan: the fees are paid in full at the counter."), yuan(total)),
              true);
        m_received->SetFocus();
        m_received->SelectAll();
        return false;
    }
    taken = workflows::PaymentTaken{*received, chosen_tender(*m_method)};
    return true;
}

void InstallFeesStep::focus()
{
    m_received->SetFocus();
    m_received->SelectAll();
}

} // namespace ui
