#include "client/store/payment_store.h"

#include "common/sql/column.h"

namespace store {
namespace {

constexpr const char* kSelect = "SELECT local_id, payment_id, order_local_id, account_id, amount_fen, method, state, "
                                "idem_key, staff, created_at, document FROM payments ";

LocalPayment payment_from(const soci::row& row)
{
    LocalPayment p;
    p.local_id = row.get<std::string>(0);
    if (row.get_indicator(1) == soci::i_ok) {
        p.payment_id = row.get<std::string>(1);
    }
    p.order_local_id = row.get_indicator(2) == soci::i_ok ? row.get<std::string>(2) : std::string();
    p.account_id = row.get_indicator(3) == soci::i_ok ? row.get<std::string>(3) : std::string();
    p.amount_fen = sql::column_int(row, 4);
    p.method = row.get<std::string>(5);
    p.state = row.get<std::string>(6);
    p.idem_key = row.get<std::string>(7);
    p.staff = row.get<std::string>(8);
    p.created_at = row.get<std::string>(9);
    p.document = row.get<std::string>(10);
    return p;
}

} // namespace

void PaymentStore::add(const LocalPayment& payment, UtcTime now)
{
    const auto at = utc_text(now);
    const long long amount = payment.amount_fen;
    soci::indicator order_ind = payment.order_local_id.empty() ? soci::i_null : soci::i_ok;
    soci::indicator account_ind = payment.account_id.empty() ? soci::i_null : soci::i_ok;
    m_sql << "INSERT INTO payments (local_id, order_local_id, account_id, amount_fen, method, state, idem_key, staff, "
             "created_at) VALUES (:l, :o, :a, :m, :me, :s, :k, :st, :c)",
        soci::use(payment.local_id), soci::use(payment.order_local_id, order_ind),
        soci::use(payment.account_id, account_ind), soci::use(amount), soci::use(payment.method),
        soci::use(payment.state), soci::use(payment.idem_key), soci::use(payment.staff), soci::use(at);
}

void PaymentStore::set_state(const std::string& local_id, const std::string& state)
{
    m_sql << "UPDATE payments SET state = :s WHERE local_id = :l", soci::use(state), soci::use(local_id);
}

void PaymentStore::accepted(const std::string& local_id, const std::string& payment_id, const std::string& document)
{
    m_sql << "UPDATE payments SET state = 'accepted', payment_id = :p, document = :d WHERE local_id = :l",
        soci::use(payment_id), soci::use(document), soci::use(local_id);
}

std::optional<LocalPayment> PaymentStore::by_local_id(const std::string& local_id) const
{
    soci::rowset<soci::row> rows = (m_sql.prepare << std::string(kSelect) + "WHERE local_id = :l", soci::use(local_id));
    for (const auto& row : rows) {
        return payment_from(row);
    }
    return std::nullopt;
}

std::vector<LocalPayment> PaymentStore::for_order(const std::string& order_local_id) const
{
    std::vector<LocalPayment> found;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << std::string(kSelect) + "WHERE order_local_id = :o ORDER BY created_at",
         soci::use(order_local_id));
    for (const auto& row : rows) {
        found.push_back(payment_from(row));
    }
    return found;
}

} // namespace store
