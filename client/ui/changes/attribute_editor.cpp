#include "client/ui/changes/attribute_editor.h"

#include "client/ui/base/problem_text.h"
#include "client/workflows/changes/fixed_line_install.h"
#include "domain/product_attribute.h"

#include <algorithm>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

wxString attribute_label(const std::string& attribute)
{
    if (attribute == domain::kForwardToAttribute) {
        return _("Forward calls to");
    }
    if (attribute == "scope") {
        return _("Dialling scope");
    }
    return wxString::FromUTF8(attribute);
}

wxString attribute_problem_text(const domain::Problem& problem, const contract::Offering& offering)
{
    auto named = problem;
    for (auto& [key, value] : named.params) {
        if (key == "offering" && value == offering.offering_id) {
            value = offering.name;
        } else if (key == "attribute") {
            value = attribute_label(value).utf8_string();
        }
    }
    return problem_text(named);
}

AttributeEditor::AttributeEditor(wxWindow* parent, const std::string& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxString::FromUTF8(name)),
      m_name(name)
{
    m_rows = new wxBoxSizer(wxVERTICAL);
    SetSizer(m_rows);
    rebuild();
}

void AttributeEditor::reset()
{
    m_values.clear();
    m_shown = nullptr;
    rebuild();
}

void AttributeEditor::show(const contract::Offering* offering)
{
    if (offering != m_shown) {
        m_shown = offering;
        rebuild();
    }
}

std::vector<contract::Characteristic> AttributeEditor::values(const contract::Offering& offering) const
{
    const auto set = m_values.find(offering.offering_id);
    return set == m_values.end() ? workflows::default_characteristics(offering) : set->second;
}

void AttributeEditor::set_value(const contract::Offering& offering, const std::string& attribute,
                                const std::string& value)
{
    store(offering, attribute, value);
    if (m_shown != nullptr && m_shown->offering_id == offering.offering_id) {
        rebuild();
    }
}

void AttributeEditor::store(const contract::Offering& offering, const std::string& attribute, const std::string& value)
{
    auto& values =
        m_values.try_emplace(offering.offering_id, workflows::default_characteristics(offering)).first->second;
    const auto found = std::ranges::find(values, attribute, &contract::Characteristic::name);
    if (found == values.end()) {
        values.push_back({attribute, value});
    } else {
        found->value = value;
    }
}

void AttributeEditor::rebuild()
{
    m_rows->Clear(true);
    if (m_shown == nullptr || m_shown->attributes.empty()) {
        m_rows->Add(new wxStaticText(this, wxID_ANY,
                                     m_shown == nullptr ? _("Highlight a product to see its attributes.")
                                                        : _("This product has no attributes to set.")),
                    0, wxALL, 2);
        relayout();
        return;
    }
    const contract::Offering& offering = *m_shown;
    const auto current = values(offering);
    auto* grid = new wxFlexGridSizer(2, 4, 8);
    grid->Add(
        new wxStaticText(this, wxID_ANY, wxString::Format(_("Attributes of %s"), wxString::FromUTF8(offering.name))), 0,
        wxALIGN_CENTER_VERTICAL);
    grid->AddSpacer(0);
    for (const auto& attribute : offering.attributes) {
        const auto set = std::ranges::find(current, attribute.name, &contract::Characteristic::name);
        const std::string value = set == current.end() ? std::string() : set->value;
        const wxString field = wxString::FromUTF8(m_name + "_" + attribute.name);
        // TRANSLATORS: a field's label: the attribute's name, then a colon.
        grid->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("%s:"), attribute_label(attribute.name))), 0,
                  wxALIGN_CENTER_VERTICAL);
        // The widgets live only while this product is shown, so what they hold is kept as it is changed.
        const auto remember = [this, offering_id = offering.offering_id, name = attribute.name](const wxString& text) {
            if (m_shown != nullptr && m_shown->offering_id == offering_id) {
                store(*m_shown, name, text.utf8_string());
            }
        };
        if (!attribute.values.empty()) {
            auto* choice = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                                        wxDefaultValidator, field);
            for (const auto& allowed : attribute.values) {
                choice->Append(wxString::FromUTF8(allowed));
            }
            choice->SetStringSelection(wxString::FromUTF8(value));
            choice->Bind(wxEVT_CHOICE, [choice, remember](wxCommandEvent&) { remember(choice->GetStringSelection()); });
            grid->Add(choice, 0);
        } else {
            auto* text = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(value), wxDefaultPosition, wxSize(220, -1),
                                        0, wxDefaultValidator, field);
            if (attribute.name == domain::kForwardToAttribute) {
                text->SetHint(_("e.g. 13800138000 or 0755-12345678"));
            }
            text->Bind(wxEVT_TEXT, [text, remember](wxCommandEvent&) { remember(text->GetValue()); });
            grid->Add(text, 0);
        }
    }
    m_rows->Add(grid, 0, wxALL, 2);
    relayout();
}

void AttributeEditor::relayout()
{
    // The rows change the editor's height: the nearest window that lays it out (a static box has no sizer of its
    // own; its panel does) must make room.
    InvalidateBestSize();
    for (wxWindow* window = GetParent(); window != nullptr; window = window->GetParent()) {
        if (window->GetSizer() != nullptr) {
            window->Layout();
            break;
        }
    }
    Layout();
}

} // namespace ui
