#include "client/store/database.h"

#include "client/store/schema.h"
#include "common/sql/migrations.h"
#include "common/sql/sqlite_file.h"

#include <mutex>
#include <soci/sqlite3/soci-sqlite3.h>

namespace store {

void configure_connection(soci::session& session)
{
    // First: switching a new file to WAL needs its lock for a moment, and a connection opened beside it at the same
    // time must wait for that, not fail.
    session << "PRAGMA busy_timeout=15000";
    session << "PRAGMA journal_mode=WAL";
    session << "PRAGMA synchronous=FULL";
    session << "PRAGMA foreign_keys=ON";
    // A field laptop may cache a million customers: SQLite's default 2 MiB page cache makes every index insert of a
    // first sync a disk read. 64 MiB per connection keeps the indexes' working set in memory.
    session << "PRAGMA cache_size=-65536";
    // The sync worker reads through a connection per sender while its recorder writes: every commit makes the
    // others' page caches stale, and re-reading them page by page through read() calls cost more than the sending.
    // Mapped, they read the operating system's one copy.
    session << "PRAGMA mmap_size=268435456";
    // (busy_timeout above also means: the sync worker's recorder holds the write lock for a batch of answers; a
    // clerk's save waits for it rather than fail, however slow the machine.)
}

std::unique_ptr<soci::session> open_database(const std::filesystem::path& path)
{
    auto session = std::make_unique<soci::session>(soci::sqlite3, sql::sqlite_connect_string(path));
    // The sync worker opens a connection per thread at once; on a new file two of them would both see version 0
    // and both create the tables. One at a time in this process (one workstation process per cache).
    static std::mutex opening;
    const std::lock_guard lock(opening);
    configure_connection(*session);
    sql::migrate(*session, workstation_schema());
    return session;
}

} // namespace store
