#pragma once
/// Money at the counter beyond an order's own payment: paying into an account (缴费), refunds (冲正) with a
/// supervisor's approval, cancelling an order (撤单) and refunding what was taken for it, and the clerk's daily
/// settlement (日结), which closes the day.
///
/// A payment is queued like any write (its key chosen here, so it is taken once however often it is sent). A refund
/// is not: it carries the supervisor's password, which is never written to disk, so it needs the back office at the
/// time — the clerk is told so when it cannot be reached.

#include "client/workflows/orders/order_desk.h"
#include "client/workflows/workstation/desk.h"
#include "domain/civil_date.h"
#include "domain/payment_method.h"
#include "services/bssclient/bss_client.h"

#include <functional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// The supervisor who approves a refund, typing their own staff id and password on the clerk's screen.
struct Approval
{
    std::string staff_id;
    std::string password;
};

struct CancelResult
{
    std::vector<contract::RefundRecord> refunds; ///< what was refunded of the order's payments
};

class PaymentDesk
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    PaymentDesk(Desk& desk, OrderDesk& orders);
    PaymentDesk(soci::session& sql, bss::BssClient* client, OrderDesk& desk, std::string staff,
                std::function<store::UtcTime()> clock = {});

    /// The customer's billing accounts (balance negative: arrears), to choose the one paid into. Online only.
    std::variant<std::vector<contract::BillingAccount>, bss::CallError> accounts(const std::string& customer_id);
    /// Money into a billing account; queued. Returns the payment's local id.
    std::string pay_account(const std::string& account_id, domain::Money amount, domain::Tender method);

    /// Refunds `amount` of a payment the back office holds, with a supervisor's approval. Online only.
    std::variant<contract::RefundRecord, bss::CallError> refund(const std::string& payment_id, domain::Money amount,
                                                                const std::string& reason, const Approval& approval);

    /// 撤单 of a numbered order. Without money taken, the cancellation is queued. With money taken it needs the
    /// back office and a supervisor's approval: the order is cancelled there first (a refused cancellation refunds
    /// nothing), then every payment accepted for it is refunded.
    std::variant<CancelResult, bss::CallError> cancel_order(const std::string& local_id, const std::string& reason,
                                                            const std::optional<Approval>& approval);

    /// The clerk's day: takings per method, refunds, net, and whether it is closed.
    std::variant<contract::SettlementGetResponse, bss::CallError> settlement(domain::Date day);
    /// Closes the clerk's day (日结): later payments and refunds dated that day are refused by the back office.
    std::variant<contract::SettlementCloseResponse, bss::CallError> close_day(domain::Date day);

private:
    [[nodiscard]] store::UtcTime now() const;
    [[nodiscard]] bss::CallError offline() const;

    soci::session& m_sql;
    bss::BssClient* m_client;
    OrderDesk& m_desk;
    std::string m_staff;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
