#pragma once
/// 收费与退费 (F6): money into a customer's billing account (缴费) with its receipt, and a refund (冲正) of a payment
/// the back office holds, approved by a supervisor on the clerk's screen. A payment is queued like every write and
/// its receipt is printed from the store (补打 when printed again); a refund needs the back office at the time,
/// because the supervisor's password is never written down.
/// Keyboard: Enter in the customer field lists the accounts, Enter on an account chooses it, Alt+T takes the
/// payment, Alt+P prints the receipt, Alt+R refunds.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/workstation/records.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class PaymentsPage : public wxPanel
{
public:
    PaymentsPage(wxWindow* parent, PageServices services, std::function<void()> wake = {});
    ~PaymentsPage() override;
    PaymentsPage(const PaymentsPage&) = delete;
    PaymentsPage& operator=(const PaymentsPage&) = delete;

    /// Lists the billing accounts of the customer id typed.
    void list_accounts();
    /// Takes the amount typed into the chosen account; its receipt can then be printed.
    void take_payment();
    /// Prints (archives and previews) the receipt of the payment just taken.
    void print_receipt();
    /// Refunds the amount typed of the payment id typed, asking a supervisor to approve.
    void refund();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const std::vector<contract::BillingAccount>& accounts() const { return m_accounts; }
    [[nodiscard]] const std::optional<std::string>& payment() const { return m_payment; }
    [[nodiscard]] const std::optional<contract::RefundRecord>& refunded() const { return m_refund; }

private:
    void build();
    void set_message(const wxString& text, bool error = false);
    template <typename Work, typename Done> void run(Work work, Done done);

    std::shared_ptr<PageBackend> m_backend;
    std::function<void()> m_wake;
    std::vector<contract::BillingAccount> m_accounts;
    std::optional<std::string> m_payment; ///< local id of the payment just taken
    std::optional<contract::RefundRecord> m_refund;
    int m_pending = 0;

    wxTextCtrl* m_customer = nullptr;
    wxListCtrl* m_account_list = nullptr;
    wxTextCtrl* m_amount = nullptr;
    wxChoice* m_method = nullptr;
    wxButton* m_take = nullptr;
    wxButton* m_print = nullptr;
    wxTextCtrl* m_refund_payment = nullptr;
    wxTextCtrl* m_refund_amount = nullptr;
    wxTextCtrl* m_refund_reason = nullptr;
    StatusLine* m_message = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
