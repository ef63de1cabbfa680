#pragma once
/// Where delta sync stopped, per scope (the staff number whose customers are synced), and when the data was
/// current: the screens show "data as of" from here.

#include "client/store/utc_text.h"

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>

namespace store {

struct SyncCursor
{
    std::int64_t cursor = 0;
    std::string as_of; ///< empty before the first sync
};

class SyncState
{
public:
    explicit SyncState(soci::session& sql) : m_sql(sql) {}

    [[nodiscard]] SyncCursor cursor(const std::string& scope) const;
    /// Call in the transaction that stores the page the cursor points after.
    void advance(const std::string& scope, std::int64_t cursor, UtcTime as_of);

private:
    soci::session& m_sql;
};

} // namespace store
