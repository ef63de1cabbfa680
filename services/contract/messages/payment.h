#pragma once
/// Payments and refunds (TMF676), billing accounts (TMF666) and the clerk's daily settlement (日结).

#include "services/contract/messages/auth.h"

namespace contract {

struct PaymentRecord
{
    std::string payment_id;
    std::string correlator_id; ///< the workstation's key: a repeat returns the first payment
    std::optional<std::string> order_id;
    std::optional<std::string> account_id;
    domain::Money amount;
    std::string method; ///< cash | bankCard | wechat | alipay | cheque
    std::string status; ///< paid | refunded | partiallyRefunded
    std::string staff_id;
    Timestamp at{};

    template <class V> void visit(V& v)
    {
        v("paymentId", payment_id, kShortText);
        v("correlatorId", correlator_id, kShortText);
        v("orderId", order_id, kShortText);
        v("accountId", account_id, kShortText);
        v("amount", amount);
        v("method", method, kShortText);
        v("status", status, kShortText);
        v("staffId", staff_id, kShortText);
        v("at", at);
    }
};

struct PaymentCreateResponse
{
    static constexpr const char* kRoot = "paymentCreateResponse";
    PaymentRecord payment;

    template <class V> void visit(V& v) { v("payment", payment); }
};

struct PaymentCreateRequest
{
    static constexpr const char* kRoot = "paymentCreateRequest";
    static constexpr const char* kOperation = "paymentCreate";
    static constexpr bool kWrite = true;
    using Response = PaymentCreateResponse;
    std::string correlator_id;
    std::optional<std::string> order_id;
    std::optional<std::string> account_id; ///< a payment into a billing account (预存 / 缴费)
    domain::Money amount;
    std::string method;

    template <class V> void visit(V& v)
    {
        v("correlatorId", correlator_id, kShortText);
        v("orderId", order_id, kShortText);
        v("accountId", account_id, kShortText);
        v("amount", amount);
        v("method", method, kShortText);
    }
};

struct RefundRecord
{
    std::string refund_id;
    std::string payment_id;
    domain::Money amount;
    std::string reason;
    std::string approved_by;
    Timestamp at{};

    template <class V> void visit(V& v)
    {
        v("refundId", refund_id, kShortText);
        v("paymentId", payment_id, kShortText);
        v("amount", amount);
        v("reason", reason);
        v("approvedBy", approved_by, kShortText);
        v("at", at);
    }
};

struct RefundCreateResponse
{
    static constexpr const char* kRoot = "refundCreateResponse";
    RefundRecord refund;

    template <class V> void visit(V& v) { v("refund", refund); }
};

/// A refund names its payment and needs the refund permission: the caller's own, or a supervisor's given here.
struct RefundCreateRequest
{
    static constexpr const char* kRoot = "refundCreateRequest";
    static constexpr const char* kOperation = "refundCreate";
    static constexpr bool kWrite = true;
    using Response = RefundCreateResponse;
    std::string correlator_id;
    std::string payment_id;
    domain::Money amount;
    std::string reason;
    std::optional<std::string> approver_staff_id;
    std::optional<std::string> approver_password;

    template <class V> void visit(V& v)
    {
        v("correlatorId", correlator_id, kShortText);
        v("paymentId", payment_id, kShortText);
        v("amount", amount);
        v("reason", reason);
        v("approverStaffId", approver_staff_id, kShortText);
        v("approverPassword", approver_password, Limit{128});
    }
};

struct BillingAccount
{
    std::string account_id;
    std::string customer_id;
    std::string name;
    std::string payment_method; ///< cash | collection | directDebit
    domain::Money balance;      ///< negative = arrears
    std::string state = "active";

    template <class V> void visit(V& v)
    {
        v("accountId", account_id, kShortText);
        v("customerId", customer_id, kShortText);
        v("name", name);
        v("paymentMethod", payment_method, kShortText);
        v("balance", balance);
        v("state", state, kShortText);
    }
};

struct BillingAccountListResponse
{
    static constexpr const char* kRoot = "billingAccountListResponse";
    std::vector<BillingAccount> accounts;

    template <class V> void visit(V& v) { v("billingAccount", accounts); }
};

struct BillingAccountListRequest
{
    static constexpr const char* kRoot = "billingAccountListRequest";
    static constexpr const char* kOperation = "billingAccountList";
    static constexpr bool kWrite = false;
    using Response = BillingAccountListResponse;
    std::string customer_id;

    template <class V> void visit(V& v) { v("customerId", customer_id, kShortText); }
};

struct BillingAccountCreateResponse
{
    static constexpr const char* kRoot = "billingAccountCreateResponse";
    BillingAccount account;

    template <class V> void visit(V& v) { v("billingAccount", account); }
};

struct BillingAccountCreateRequest
{
    static constexpr const char* kRoot = "billingAccountCreateRequest";
    static constexpr const char* kOperation = "billingAccountCreate";
    static constexpr bool kWrite = true;
    using Response = BillingAccountCreateResponse;
    BillingAccount account;

    template <class V> void visit(V& v) { v("billingAccount", account); }
};

struct SettlementLine
{
    std::string method;
    std::int64_t count = 0;
    domain::Money amount;

    template <class V> void visit(V& v)
    {
        v("method", method, kShortText);
        v("count", count);
        v("amount", amount);
    }
};

struct SettlementResponse
{
    domain::Date date{};
    std::string staff_id;
    std::vector<SettlementLine> lines;
    domain::Money refunds;
    domain::Money net;
    bool closed = false;

    template <class V> void visit(V& v)
    {
        v("date", date);
        v("staffId", staff_id, kShortText);
        v("line", lines);
        v("refunds", refunds);
        v("net", net);
        v("closed", closed);
    }
};

struct SettlementGetResponse : SettlementResponse
{
    static constexpr const char* kRoot = "settlementGetResponse";
};

/// A clerk's takings for one day (UTC+8 business day) by payment method.
struct SettlementGetRequest
{
    static constexpr const char* kRoot = "settlementGetRequest";
    static constexpr const char* kOperation = "settlementGet";
    static constexpr bool kWrite = false;
    using Response = SettlementGetResponse;
    domain::Date date{};
    std::optional<std::string> staff_id; ///< another clerk's day: supervisors only

    template <class V> void visit(V& v)
    {
        v("date", date);
        v("staffId", staff_id, kShortText);
    }
};

struct SettlementCloseResponse : SettlementResponse
{
    static constexpr const char* kRoot = "settlementCloseResponse";
};

/// Closes the caller's day: later payments or refunds dated that day are refused.
struct SettlementCloseRequest
{
    static constexpr const char* kRoot = "settlementCloseRequest";
    static constexpr const char* kOperation = "settlementClose";
    static constexpr bool kWrite = true;
    using Response = SettlementCloseResponse;
    domain::Date date{};

    template <class V> void visit(V& v) { v("date", date); }
};

} // namespace contract
