// Payments and refunds (TMF676), billing accounts, and the clerk's daily settlement. A closed day takes no more
// payments or refunds; a refund never exceeds what is left of its payment.
#include "domain/order_state.h"
#include "domain/payment_method.h"
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/login_failures.h"
#include "services/backoffice/handlers/records.h"
#include "services/backoffice/sql_util.h"

#include <algorithm>

namespace backoffice {

namespace {

void check_day_open(OpContext& ctx, const std::string& staff_id)
{
    const auto day = business_day(ctx.now);
    int closed = 0;
    ctx.sql << "SELECT COUNT(*) FROM settlements WHERE staff_id = :s AND business_day = :d", soci::use(staff_id),
        soci::use(day), soci::into(closed);
    if (closed > 0) {
        refuse(ResultCode::validation, {{"field", "date"}, {"reason", "dayClosed"}, {"date", day}});
    }
}

PaymentRecord payment_record(soci::session& sql, const std::string& payment_id)
{
    PaymentRecord payment;
    std::string order_id;
    std::string account_id;
    soci::indicator order_ind = soci::i_null;
    soci::indicator account_ind = soci::i_null;
    long long amount = 0;
    long long refunded = 0;
    std::string at;
    sql << "SELECT payment_id, correlator_id, order_id, account_id, amount_fen, refunded_fen, method, staff_id, at "
           "FROM payments WHERE payment_id = :p",
        soci::use(payment_id), soci::into(payment.payment_id), soci::into(payment.correlator_id),
        soci::into(order_id, order_ind), soci::into(account_id, account_ind), soci::into(amount), soci::into(refunded),
        soci::into(payment.method), soci::into(payment.staff_id), soci::into(at);
    if (!sql.got_data()) {
        refuse(ResultCode::not_found, {{"paymentId", payment_id}});
    }
    if (order_ind == soci::i_ok) {
        payment.order_id = order_id;
    }
    if (account_ind == soci::i_ok) {
        payment.account_id = account_id;
    }
    payment.amount = domain::Money::from_fen(amount);
    payment.status = refunded == 0 ? "paid" : refunded == amount ? "refunded" : "partiallyRefunded";
    payment.at = from_iso(at);
    return payment;
}

/// A payment for an order is for what the order still owes: its total less what its payments keep (refunds give
/// back). A cancelled, rejected or failed order, or one being cancelled, owes nothing and takes nothing.
void check_order_owes(OpContext& ctx, const contract::ProductOrder& order, domain::Money amount)
{
    const auto state = domain::order_state_from_string(order.state);
    using domain::OrderState;
    if (!state || *state == OrderState::cancelled || *state == OrderState::rejected || *state == OrderState::failed ||
        *state == OrderState::pending_cancellation || *state == OrderState::assessing_cancellation) {
        refuse(ResultCode::validation, {{"field", "orderId"}, {"reason", "orderClosed"}, {"state", order.state}});
    }
    // Each kept amount is bounded on entry, so this sum cannot overflow; CAST keeps PostgreSQL's answer an integer.
    long long kept = 0;
    soci::indicator ind = soci::i_null;
    ctx.sql << "SELECT CAST(SUM(amount_fen - refunded_fen) AS BIGINT) FROM payments WHERE order_id = :o",
        soci::use(order.order_id), soci::into(kept, ind);
    const auto owed = order.total - domain::Money::from_fen(ind == soci::i_ok ? kept : 0);
    if (amount > owed) {
        refuse(ResultCode::validation,
               {{"field", "amount"}, {"reason", "exceedsOwed"}, {"owed", std::max(owed, domain::Money{}).plain()}});
    }
}

/// Money into an account. The balance refuses rather than saturates: it may not pass Money's own bound (SQLite
/// would turn an overflowing integer sum into an inexact REAL, and a later read would clamp it).
void credit_account(OpContext& ctx, const std::string& account_id, domain::Money amount)
{
    long long balance = 0;
    ctx.sql << "SELECT balance_fen FROM accounts WHERE account_id = :id", soci::use(account_id), soci::into(balance);
    if (!ctx.sql.got_data()) {
        refuse(ResultCode::not_found, {{"accountId", account_id}});
    }
    const auto after = domain::Money::sum(domain::Money::from_fen(balance), amount);
    if (!after || after->fen() > domain::Money::kMaxFen) {
        refuse(ResultCode::validation, {{"field", "amount"}, {"reason", "balanceLimit"}});
    }
    const long long fen = after->fen();
    ctx.sql << "UPDATE accounts SET balance_fen = :b WHERE account_id = :id", soci::use(fen), soci::use(account_id);
}

long long payment_refunded(soci::session& sql, const std::string& payment_id)
{
    long long refunded = 0;
    sql << "SELECT refunded_fen FROM payments WHERE payment_id = :p", soci::use(payment_id), soci::into(refunded);
    return refunded;
}

SettlementResponse settlement(OpContext& ctx, domain::Date date, const std::string& staff_id)
{
    SettlementResponse response;
    response.date = date;
    response.staff_id = staff_id;
    const auto day = domain::format_iso(date);
    soci::rowset<soci::row> rows = (ctx.sql.prepare << "SELECT method, COUNT(*), SUM(amount_fen) FROM payments "
                                                       "WHERE staff_id = :s AND business_day = :d GROUP BY method "
                                                       "ORDER BY method",
                                    soci::use(staff_id), soci::use(day));
    // Every amount is bounded on entry (max_amount), so no SQL SUM here can overflow 64 bits; the day's total adds
    // them with Money's checked arithmetic all the same.
    domain::Money taken;
    for (const auto& row : rows) {
        const auto number = [&](std::size_t column) { return column_int(row, column); };
        response.lines.push_back({row.get<std::string>(0), number(1), domain::Money::from_fen(number(2))});
        taken += domain::Money::from_fen(number(2));
    }
    long long refunds = 0;
    soci::indicator ind = soci::i_null;
    ctx.sql << "SELECT SUM(amount_fen) FROM refunds WHERE staff_id = :s AND business_day = :d", soci::use(staff_id),
        soci::use(day), soci::into(refunds, ind);
    response.refunds = domain::Money::from_fen(ind == soci::i_ok ? refunds : 0);
    response.net = taken - response.refunds;
    int closed = 0;
    ctx.sql << "SELECT COUNT(*) FROM settlements WHERE staff_id = :s AND business_day = :d", soci::use(staff_id),
        soci::use(day), soci::into(closed);
    response.closed = closed > 0;
    return response;
}

} // namespace

PaymentCreateResponse handle(OpContext& ctx, const PaymentCreateRequest& request)
{
    // The correlator is the workstation's own key for this payment: a repeat answers the first payment.
    std::string existing;
    ctx.sql << "SELECT payment_id FROM payments WHERE correlator_id = :c", soci::use(request.correlator_id),
        soci::into(existing);
    if (ctx.sql.got_data()) {
        auto first = payment_record(ctx.sql, existing);
        // A repeat is the same payment; the same correlator for different money is a client bug, said clearly.
        if (first.amount != request.amount || first.method != request.method || first.order_id != request.order_id ||
            first.account_id != request.account_id) {
            refuse(ResultCode::idempotency, {{"correlatorId", request.correlator_id}});
        }
        return {std::move(first)};
    }
    check_amount_field(ctx.sql, "amount", request.amount);
    if (!domain::tender_named(request.method)) {
        refuse_field("method", "unknown");
    }
    if (request.order_id.has_value() == request.account_id.has_value()) {
        refuse_field("orderId", "orderOrAccount"); // a payment is for one order or into one account
    }
    check_day_open(ctx, ctx.caller.staff_id);
    if (request.order_id) {
        check_order_owes(ctx, load_order(ctx.sql, *request.order_id), request.amount);
    } else {
        credit_account(ctx, *request.account_id, request.amount);
        const long long fen = request.amount.fen(); // bound by reference: must outlive the statement
        // Paying into an account settles what the customer owes, which also lifts an arrears block.
        ctx.sql << "UPDATE customers SET arrears_fen = CASE WHEN arrears_fen > :a THEN arrears_fen - :a2 ELSE 0 END "
                   "WHERE customer_id = (SELECT customer_id FROM accounts WHERE account_id = :id)",
            soci::use(fen), soci::use(fen), soci::use(*request.account_id);
    }
    const auto payment_id = next_id(ctx, "payment", "P");
    const auto at = iso(ctx.now);
    const auto day = business_day(ctx.now);
    const std::string order = request.order_id.value_or("");
    const std::string account = request.account_id.value_or("");
    auto order_ind = request.order_id ? soci::i_ok : soci::i_null;
    auto account_ind = request.account_id ? soci::i_ok : soci::i_null;
    const long long amount = request.amount.fen();
    ctx.sql << "INSERT INTO payments (payment_id, correlator_id, order_id, account_id, amount_fen, method, staff_id, "
               "hall_id, at, business_day) VALUES (:p, :c, :o, :a, :m, :me, :s, :h, :at, :d)",
        soci::use(payment_id), soci::use(request.correlator_id), soci::use(order, order_ind),
        soci::use(account, account_ind), soci::use(amount), soci::use(request.method), soci::use(ctx.caller.staff_id),
        soci::use(ctx.caller.hall_id), soci::use(at), soci::use(day);
    audit(ctx, "paymentCreate", payment_id);
    return {payment_record(ctx.sql, payment_id)};
}

Prepared prepare(soci::session& reader, const Caller&, const RefundCreateRequest& request, const PasswordHasher& hasher)
{
    Prepared prepared;
    if (!request.approver_staff_id || !request.approver_password) {
        return prepared;
    }
    std::string hash;
    reader << "SELECT password_hash FROM staff WHERE staff_id = :s AND enabled = 1 AND deleted = 0",
        soci::use(*request.approver_staff_id), soci::into(hash);
    if (reader.got_data() && hasher.verify(*request.approver_password, hash)) {
        prepared.approver_id = *request.approver_staff_id;
    }
    return prepared;
}

/// A clerk's refund carries a supervisor's approval. It is weighed only once everything else about the refund is
/// right (the payment, the amount, the day, the approver being a supervisor who may approve): a wrong password then
/// counts against the pair (this clerk, that supervisor), never against the supervisor everywhere, so naming a
/// supervisor with wrong passwords cannot lock them out (see login_failures.h).
std::string check_approval(OpContext& ctx, const RefundCreateRequest& request)
{
    const auto refused = [](const char* reason) {
        refuse(ResultCode::permission, {{"permission", "payment.refund"}, {"reason", reason}});
    };
    if (!request.approver_staff_id || !request.approver_password) {
        refused("approval");
    }
    const auto& approver_id = *request.approver_staff_id;
    const auto supervisor = load_staff(ctx.sql, approver_id);
    if (!supervisor || !supervisor->may("payment.refund") || approver_id == ctx.caller.staff_id) {
        refused("approval");
    }
    if (supervisor->must_change_password) {
        // An administrator-set first or reset password is a one-time secret someone else knew: it approves nothing.
        refused("mustChangePassword");
    }
    const auto source = "staff:" + ctx.caller.staff_id;
    if (blocked_until(ctx, source, approver_id)) {
        // A locked pair approves nothing, whatever password is given.
        refused("locked");
    }
    if (ctx.prepared.approver_id != approver_id) {
        record_failure(ctx, source, approver_id);
        throw Refusal({ResultCode::permission, {{"permission", "payment.refund"}, {"reason", "approval"}}}, true);
    }
    clear_failures(ctx, source, approver_id);
    return approver_id;
}

RefundCreateResponse handle(OpContext& ctx, const RefundCreateRequest& request)
{
    // The router let through only callers who may refund or who take payments (and so may ask for an approval).
    const bool needs_approval = !ctx.caller.may("payment.refund");
    std::string existing;
    std::string first_payment;
    long long first_amount = 0;
    ctx.sql << "SELECT refund_id, payment_id, amount_fen FROM refunds WHERE correlator_id = :c",
        soci::use(request.correlator_id), soci::into(existing), soci::into(first_payment), soci::into(first_amount);
    const bool repeat = ctx.sql.got_data();
    if (repeat && (first_payment != request.payment_id || first_amount != request.amount.fen())) {
        refuse(ResultCode::idempotency, {{"correlatorId", request.correlator_id}});
    }
    std::optional<PaymentRecord> payment;
    if (!repeat) {
        check_amount_field(ctx.sql, "amount", request.amount);
        payment = payment_record(ctx.sql, request.payment_id);
        check_day_open(ctx, ctx.caller.staff_id);
        if (payment->amount - domain::Money::from_fen(payment_refunded(ctx.sql, request.payment_id)) < request.amount) {
            refuse(ResultCode::validation,
                   {{"field", "amount"}, {"reason", "exceedsPayment"}, {"paid", payment->amount.plain()}});
        }
    }
    const std::string approver = needs_approval ? check_approval(ctx, request) : ctx.caller.staff_id;
    if (payment) {
        const long long fen = request.amount.fen(); // bound by reference: must outlive the statement
        soci::statement take = (ctx.sql.prepare << "UPDATE payments SET refunded_fen = refunded_fen + :a "
                                                   "WHERE payment_id = :p AND amount_fen - refunded_fen >= :a2",
                                soci::use(fen), soci::use(request.payment_id), soci::use(fen));
        take.execute(true);
        if (take.get_affected_rows() != 1) {
            refuse(ResultCode::validation,
                   {{"field", "amount"}, {"reason", "exceedsPayment"}, {"paid", payment->amount.plain()}});
        }
        if (payment->account_id) {
            // Money paid into an account leaves it again; what that leaves owing is arrears once more (a payment
            // that lifted an arrears block cannot be refunded to lift it for free).
            long long before = 0;
            ctx.sql << "SELECT balance_fen FROM accounts WHERE account_id = :id", soci::use(*payment->account_id),
                soci::into(before);
            const long long after = (domain::Money::from_fen(before) - request.amount).fen(); // checked
            const long long owed = std::max(0LL, -after) - std::max(0LL, -before);
            ctx.sql << "UPDATE accounts SET balance_fen = :b WHERE account_id = :id", soci::use(after),
                soci::use(*payment->account_id);
            ctx.sql << "UPDATE customers SET arrears_fen = arrears_fen + :o WHERE customer_id = "
                       "(SELECT customer_id FROM accounts WHERE account_id = :id)",
                soci::use(owed), soci::use(*payment->account_id);
        }
        existing = next_id(ctx, "refund", "R");
        const auto at = iso(ctx.now);
        const auto day = business_day(ctx.now);
        const long long amount = request.amount.fen();
        ctx.sql << "INSERT INTO refunds (refund_id, correlator_id, payment_id, amount_fen, reason, approved_by, "
                   "staff_id, at, business_day) VALUES (:r, :c, :p, :a, :re, :ap, :s, :at, :d)",
            soci::use(existing), soci::use(request.correlator_id), soci::use(request.payment_id), soci::use(amount),
            soci::use(request.reason), soci::use(approver), soci::use(ctx.caller.staff_id), soci::use(at),
            soci::use(day);
        audit(ctx, "refundCreate", existing);
    }
    RefundRecord refund;
    long long amount = 0;
    std::string at;
    ctx.sql << "SELECT refund_id, payment_id, amount_fen, reason, approved_by, at FROM refunds WHERE refund_id = :r",
        soci::use(existing), soci::into(refund.refund_id), soci::into(refund.payment_id), soci::into(amount),
        soci::into(refund.reason), soci::into(refund.approved_by), soci::into(at);
    refund.amount = domain::Money::from_fen(amount);
    refund.at = from_iso(at);
    return {refund};
}

BillingAccountListResponse handle(OpContext& ctx, const BillingAccountListRequest& request)
{
    load_customer(ctx.sql, request.customer_id);
    BillingAccountListResponse response;
    soci::rowset<soci::row> rows =
        (ctx.sql.prepare << "SELECT account_id, customer_id, name, payment_method, balance_fen, state FROM accounts "
                            "WHERE customer_id = :c ORDER BY account_id",
         soci::use(request.customer_id));
    for (const auto& row : rows) {
        response.accounts.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                                     row.get<std::string>(3), domain::Money::from_fen(column_int(row, 4)),
                                     row.get<std::string>(5)});
    }
    return response;
}

BillingAccountCreateResponse handle(OpContext& ctx, const BillingAccountCreateRequest& request)
{
    auto account = request.account;
    load_customer(ctx.sql, account.customer_id);
    if (!domain::bill_payment_named(account.payment_method)) {
        refuse_field("billingAccount/paymentMethod", "unknown");
    }
    account.account_id = next_id(ctx, "account", "A");
    account.balance = {};
    account.state = "active";
    ctx.sql << "INSERT INTO accounts (account_id, customer_id, name, payment_method, balance_fen, state) "
               "VALUES (:a, :c, :n, :m, 0, 'active')",
        soci::use(account.account_id), soci::use(account.customer_id), soci::use(account.name),
        soci::use(account.payment_method);
    audit(ctx, "billingAccountCreate", account.account_id);
    return {account};
}

SettlementGetResponse handle(OpContext& ctx, const SettlementGetRequest& request)
{
    const auto staff = request.staff_id.value_or(ctx.caller.staff_id);
    if (staff != ctx.caller.staff_id && !ctx.caller.may("settlement.all")) {
        refuse(ResultCode::permission, {{"permission", "settlement.all"}});
    }
    SettlementGetResponse response;
    static_cast<SettlementResponse&>(response) = settlement(ctx, request.date, staff);
    return response;
}

SettlementCloseResponse handle(OpContext& ctx, const SettlementCloseRequest& request)
{
    const auto day = domain::format_iso(request.date);
    if (day > business_day(ctx.now)) {
        refuse_field("date", "future");
    }
    int closed = 0;
    ctx.sql << "SELECT COUNT(*) FROM settlements WHERE staff_id = :s AND business_day = :d",
        soci::use(ctx.caller.staff_id), soci::use(day), soci::into(closed);
    if (closed == 0) {
        const auto at = iso(ctx.now);
        ctx.sql << "INSERT INTO settlements (staff_id, business_day, closed_at) VALUES (:s, :d, :a)",
            soci::use(ctx.caller.staff_id), soci::use(day), soci::use(at);
        audit(ctx, "settlementClose", day);
    }
    SettlementCloseResponse response;
    static_cast<SettlementResponse&>(response) = settlement(ctx, request.date, ctx.caller.staff_id);
    return response;
}

} // namespace backoffice
