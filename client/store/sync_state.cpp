#include "client/store/sync_state.h"

namespace store {

SyncCursor SyncState::cursor(const std::string& scope) const
{
    long long cursor = 0;
    std::string as_of;
    m_sql << "SELECT cursor, as_of FROM sync_cursors WHERE scope = :s", soci::use(scope), soci::into(cursor),
        soci::into(as_of);
    if (!m_sql.got_data()) {
        return {};
    }
    return {cursor, as_of};
}

void SyncState::advance(const std::string& scope, std::int64_t cursor, UtcTime as_of)
{
    const long long value = cursor;
    const auto at = utc_text(as_of);
    m_sql << "INSERT INTO sync_cursors (scope, cursor, as_of) VALUES (:s, :c, :a) ON CONFLICT (scope) DO UPDATE "
             "SET cursor = excluded.cursor, as_of = excluded.as_of",
        soci::use(scope), soci::use(value), soci::use(at);
}

} // namespace store
