#pragma once
/// The attributes of the product the clerk has highlighted in a product list (呼叫转移's target number, 长途权限's
/// scope): a choice where the catalog lists the allowed values, a text field where it does not. Values are kept
/// per product while the list is open, starting from the catalog's defaults, so ticking and moving about loses
/// nothing. Used by the install's products step and the value-added change.

#include "client/workflows/workstation/records.h"
#include "domain/problem.h"

#include <map>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxBoxSizer;

namespace ui {

class AttributeEditor : public wxPanel
{
public:
    /// `name` names the panel and prefixes its fields' names ("<name>_<attribute>").
    AttributeEditor(wxWindow* parent, const std::string& name);

    /// Forgets what was set (a new catalog): every product has its defaults again.
    void reset();
    /// Shows `offering`'s attributes for editing; null shows a hint instead.
    void show(const contract::Offering* offering);
    /// What `offering` is to be ordered with: the values set here, its defaults where untouched.
    [[nodiscard]] std::vector<contract::Characteristic> values(const contract::Offering& offering) const;
    /// Sets one value as if chosen or typed (and shows it when `offering` is the one shown).
    void set_value(const contract::Offering& offering, const std::string& attribute, const std::string& value);

private:
    void rebuild();
    void relayout();
    void store(const contract::Offering& offering, const std::string& attribute, const std::string& value);

    std::string m_name;
    std::map<std::string, std::vector<contract::Characteristic>> m_values;
    const contract::Offering* m_shown = nullptr;
    wxBoxSizer* m_rows = nullptr;
};

/// An attribute's name as the clerk reads it (forwardTo → 转移到号码, scope → 长途范围); the name itself when unknown.
wxString attribute_label(const std::string& attribute);

/// A refusal of `offering`'s attribute (E_ORDER_ATTRIBUTE_*) naming the product and the attribute as the screen
/// shows them.
wxString attribute_problem_text(const domain::Problem& problem, const contract::Offering& offering);

} // namespace ui
