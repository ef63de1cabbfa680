#include "services/backoffice/db/database.h"

#include "common/sql/sqlite_file.h"
#include "services/backoffice/db/schema.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace backoffice::db {

std::optional<Target> parse_target(std::string_view text)
{
    if (text.starts_with("sqlite:") && text.size() > 7) {
        return Target{Backend::sqlite, sql::sqlite_connect_string(std::string(text.substr(7)))};
    }
    if (text.starts_with("postgresql://") || text.starts_with("postgres://") ||
        (text.find("dbname=") != std::string_view::npos && text.find('=') != std::string_view::npos)) {
        return Target{Backend::postgresql, std::string(text)};
    }
    return std::nullopt;
}

namespace {

void configure(soci::session& session, Backend backend)
{
    if (backend == Backend::sqlite) {
        // Durable: an answered write survives power loss. busy_timeout lets readers wait out a checkpoint.
        session << "PRAGMA journal_mode=WAL";
        session << "PRAGMA synchronous=FULL";
        session << "PRAGMA busy_timeout=10000";
        // Reads through a memory map and a larger page cache: each order touches a dozen tables and indexes, and
        // reading their pages with a system call each cost more than the writes.
        session << "PRAGMA mmap_size=1073741824";
        session << "PRAGMA cache_size=-65536";
        // Every write runs in its own savepoint inside the batch's transaction, and SQLite keeps the pages a
        // savepoint may have to put back in a statement journal. On disk that journal cost a write system call per
        // page (7,800/s against 400/s to the log under load); in memory it costs a copy. It holds at most one
        // batch's pages and is gone with the transaction, so durability does not change.
        session << "PRAGMA temp_store=MEMORY";
    } else {
        // Every id and timestamp we write is text in UTC; keep the server's own clock out of it.
        session << "SET TIME ZONE 'UTC'";
    }
}

std::unique_ptr<soci::session> connect(const Target& target)
{
    auto session = target.backend == Backend::sqlite
                       ? std::make_unique<soci::session>(soci::sqlite3, target.connect)
                       : std::make_unique<soci::session>(soci::postgresql, target.connect);
    configure(*session, target.backend);
    return session;
}

} // namespace

Database::Database(Target target, std::size_t readers) : m_target(std::move(target)), m_readers(readers)
{
    m_writer = connect(m_target);
    sql::migrate(*m_writer, backoffice_schema());
    if (m_target.backend == Backend::sqlite) {
        // The writer never stops to copy the log into the database: a checkpointer of its own does that, beside it.
        *m_writer << "PRAGMA wal_autocheckpoint=0";
        m_checkpointer = std::thread([this, session = connect(m_target)]() mutable { checkpoint_loop(*session); });
    }
    m_pool = std::make_unique<soci::connection_pool>(m_readers);
    for (std::size_t i = 0; i < m_readers; ++i) {
        auto& session = m_pool->at(i);
        if (m_target.backend == Backend::sqlite) {
            session.open(soci::sqlite3, m_target.connect);
        } else {
            session.open(soci::postgresql, m_target.connect);
        }
        configure(session, m_target.backend);
    }
}

Database::~Database()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_checkpointer.joinable()) {
        m_checkpointer.join();
    }
}

void Database::checkpoint_loop(soci::session& session)
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stopping; })) {
        lock.unlock();
        try {
            // PASSIVE never waits for readers or the writer; what it cannot copy now it copies next time.
            session << "PRAGMA wal_checkpoint(PASSIVE)";
        } catch (const std::exception&) {
            // Busy or interrupted: the log keeps the data safe until the next round.
        }
        lock.lock();
    }
    try {
        session << "PRAGMA wal_checkpoint(TRUNCATE)";
    } catch (const std::exception&) {
        // Someone still reads: the log stays until the next start.
    }
}

std::unique_ptr<soci::session> Database::open() const
{
    return connect(m_target);
}

} // namespace backoffice::db
