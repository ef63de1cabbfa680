#pragma once
/// The 综合受理 page's "Customer" box: the customer chosen (name, grade, status, certificate, contact and address,
/// masked), what stands in the way of new business (blacklist, arrears, open orders), and the services they hold,
/// where the clerk picks the line a change applies to.

#include "client/workflows/acceptance/identify_customer.h"

#include <optional>
#include <wx/panel.h>

class wxListCtrl;
class wxStaticText;

namespace ui {

class CustomerBox : public wxPanel
{
public:
    explicit CustomerBox(wxWindow* parent);

    void show(const workflows::CustomerPicture& picture);
    /// The line of `picture` a change applies to: the one selected in the services, else the only active one.
    [[nodiscard]] std::optional<contract::ServiceRecord> chosen_line(const workflows::CustomerPicture& picture) const;
    void focus_services();

private:
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_flags = nullptr;
    wxListCtrl* m_held = nullptr;
};

} // namespace ui
