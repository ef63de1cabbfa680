#pragma once
/// Opens the workstation's SQLite file the one way it must be opened: WAL so readers never wait for the sync
/// worker, synchronous=FULL so an accepted order survives a power cut, foreign keys on, and a busy timeout so two
/// threads queue instead of failing.

#include <filesystem>
#include <memory>
#include <soci/soci.h>

namespace store {

/// Opens (creating if needed) the database at `path` and brings its schema up to date. (SOCI 4.0 sessions
/// cannot be moved, hence the pointer.)
std::unique_ptr<soci::session> open_database(const std::filesystem::path& path);

/// The pragmas every connection needs; open_database applies them, tests opening their own sessions call this.
void configure_connection(soci::session& session);

} // namespace store
