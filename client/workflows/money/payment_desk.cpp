#include "client/workflows/money/payment_desk.h"

#include "client/store/audit_log.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/store/write_transaction.h"
#include "services/contract/message_codec.h"

namespace workflows {

PaymentDesk::PaymentDesk(Desk& desk, OrderDesk& orders)
    : PaymentDesk(desk.sql(), desk.client(), orders, desk.services().staff, desk.services().clock)
{
}

PaymentDesk::PaymentDesk(soci::session& sql, bss::BssClient* client, OrderDesk& desk, std::string staff,
                         std::function<store::UtcTime()> clock)
    : m_sql(sql), m_client(client), m_desk(desk), m_staff(std::move(staff)), m_clock(std::move(clock))
{
}

store::UtcTime PaymentDesk::now() const
{
    return m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

bss::CallError PaymentDesk::offline() const
{
    bss::CallError error;
    error.kind = bss::FailureKind::transport;
    error.detail = "no back office: refunds need the supervisor's approval checked online";
    return error;
}

std::variant<std::vector<contract::BillingAccount>, bss::CallError>
PaymentDesk::accounts(const std::string& customer_id)
{
    if (m_client == nullptr) {
        return offline();
    }
    auto answer = m_client->call(contract::BillingAccountListRequest{customer_id});
    if (auto* listed = std::get_if<contract::BillingAccountListResponse>(&answer)) {
        return std::move(listed->accounts);
    }
    return std::get<bss::CallError>(std::move(answer));
}

std::string PaymentDesk::pay_account(const std::string& account_id, domain::Money amount, domain::Tender method)
{
    store::LocalPayment payment;
    payment.local_id = m_desk.new_id();
    payment.account_id = account_id;
    payment.amount_fen = amount.fen();
    payment.method = domain::wire_name(method);
    payment.state = "queued";
    payment.idem_key = m_desk.new_id();
    payment.staff = m_staff;
    contract::PaymentCreateRequest request;
    request.correlator_id = payment.idem_key;
    request.account_id = account_id;
    request.amount = amount;
    request.method = domain::wire_name(method);
    const auto at = now();
    store::WriteTransaction tx(m_sql);
    store::PaymentStore(m_sql).add(payment, at);
    store::Outbox(m_sql).add({payment.idem_key, contract::PaymentCreateRequest::kOperation,
                              contract::encode_request(request), "payment:" + payment.local_id, m_staff},
                             at);
    tx.commit();
    return payment.local_id;
}

std::variant<contract::RefundRecord, bss::CallError> PaymentDesk::refund(const std::string& payment_id,
                                                                         domain::Money amount,
                                                                         const std::string& reason,
                                                                         const Approval& approval)
{
    if (m_client == nullptr) {
        return offline();
    }
    contract::RefundCreateRequest request;
    request.correlator_id = m_desk.new_id();
    request.payment_id = payment_id;
    request.amount = amount;
    request.reason = reason;
    request.approver_staff_id = approval.staff_id;
    request.approver_password = approval.password;
    // The key covers retries inside this call; the password is in the request, so it is never queued.
    auto answer = m_client->call(request, request.correlator_id);
    if (auto* refunded = std::get_if<contract::RefundCreateResponse>(&answer)) {
        store::AuditLog(m_sql).append(m_staff, "payment.refund", payment_id,
                                      amount.plain() + " approved by " + refunded->refund.approved_by, now());
        return std::move(refunded->refund);
    }
    return std::get<bss::CallError>(std::move(answer));
}

std::variant<CancelResult, bss::CallError> PaymentDesk::cancel_order(const std::string& local_id,
                                                                     const std::string& reason,
                                                                     const std::optional<Approval>& approval)
{
    const auto order = store::OrderStore(m_sql).by_local_id(local_id);
    if (!order || !order->order_id) {
        bss::CallError error;
        error.kind = bss::FailureKind::fault;
        error.fault.code = contract::ResultCode::validation;
        error.fault.params = {{"field", "orderId"}, {"reason", "notNumbered"}};
        return error;
    }
    std::vector<store::LocalPayment> taken;
    for (const auto& payment : store::PaymentStore(m_sql).for_order(local_id)) {
        if (payment.state == "accepted" && payment.payment_id) {
            taken.push_back(payment);
        }
    }
    CancelResult result;
    if (taken.empty()) {
        // No money to give back: the cancellation can wait in the outbox like any write.
        m_desk.cancel(m_staff, local_id, reason);
        return result;
    }
    if (!approval) {
        bss::CallError error;
        error.kind = bss::FailureKind::fault;
        error.fault.code = contract::ResultCode::permission;
        error.fault.params = {{"permission", "payment.refund"}, {"reason", "approval"}};
        return error;
    }
    if (m_client == nullptr) {
        return offline();
    }
    // Money was taken: cancel at the back office first, at the counter, so a refused cancellation (no permission,
    // the installer already done) refunds nothing; then give the money back.
    contract::OrderCancelRequest request;
    request.order_id = *order->order_id;
    request.reason = reason;
    auto cancelled = m_client->call(request, m_desk.new_id());
    if (auto* error = std::get_if<bss::CallError>(&cancelled)) {
        return std::move(*error);
    }
    store::OrderStore(m_sql).set_state(local_id, std::get<contract::OrderCancelResponse>(cancelled).order_state, now());
    for (const auto& payment : taken) {
        auto refunded = refund(*payment.payment_id, domain::Money::from_fen(payment.amount_fen), reason, *approval);
        if (auto* error = std::get_if<bss::CallError>(&refunded)) {
            return std::move(*error); // the order stays cancelled; the refund can be asked again
        }
        result.refunds.push_back(std::get<contract::RefundRecord>(std::move(refunded)));
    }
    return result;
}

std::variant<contract::SettlementGetResponse, bss::CallError> PaymentDesk::settlement(domain::Date day)
{
    if (m_client == nullptr) {
        return offline();
    }
    contract::SettlementGetRequest request;
    request.date = day;
    return m_client->call(request);
}

std::variant<contract::SettlementCloseResponse, bss::CallError> PaymentDesk::close_day(domain::Date day)
{
    if (m_client == nullptr) {
        return offline();
    }
    // Writes still queued for that day would be refused once it is closed: send them first.
    if (store::Outbox(m_sql).pending_count() > 0) {
        bss::CallError error;
        error.kind = bss::FailureKind::fault;
        error.fault.code = contract::ResultCode::validation;
        error.fault.params = {{"field", "date"}, {"reason", "pendingWrites"}};
        return error;
    }
    contract::SettlementCloseRequest request;
    request.date = day;
    auto answer = m_client->call(request, m_desk.new_id());
    if (std::holds_alternative<contract::SettlementCloseResponse>(answer)) {
        store::AuditLog(m_sql).append(m_staff, "settlement.close", domain::format_iso(day), "", now());
    }
    return answer;
}

} // namespace workflows
