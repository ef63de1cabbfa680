#include "client/ui/acceptance/service_list_box.h"

#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>

namespace ui {

namespace {

wxString category_text(domain::ServiceCategory category)
{
    switch (category) {
    case domain::ServiceCategory::new_service:
        return _("New service");
    case domain::ServiceCategory::change:
        return _("Change");
    case domain::ServiceCategory::fee:
        return _("Fees");
    }
    return {};
}

} // namespace

const std::vector<ServiceOffer>& service_offers()
{
    static const std::vector<ServiceOffer> offers{
        {"FIXED_INSTALL", domain::ServiceCategory::new_service, wxTRANSLATE("Fixed-line install")},
        {"LINE_MOVE", domain::ServiceCategory::change, wxTRANSLATE("Line move")},
        {"VAS_CHANGE", domain::ServiceCategory::change, wxTRANSLATE("Value-added change")},
        {"ACCOUNT_CHANGE", domain::ServiceCategory::change, wxTRANSLATE("Account change")},
        {"FAMILY_BUNDLE", domain::ServiceCategory::change, wxTRANSLATE("Family bundle")},
    };
    return offers;
}

const ServiceOffer* find_offer(std::string_view code)
{
    const auto& offers = service_offers();
    const auto found =
        std::ranges::find(offers, code, [](const ServiceOffer& offer) { return std::string_view(offer.code); });
    return found == offers.end() ? nullptr : &*found;
}

ServiceListBox::ServiceListBox(wxWindow* parent, std::function<void(const wxString& text, bool error)> say,
                               std::function<void()> start)
    : wxPanel(parent, wxID_ANY), m_say(std::move(say))
{
    auto* list_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Service list"));
    auto* add_row = new wxBoxSizer(wxHORIZONTAL);
    m_offer = new wxChoice(list_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                           wxDefaultValidator, "service_offer");
    for (const auto& offer : service_offers()) {
        m_offer->Append(wxString::Format("%s - %s", category_text(offer.category), wxGetTranslation(offer.label)));
    }
    m_offer->SetSelection(0);
    add_row->Add(m_offer, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_quantity = new wxSpinCtrl(list_box->GetStaticBox(), wxID_ANY, "1", wxDefaultPosition, wxDefaultSize,
                                wxSP_ARROW_KEYS, 1, domain::ServiceList::kMaxQuantity, 1, "service_quantity");
    add_row->Add(m_quantity, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    auto* add = new wxButton(list_box->GetStaticBox(), kServiceAddId, _("A&dd service"), wxDefaultPosition,
                             wxDefaultSize, 0, wxDefaultValidator, "service_add");
    add_row->Add(add, 0, wxALIGN_CENTER_VERTICAL);
    list_box->Add(add_row, 0, wxEXPAND | wxALL, 4);
    m_chosen = new wxListCtrl(list_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxSize(-1, 160),
                              wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "service_chosen");
    m_chosen->AppendColumn(_("Service"), wxLIST_FORMAT_LEFT, 170);
    m_chosen->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 90);
    m_chosen->AppendColumn(_("Quantity"), wxLIST_FORMAT_RIGHT, 70);
    fill_last_column(m_chosen);
    list_box->Add(m_chosen, 1, wxEXPAND | wxALL, 4);
    auto* remove = new wxButton(list_box->GetStaticBox(), wxID_ANY, _("&Remove"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "service_remove");
    m_start = new wxButton(list_box->GetStaticBox(), kServiceStartId, _("Start acceptance (F9)"), wxDefaultPosition,
                           wxDefaultSize, 0, wxDefaultValidator, "service_start");
    auto* button_row = new wxBoxSizer(wxHORIZONTAL);
    button_row->Add(remove, 0, wxRIGHT, 6);
    button_row->AddStretchSpacer();
    button_row->Add(m_start, 0);
    list_box->Add(button_row, 0, wxEXPAND | wxALL, 4);
    SetSizer(list_box);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_chosen_offer(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long index = m_chosen->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (index >= 0 && static_cast<std::size_t>(index) < m_services.services().size()) {
            m_services.remove(m_services.services()[static_cast<std::size_t>(index)].code);
            refresh();
        }
    });
    m_start->Bind(wxEVT_BUTTON, [start = std::move(start)](wxCommandEvent&) { start(); });
    m_quantity->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add_chosen_offer(); });
    refresh();
}

void ServiceListBox::add_chosen_offer()
{
    const int index = m_offer->GetSelection();
    if (index >= 0) {
        add(service_offers()[static_cast<std::size_t>(index)].code, m_quantity->GetValue());
    }
}

std::optional<domain::Problem> ServiceListBox::add(const std::string& code, int quantity)
{
    const auto* offer = find_offer(code);
    if (offer == nullptr) {
        return std::nullopt;
    }
    auto problem = m_services.add(domain::ChosenService{code, offer->category, quantity});
    if (problem) {
        m_say(problem_text(*problem), true);
    } else {
        m_say(_("Added. F9 starts the acceptance."), false);
    }
    refresh();
    return problem;
}

void ServiceListBox::remove(const std::string& code)
{
    m_services.remove(code);
    refresh();
}

void ServiceListBox::refresh()
{
    m_chosen->DeleteAllItems();
    for (const auto& chosen : m_services.services()) {
        const auto* offer = find_offer(chosen.code);
        const wxString label = offer == nullptr ? wxString::FromUTF8(chosen.code) : wxGetTranslation(offer->label);
        const long row = m_chosen->InsertItem(m_chosen->GetItemCount(), label);
        m_chosen->SetItem(row, 1, category_text(chosen.category));
        m_chosen->SetItem(row, 2, wxString::Format("%d", chosen.quantity));
    }
    m_start->Enable(!m_services.empty());
}

void ServiceListBox::focus()
{
    m_offer->SetFocus();
}

} // namespace ui
