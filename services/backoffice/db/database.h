#pragma once
/// Where the back office keeps its data: an SQLite file (the default, durable: WAL + synchronous=FULL) or a
/// PostgreSQL database shared by several back-office processes. Connections are configured the same way wherever
/// they are opened, and the schema is migrated once at start.

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <string_view>
#include <thread>

namespace backoffice::db {

enum class Backend
{
    sqlite,
    postgresql
};

struct Target
{
    Backend backend = Backend::sqlite;
    std::string connect; ///< SOCI connect string: "db=PATH" or libpq "host=… dbname=…"
};

/// "sqlite:PATH", "postgresql://…" / "postgres://…", or a libpq keyword string ("host=… dbname=…"); nothing otherwise.
/// Throws std::invalid_argument for an SQLite path SOCI cannot carry (see sql::sqlite_connect_string).
std::optional<Target> parse_target(std::string_view text);

class Database
{
public:
    /// Opens one writer and `readers` reader connections and migrates the schema; throws on failure.
    Database(Target target, std::size_t readers);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] Backend backend() const { return m_target.backend; }
    /// The writer's own connection (used only by the write queue).
    soci::session& writer() { return *m_writer; }
    /// A pool of connections for reads; take one with soci::session(pool()).
    soci::connection_pool& pool() { return *m_pool; }
    /// A new connection configured like the others (for tools and tests).
    [[nodiscard]] std::unique_ptr<soci::session> open() const;

private:
    void checkpoint_loop(soci::session& session);

    Target m_target;
    std::size_t m_readers;
    std::unique_ptr<soci::session> m_writer;
    std::unique_ptr<soci::connection_pool> m_pool;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_checkpointer; ///< SQLite: copies the write-ahead log into the database, off the writer's path
};

} // namespace backoffice::db
