#include "client/store/outbox.h"

#include "common/sql/column.h"

#include <stdexcept>

namespace store {
namespace {

constexpr const char* kColumns = "id, idem_key, operation, body, subject, staff, state, attempts, created_at, "
                                 "next_attempt_at, last_error";

OutboxItem item_from(const soci::row& row)
{
    OutboxItem item;
    item.id = sql::column_int(row, 0);
    item.idem_key = row.get<std::string>(1);
    item.operation = row.get<std::string>(2);
    item.body = row.get<std::string>(3);
    item.subject = row.get<std::string>(4);
    item.staff = row.get<std::string>(5);
    item.state = row.get<std::string>(6);
    item.attempts = static_cast<int>(sql::column_int(row, 7));
    item.created_at = row.get<std::string>(8);
    item.next_attempt_at = row.get<std::string>(9);
    item.last_error = row.get<std::string>(10);
    return item;
}

template <typename... Uses>
std::vector<OutboxItem> select_items(soci::session& sql, const std::string& where, Uses&&... uses)
{
    std::vector<OutboxItem> items;
    // A left fold over SOCI's comma operator: prepare << query, use(a), use(b)...
    soci::rowset<soci::row> rows =
        ((sql.prepare << std::string("SELECT ") + kColumns + " FROM outbox " + where), ..., std::forward<Uses>(uses));
    for (const auto& row : rows) {
        items.push_back(item_from(row));
    }
    return items;
}

SyncError error_from(const soci::row& row)
{
    SyncError error;
    error.id = sql::column_int(row, 0);
    error.outbox_id = sql::column_int(row, 1);
    error.operation = row.get<std::string>(2);
    error.subject = row.get<std::string>(3);
    error.code = row.get<std::string>(4);
    error.params = row.get<std::string>(5);
    error.at = row.get<std::string>(6);
    error.body = row.get<std::string>(7);
    return error;
}

constexpr const char* kErrorSelect =
    "SELECT e.id, e.outbox_id, o.operation, o.subject, e.code, e.params, e.at, o.body FROM sync_errors e "
    "JOIN outbox o ON o.id = e.outbox_id ";

} // namespace

std::int64_t Outbox::add(const NewWrite& write, UtcTime now)
{
    const auto at = utc_text(now);
    m_sql << "INSERT INTO outbox (idem_key, operation, body, subject, staff, created_at, next_attempt_at) "
             "VALUES (:k, :o, :b, :s, :f, :c, :n)",
        soci::use(write.idem_key), soci::use(write.operation), soci::use(write.body), soci::use(write.subject),
        soci::use(write.staff), soci::use(at), soci::use(at);
    long long id = 0;
    m_sql << "SELECT last_insert_rowid()", soci::into(id);
    return id;
}

std::vector<OutboxItem> Outbox::due(const std::string& staff, UtcTime now, int limit) const
{
    // The head of each subject's queue; sent only when it is due, so a failing write holds back the writes on
    // its subject (a payment never overtakes its order) but not the others.
    const auto at = utc_text(now);
    // Walks the pending writes in order and stops at `limit`: the queue can hold thousands after a day offline.
    return select_items(m_sql,
                        "o WHERE o.state = 'pending' AND o.staff = :s AND o.next_attempt_at <= :n AND NOT EXISTS "
                        "(SELECT 1 FROM outbox p WHERE p.subject = o.subject AND p.state = 'pending' AND p.id < o.id) "
                        "ORDER BY o.id LIMIT :l",
                        soci::use(staff), soci::use(at), soci::use(limit));
}

bool Outbox::mark_done(std::int64_t id, const std::string& response)
{
    const long long key = id;
    soci::statement done = (m_sql.prepare << "UPDATE outbox SET state = 'done', attempts = attempts + 1, "
                                             "response = :r, last_error = '' WHERE id = :i AND state = 'pending'",
                            soci::use(response), soci::use(key));
    done.execute(true);
    return done.get_affected_rows() == 1;
}

void Outbox::mark_retry(std::int64_t id, const std::string& error, UtcTime next_at)
{
    const long long key = id;
    const auto at = utc_text(next_at);
    m_sql << "UPDATE outbox SET attempts = attempts + 1, last_error = :e, next_attempt_at = :n "
             "WHERE id = :i AND state = 'pending'",
        soci::use(error), soci::use(at), soci::use(key);
}

std::optional<std::int64_t> Outbox::mark_rejected(std::int64_t id, const std::string& code, const std::string& params,
                                                  UtcTime now)
{
    const long long key = id;
    const auto at = utc_text(now);
    soci::statement reject = (m_sql.prepare << "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, "
                                               "last_error = :c WHERE id = :i AND state = 'pending'",
                              soci::use(code), soci::use(key));
    reject.execute(true);
    if (reject.get_affected_rows() != 1) {
        return std::nullopt;
    }
    m_sql << "INSERT INTO sync_errors (outbox_id, code, params, at) VALUES (:i, :c, :p, :a)", soci::use(key),
        soci::use(code), soci::use(params), soci::use(at);
    long long error_id = 0;
    m_sql << "SELECT last_insert_rowid()", soci::into(error_id);
    return error_id;
}

std::optional<OutboxItem> Outbox::find(std::int64_t id) const
{
    const long long key = id;
    auto items = select_items(m_sql, "WHERE id = :i", soci::use(key));
    return items.empty() ? std::nullopt : std::optional(std::move(items.front()));
}

std::optional<OutboxItem> Outbox::find_by_key(const std::string& idem_key) const
{
    auto items = select_items(m_sql, "WHERE idem_key = :k", soci::use(idem_key));
    return items.empty() ? std::nullopt : std::optional(std::move(items.front()));
}

std::vector<OutboxItem> Outbox::pending(int limit) const
{
    return select_items(m_sql, "WHERE state = 'pending' ORDER BY id LIMIT :l", soci::use(limit));
}

int Outbox::open_error_count() const
{
    int count = 0;
    m_sql << "SELECT COUNT(*) FROM sync_errors WHERE resolution = ''", soci::into(count);
    return count;
}

int Outbox::pending_count() const
{
    int count = 0;
    m_sql << "SELECT COUNT(*) FROM outbox WHERE state = 'pending'", soci::into(count);
    return count;
}

std::vector<SyncError> Outbox::open_errors() const
{
    std::vector<SyncError> errors;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << std::string(kErrorSelect) + "WHERE e.resolution = '' ORDER BY e.id");
    for (const auto& row : rows) {
        errors.push_back(error_from(row));
    }
    return errors;
}

std::optional<SyncError> Outbox::find_error(std::int64_t error_id) const
{
    const long long key = error_id;
    soci::rowset<soci::row> rows = (m_sql.prepare << std::string(kErrorSelect) + "WHERE e.id = :i", soci::use(key));
    for (const auto& row : rows) {
        return error_from(row);
    }
    return std::nullopt;
}

std::int64_t Outbox::retry(std::int64_t error_id, const std::string& new_key, const std::string& body, UtcTime now)
{
    const auto error = find_error(error_id);
    if (!error) {
        throw std::invalid_argument("no such sync error");
    }
    const auto original = find(error->outbox_id);
    const auto id = add({new_key, original->operation, body, original->subject, original->staff}, now);
    const long long key = error_id;
    const std::string resolution = "retried:" + std::to_string(id);
    m_sql << "UPDATE sync_errors SET resolution = :r WHERE id = :i", soci::use(resolution), soci::use(key);
    return id;
}

void Outbox::discard(std::int64_t error_id, UtcTime now)
{
    const long long key = error_id;
    const std::string resolution = "discarded:" + utc_text(now);
    m_sql << "UPDATE outbox SET state = 'discarded' WHERE id = (SELECT outbox_id FROM sync_errors WHERE id = :i)",
        soci::use(key);
    m_sql << "UPDATE sync_errors SET resolution = :r WHERE id = :i", soci::use(resolution), soci::use(key);
}

} // namespace store
