#pragma once
/// The install's fourth step: the appointment (预约上门), the fees of what was chosen, and the money taken for them,
/// in full, by the way the customer pays.

#include "client/ui/changes/install_step.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/workstation/records.h"
#include "domain/civil_date.h"

#include <functional>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class InstallFeesStep : public wxPanel
{
public:
    /// `accept()` when the clerk presses Enter in the money received.
    InstallFeesStep(wxWindow* parent, InstallSay say, std::function<void()> accept);

    /// Empties the fee list (the fees are worked out again).
    void clear();
    /// Lists `fees`, their total, and the total as the money received.
    void show(std::vector<contract::Fee> fees);
    /// The day of the appointment, when one is asked for.
    [[nodiscard]] std::optional<domain::Date> appointment() const;
    /// The money taken for the fees listed (none when they come to nothing) in `taken`; false when what was
    /// received does not pay them, after saying why (the field is focused for the clerk to correct).
    [[nodiscard]] bool payment(std::optional<workflows::PaymentTaken>& taken);
    void focus();

private:
    InstallSay m_say;
    std::vector<contract::Fee> m_fees;
    wxCheckBox* m_appointment_on = nullptr;
    wxDatePickerCtrl* m_appointment = nullptr;
    wxListCtrl* m_fee_list = nullptr;
    wxStaticText* m_total = nullptr;
    wxChoice* m_method = nullptr;
    wxTextCtrl* m_received = nullptr;
};

} // namespace ui
