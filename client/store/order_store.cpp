#include "client/store/order_store.h"

#include "common/sql/column.h"

namespace store {
namespace {

constexpr const char* kColumns = "local_id, order_id, customer_id, order_type, state, provisional, total_fen, staff, "
                                 "created_at, updated_at, document";

LocalOrder order_from(const soci::row& row)
{
    LocalOrder o;
    o.local_id = row.get<std::string>(0);
    if (row.get_indicator(1) == soci::i_ok) {
        o.order_id = row.get<std::string>(1);
    }
    o.customer_id = row.get<std::string>(2);
    o.order_type = row.get<std::string>(3);
    o.state = row.get<std::string>(4);
    o.provisional = sql::column_int(row, 5) != 0;
    o.total_fen = sql::column_int(row, 6);
    o.staff = row.get<std::string>(7);
    o.created_at = row.get<std::string>(8);
    o.updated_at = row.get<std::string>(9);
    o.document = row.get<std::string>(10);
    return o;
}

} // namespace

void OrderStore::add(const LocalOrder& order, UtcTime now)
{
    const auto at = utc_text(now);
    const long long total = order.total_fen;
    const int provisional = order.provisional ? 1 : 0;
    m_sql << "INSERT INTO orders (local_id, customer_id, order_type, state, provisional, total_fen, staff, "
             "created_at, updated_at, document) VALUES (:l, :c, :t, :s, :p, :f, :st, :a, :a2, :d)",
        soci::use(order.local_id), soci::use(order.customer_id), soci::use(order.order_type), soci::use(order.state),
        soci::use(provisional), soci::use(total), soci::use(order.staff), soci::use(at), soci::use(at),
        soci::use(order.document);
    replace_timeline(order.local_id, {{order.state, at, order.staff, {}}});
}

std::string OrderStore::apply_remote(const std::string& local_id, const std::string& order_id,
                                     const std::string& customer_id, const std::string& order_type,
                                     const std::string& state, std::int64_t total_fen, const std::string& staff,
                                     const std::string& document, const std::vector<OrderEvent>& timeline, UtcTime now)
{
    const auto at = utc_text(now);
    const long long total = total_fen;
    // Only the row's key is needed to match: the recorder applies thousands of answers in a row after a day
    // offline, and reading each order with its timeline first doubled its work.
    std::string id;
    soci::indicator found = soci::i_null;
    if (!local_id.empty()) {
        m_sql << "SELECT local_id FROM orders WHERE local_id = :l", soci::use(local_id), soci::into(id, found);
    }
    if (found != soci::i_ok) {
        m_sql << "SELECT local_id FROM orders WHERE order_id = :o", soci::use(order_id), soci::into(id, found);
    }
    const bool known = found == soci::i_ok && m_sql.got_data();
    if (!known) {
        id = local_id.empty() ? "remote:" + order_id : local_id;
    }
    if (known) {
        // The customer too: an order accepted for a provisional customer was recorded under its local id.
        m_sql << "UPDATE orders SET order_id = :o, customer_id = :c, state = :s, provisional = 0, total_fen = :f, "
                 "document = :d, updated_at = :a WHERE local_id = :l",
            soci::use(order_id), soci::use(customer_id), soci::use(state), soci::use(total), soci::use(document),
            soci::use(at), soci::use(id);
    } else {
        m_sql << "INSERT INTO orders (local_id, order_id, customer_id, order_type, state, provisional, total_fen, "
                 "staff, created_at, updated_at, document) VALUES (:l, :o, :c, :t, :s, 0, :f, :st, :a, :a2, :d)",
            soci::use(id), soci::use(order_id), soci::use(customer_id), soci::use(order_type), soci::use(state),
            soci::use(total), soci::use(staff), soci::use(at), soci::use(at), soci::use(document);
    }
    replace_timeline(id, timeline);
    return id;
}

void OrderStore::mark_rejected(const std::string& local_id, const std::string& code, UtcTime now)
{
    add_event(local_id, "rejected", {}, code, now);
}

void OrderStore::add_event(const std::string& local_id, const std::string& state, const std::string& staff,
                           const std::string& reason, UtcTime now)
{
    set_state(local_id, state, now);
    const auto at = utc_text(now);
    int seq = 0;
    m_sql << "SELECT COALESCE(MAX(seq), 0) + 1 FROM order_events WHERE local_id = :l", soci::use(local_id),
        soci::into(seq);
    m_sql << "INSERT INTO order_events (local_id, seq, state, at, staff, reason) VALUES (:l, :q, :s, :a, :f, :r)",
        soci::use(local_id), soci::use(seq), soci::use(state), soci::use(at), soci::use(staff), soci::use(reason);
}

void OrderStore::replace_draft(const std::string& local_id, const std::string& document, std::int64_t total_fen,
                               UtcTime now)
{
    const auto at = utc_text(now);
    const long long total = total_fen;
    m_sql << "UPDATE orders SET document = :d, total_fen = :f, updated_at = :a WHERE local_id = :l",
        soci::use(document), soci::use(total), soci::use(at), soci::use(local_id);
}

void OrderStore::set_state(const std::string& local_id, const std::string& state, UtcTime now)
{
    const auto at = utc_text(now);
    m_sql << "UPDATE orders SET state = :s, updated_at = :a WHERE local_id = :l", soci::use(state), soci::use(at),
        soci::use(local_id);
}

void OrderStore::replace_timeline(const std::string& local_id, const std::vector<OrderEvent>& timeline)
{
    m_sql << "DELETE FROM order_events WHERE local_id = :l", soci::use(local_id);
    int seq = 0;
    for (const auto& event : timeline) {
        ++seq;
        m_sql << "INSERT INTO order_events (local_id, seq, state, at, staff, reason) VALUES (:l, :q, :s, :a, :f, :r)",
            soci::use(local_id), soci::use(seq), soci::use(event.state), soci::use(event.at), soci::use(event.staff),
            soci::use(event.reason);
    }
}

std::optional<LocalOrder> OrderStore::select_one(const std::string& where, const std::string& key) const
{
    soci::rowset<soci::row> rows =
        (m_sql.prepare << std::string("SELECT ") + kColumns + " FROM orders WHERE " + where, soci::use(key));
    for (const auto& row : rows) {
        auto order = order_from(row);
        soci::rowset<soci::row> events =
            (m_sql.prepare << "SELECT state, at, staff, reason FROM order_events WHERE local_id = :l ORDER BY seq",
             soci::use(order.local_id));
        for (const auto& e : events) {
            order.timeline.push_back(
                {e.get<std::string>(0), e.get<std::string>(1), e.get<std::string>(2), e.get<std::string>(3)});
        }
        return order;
    }
    return std::nullopt;
}

std::optional<LocalOrder> OrderStore::by_local_id(const std::string& local_id) const
{
    return select_one("local_id = :k", local_id);
}

std::optional<LocalOrder> OrderStore::by_order_id(const std::string& order_id) const
{
    return select_one("order_id = :k", order_id);
}

std::vector<LocalOrder> OrderStore::for_customer(const std::string& customer_id) const
{
    OrderFilter filter;
    filter.customer_id = customer_id;
    filter.limit = -1;
    return list(filter);
}

std::vector<LocalOrder> OrderStore::list(const OrderFilter& filter) const
{
    // Unset conditions match everything (:x = '' OR ...), so one statement serves every filter.
    const std::string customer = filter.customer_id.value_or("");
    const std::string staff = filter.staff.value_or("");
    const int open = filter.open_only ? 1 : 0;
    const int limit = filter.limit;
    std::vector<std::string> ids;
    soci::rowset<std::string> rows =
        (m_sql.prepare << "SELECT local_id FROM orders WHERE (:c = '' OR customer_id = :c2) "
                          "AND (:s = '' OR staff = :s2) AND (:o = 0 OR state NOT IN ('rejected', 'cancelled', "
                          "'completed', 'failed', 'partial')) "
                          "ORDER BY created_at DESC, rowid DESC LIMIT :n",
         soci::use(customer), soci::use(customer), soci::use(staff), soci::use(staff), soci::use(open),
         soci::use(limit));
    ids.assign(rows.begin(), rows.end());
    std::vector<LocalOrder> orders;
    for (const auto& id : ids) {
        if (auto order = by_local_id(id)) {
            orders.push_back(std::move(*order));
        }
    }
    return orders;
}

} // namespace store
