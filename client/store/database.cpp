#include "client/store/database.h"

#include "common/sql/migrations.h"
#include "client/store/schema.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace store {

void configure_connection(soci::session& session)
{
    session << "PRAGMA journal_mode=WAL";
    session << "PRAGMA synchronous=FULL";
    session << "PRAGMA foreign_keys=ON";
    // The sync worker's recorder holds the write lock for a batch of answers; a clerk's save waits for it rather
    // than fail, however slow the machine.
    session << "PRAGMA busy_timeout=15000";
}

std::unique_ptr<soci::session> open_database(const std::filesystem::path& path)
{
    auto session = std::make_unique<soci::session>(soci::sqlite3, "db=" + path.string());
    configure_connection(*session);
    sql::migrate(*session, workstation_schema());
    return session;
}

} // namespace store
