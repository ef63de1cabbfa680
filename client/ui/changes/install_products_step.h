#pragma once
/// The install's first step: the basic product (one) and the value-added ones ticked, each with its attributes in
/// the editor under the list. Holds pointers into the catalog it was shown, which the install panel keeps.

#include "client/workflows/workstation/records.h"

#include <optional>
#include <vector>
#include <wx/panel.h>

class wxCheckListBox;
class wxChoice;

namespace ui {

class AttributeEditor;

class InstallProductsStep : public wxPanel
{
public:
    explicit InstallProductsStep(wxWindow* parent);

    /// Lists the catalog's basic and value-added products (the first basic one chosen), their attributes reset.
    void show_catalog(const contract::CatalogGetResponse& catalog);
    /// Whether a basic product is chosen.
    [[nodiscard]] bool has_basic() const;
    /// Why a ticked product cannot be ordered as its attributes stand (that product is shown with its fields).
    [[nodiscard]] std::optional<wxString> attribute_problem();
    /// The basic product chosen, then the value-added ones ticked, with their attributes. Needs has_basic().
    [[nodiscard]] std::vector<contract::OrderItem> items() const;
    void focus();

private:
    /// The attributes of value-added product `index` (as listed) in the editor under the list.
    void show_attributes(int index);

    std::vector<const contract::Offering*> m_basics;
    std::vector<const contract::Offering*> m_vas;
    wxChoice* m_basic = nullptr;
    wxCheckListBox* m_vas_list = nullptr;
    AttributeEditor* m_attributes = nullptr;
};

} // namespace ui
