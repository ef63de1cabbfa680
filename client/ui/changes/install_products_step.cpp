#include "client/ui/changes/install_products_step.h"

#include "client/ui/base/page_widgets.h"
#include "client/ui/changes/attribute_editor.h"
#include "client/ui/changes/install_step.h"
#include "client/workflows/changes/fixed_line_install.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

InstallProductsStep::InstallProductsStep(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_products")
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(install_step_heading(this, _("1. Products")), 0, wxBOTTOM, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Basic product:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_basic = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(360, -1), 0, nullptr, 0, wxDefaultValidator,
                           "install_basic");
    row->Add(m_basic, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxBOTTOM, 8);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Value-added services (Space ticks):")), 0, wxBOTTOM, 4);
    m_vas_list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), 0, nullptr, 0,
                                    wxDefaultValidator, "install_vas");
    sizer->Add(m_vas_list, 1, wxEXPAND);
    m_attributes = new AttributeEditor(this, "install_attribute");
    sizer->Add(m_attributes, 0, wxEXPAND | wxTOP, 6);
    SetSizer(sizer);
    m_vas_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) { show_attributes(event.GetSelection()); });
    m_vas_list->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) { show_attributes(event.GetSelection()); });
}

void InstallProductsStep::show_attributes(int index)
{
    m_attributes->show(index >= 0 && static_cast<std::size_t>(index) < m_vas.size()
                           ? m_vas[static_cast<std::size_t>(index)]
                           : nullptr);
}

void InstallProductsStep::show_catalog(const contract::CatalogGetResponse& catalog)
{
    m_basics.clear();
    m_vas.clear();
    m_basic->Clear();
    m_vas_list->Clear();
    m_attributes->reset();
    for (const auto& offering : catalog.offerings) {
        const wxString label = offering_label(offering);
        if (offering.kind == "basic") {
            m_basics.push_back(&offering);
            m_basic->Append(label);
        } else if (offering.kind == "vas") {
            m_vas.push_back(&offering);
            m_vas_list->Append(label);
        }
    }
    if (!m_basics.empty()) {
        m_basic->SetSelection(0);
    }
}

bool InstallProductsStep::has_basic() const
{
    return m_basic->GetSelection() >= 0;
}

std::optional<wxString> InstallProductsStep::attribute_problem()
{
    for (unsigned i = 0; i < m_vas_list->GetCount(); ++i) {
        if (!m_vas_list->IsChecked(i)) {
            continue;
        }
        if (const auto problem = workflows::check_characteristics(*m_vas[i], m_attributes->values(*m_vas[i]))) {
            // The product whose attribute is missing is shown with its fields, for the clerk to fill in.
            m_vas_list->SetSelection(static_cast<int>(i));
            show_attributes(static_cast<int>(i));
            return attribute_problem_text(*problem, *m_vas[i]);
        }
    }
    return std::nullopt;
}

std::vector<contract::OrderItem> InstallProductsStep::items() const
{
    std::vector<contract::OrderItem> items;
    const auto add = [&](const contract::Offering& offering) {
        contract::OrderItem item;
        item.action = "add";
        item.offering_id = offering.offering_id;
        item.characteristics = m_attributes->values(offering);
        items.push_back(std::move(item));
    };
    add(*m_basics[static_cast<std::size_t>(m_basic->GetSelection())]);
    for (unsigned i = 0; i < m_vas_list->GetCount(); ++i) {
        if (m_vas_list->IsChecked(i)) {
            add(*m_vas[i]);
        }
    }
    return items;
}

void InstallProductsStep::focus()
{
    m_basic->SetFocus();
}

} // namespace ui
