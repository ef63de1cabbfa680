// Payments and refunds (TMF676), billing accounts, and the clerk's daily settlement. A closed day takes no more
// payments or refunds; a refund never exceeds what is left of its payment.
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/records.h"
#include "services/backoffice/sql_util.h"

#include <algorithm>

namespace backoffice {

namespace {

constexpr std::array kMethods{"cash", "bankCard", "wechat", "alipay", "cheque"};
constexpr std::array kAccountMethods{"cash", "collection", "directDebit"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& values, const std::string& value)
{
    return std::any_of(values.begin(), values.end(), [&](const char* v) { return value == v; });
}

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
        soci::into(order_id, order_ind), soci::into(account_id, account_ind), soci::into(amount),
        soci::into(refunded), soci::into(payment.method), soci::into(payment.staff_id), soci::into(at);
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
    long long taken = 0;
    for (const auto& row : rows) {
        const auto number = [&](std::size_t column) { return column_int(row, column); };
        response.lines.push_back({row.get<std::string>(0), number(1), domain::Money::from_fen(number(2))});
        taken += number(2);
    }
    long long refunds = 0;
    soci::indicator ind = soci::i_null;
    ctx.sql << "SELECT SUM(amount_fen) FROM refunds WHERE staff_id = :s AND business_day = :d", soci::use(staff_id),
        soci::use(day), soci::into(refunds, ind);
    response.refunds = domain::Money::from_fen(ind == soci::i_ok ? refunds : 0);
    response.net = domain::Money::from_fen(taken) - response.refunds;
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
    if (request.amount <= domain::Money{}) {
        refuse_field("amount", "notPositive");
    }
    if (!one_of(kMethods, request.method)) {
        refuse_field("method", "unknown");
    }
    if (request.order_id.has_value() == request.account_id.has_value()) {
        refuse_field("orderId", "orderOrAccount"); // a payment is for one order or into one account
    }
    check_day_open(ctx, ctx.caller.staff_id);
    if (request.order_id) {
        load_order(ctx.sql, *request.order_id);
    } else {
        long long updated = 0;
        const long long fen = request.amount.fen(); // bound by reference: must outlive the statement
        soci::statement credit = (ctx.sql.prepare << "UPDATE accounts SET balance_fen = balance_fen + :a "
                                                     "WHERE account_id = :id",
                                  soci::use(fen), soci::use(*request.account_id));
        credit.execute(true);
        updated = credit.get_affected_rows();
        if (updated != 1) {
            refuse(ResultCode::not_found, {{"accountId", *request.account_id}});
        }
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

Prepared prepare(soci::session& reader, const Caller&, const RefundCreateRequest& request,
                 const PasswordHasher& hasher)
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

RefundCreateResponse handle(OpContext& ctx, const RefundCreateRequest& request)
{
    std::string approver = ctx.caller.staff_id;
    if (!ctx.caller.may("payment.refund")) {
        if (!ctx.caller.may("payment.take")) {
            refuse(ResultCode::permission, {{"permission", "payment.take"}});
        }
        // A clerk's refund carries a supervisor's approval: their staff id and password, checked here.
        const auto supervisor = ctx.prepared.approver_id.empty() ? std::nullopt
                                                                 : load_staff(ctx.sql, ctx.prepared.approver_id);
        if (!supervisor || !supervisor->may("payment.refund")) {
            if (request.approver_staff_id && ctx.prepared.approver_id.empty()) {
                // A wrong approval password counts against that supervisor like a failed login, so this request
                // cannot be used to guess it.
                const auto limit = setting_int(ctx.sql, "lockout_failures", 5);
                const auto until = iso(ctx.now + std::chrono::minutes{setting_int(ctx.sql, "lockout_minutes", 15)});
                ctx.sql << "UPDATE staff SET failed_logins = failed_logins + 1 WHERE staff_id = :s",
                    soci::use(*request.approver_staff_id);
                ctx.sql << "UPDATE staff SET failed_logins = 0, locked_until = :u WHERE staff_id = :s AND "
                           "failed_logins >= :l",
                    soci::use(until), soci::use(*request.approver_staff_id), soci::use(limit);
                throw Refusal({ResultCode::permission, {{"permission", "payment.refund"}, {"reason", "approval"}}},
                              true);
            }
            refuse(ResultCode::permission, {{"permission", "payment.refund"}, {"reason", "approval"}});
        }
        std::string locked_until;
        ctx.sql << "SELECT locked_until FROM staff WHERE staff_id = :s AND locked_until IS NOT NULL",
            soci::use(supervisor->staff_id), soci::into(locked_until);
        if (ctx.sql.got_data() && locked_until > iso(ctx.now)) {
            // A locked account approves nothing, whatever password is given.
            refuse(ResultCode::permission, {{"permission", "payment.refund"}, {"reason", "locked"}});
        }
        approver = supervisor->staff_id;
    }
    std::string existing;
    std::string first_payment;
    long long first_amount = 0;
    ctx.sql << "SELECT refund_id, payment_id, amount_fen FROM refunds WHERE correlator_id = :c",
        soci::use(request.correlator_id), soci::into(existing), soci::into(first_payment), soci::into(first_amount);
    if (ctx.sql.got_data() && (first_payment != request.payment_id || first_amount != request.amount.fen())) {
        refuse(ResultCode::idempotency, {{"correlatorId", request.correlator_id}});
    }
    if (!ctx.sql.got_data()) {
        if (request.amount <= domain::Money{}) {
            refuse_field("amount", "notPositive");
        }
        const auto payment = payment_record(ctx.sql, request.payment_id);
        check_day_open(ctx, ctx.caller.staff_id);
        const long long fen = request.amount.fen(); // bound by reference: must outlive the statement
        soci::statement take = (ctx.sql.prepare << "UPDATE payments SET refunded_fen = refunded_fen + :a "
                                                   "WHERE payment_id = :p AND amount_fen - refunded_fen >= :a2",
                                soci::use(fen), soci::use(request.payment_id), soci::use(fen));
        take.execute(true);
        if (take.get_affected_rows() != 1) {
            refuse(ResultCode::validation, {{"field", "amount"}, {"reason", "exceedsPayment"},
                                            {"paid", payment.amount.plain()}});
        }
        if (payment.account_id) {
            // Money paid into an account leaves it again; what that leaves owing is arrears once more (a payment
            // that lifted an arrears block cannot be refunded to lift it for free).
            long long before = 0;
            ctx.sql << "SELECT balance_fen FROM accounts WHERE account_id = :id", soci::use(*payment.account_id),
                soci::into(before);
            const long long after = before - fen;
            const long long owed = std::max(0LL, -after) - std::max(0LL, -before);
            ctx.sql << "UPDATE accounts SET balance_fen = :b WHERE account_id = :id", soci::use(after),
                soci::use(*payment.account_id);
            ctx.sql << "UPDATE customers SET arrears_fen = arrears_fen + :o WHERE customer_id = "
                       "(SELECT customer_id FROM accounts WHERE account_id = :id)",
                soci::use(owed), soci::use(*payment.account_id);
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
    if (!one_of(kAccountMethods, account.payment_method)) {
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
