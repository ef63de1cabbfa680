#include "client/ui/acceptance/customer_box.h"

#include "client/ui/acceptance/customer_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/status_line.h"
#include "domain/masking.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

namespace ui {

CustomerBox::CustomerBox(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* panel_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Customer"));
    m_summary = new wxStaticText(panel_box->GetStaticBox(), wxID_ANY, _("Nobody chosen yet."), wxDefaultPosition,
                                 wxDefaultSize, 0, "customer_summary");
    panel_box->Add(m_summary, 0, wxEXPAND | wxALL, 4);
    m_flags = new wxStaticText(panel_box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                               "customer_flags");
    panel_box->Add(m_flags, 0, wxEXPAND | wxALL, 4);
    m_held = new wxListCtrl(panel_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxSize(-1, 110),
                            wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "customer_services");
    m_held->AppendColumn(_("Service number"), wxLIST_FORMAT_LEFT, 130);
    m_held->AppendColumn(_("Product"), wxLIST_FORMAT_LEFT, 160);
    m_held->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 90);
    fill_last_column(m_held);
    panel_box->Add(m_held, 1, wxEXPAND | wxALL, 4);
    SetSizer(panel_box);
}

void CustomerBox::show(const workflows::CustomerPicture& picture)
{
    const auto& view = picture.view;
    const auto& customer = view.customer;
    wxString summary = wxString::Format(_("%s    Grade: %s    Status: %s"), shown_name(customer),
                                        grade_text(customer.grade), customer_status_text(customer.status));
    summary += "\n" + wxString::Format(_("Main certificate: %s"), main_certificate(customer));
    if (customer.contact_phone) {
        summary += "    " +
                   wxString::Format(_("Contact: %s"), wxString::FromUTF8(domain::mask_phone(*customer.contact_phone)));
    }
    if (customer.address) {
        summary +=
            "\n" + wxString::Format(_("Address: %s"), wxString::FromUTF8(domain::mask_address(*customer.address)));
    }
    m_summary->SetLabel(summary);

    wxString flags;
    bool warn = false;
    if (picture.from_cache) {
        flags = _("Arrears, blacklist and services need the back office: not known offline.");
    } else {
        if (view.blacklisted) {
            flags += _("BLACKLISTED: no new business may be accepted. ");
            warn = true;
        }
        if (view.arrears.fen() > 0) {
            flags += wxString::Format(_("Arrears: %s, to be paid first. "), wxString::FromUTF8(view.arrears.format()));
            warn = true;
        } else {
            flags += _("No arrears. ");
        }
        // TRANSLATORS: %zu is how many orders of the customer are not finished.
        flags += wxString::Format(_("Open orders: %zu."), view.open_orders.size());
    }
    m_flags->SetLabel(flags);
    m_flags->SetForegroundColour(warn ? problem_colour() : GetForegroundColour());

    m_held->DeleteAllItems();
    for (const auto& service : view.services) {
        const long row = m_held->InsertItem(m_held->GetItemCount(), wxString::FromUTF8(service.service_number));
        m_held->SetItem(row, 1, wxString::FromUTF8(service.offering_id));
        m_held->SetItem(row, 2, customer_status_text(service.status));
    }
    Layout();
}

std::optional<contract::ServiceRecord> CustomerBox::chosen_line(const workflows::CustomerPicture& picture) const
{
    const auto& services = picture.view.services;
    const long selected = m_held->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected >= 0 && static_cast<std::size_t>(selected) < services.size()) {
        return services[static_cast<std::size_t>(selected)];
    }
    std::optional<contract::ServiceRecord> active;
    for (const auto& service : services) {
        if (service.status == "active") {
            if (active) {
                return std::nullopt; // several: the clerk chooses
            }
            active = service;
        }
    }
    return active;
}

void CustomerBox::focus_services()
{
    m_held->SetFocus();
}

} // namespace ui
