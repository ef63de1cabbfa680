#pragma once
/// SOCI's connect string for an SQLite file. SOCI splits "db=PATH" at the first space, so a folder like
/// "C:\Users\Zhang San\AppData\Roaming\counter" (or --data-dir "/srv/back office") opened a file named by the path's
/// first word instead, somewhere else. SOCI reads a value in double quotes whole. Shared by the workstation's cache
/// and the back office.

#include <filesystem>
#include <string>

namespace sql {

/// `db="PATH"`. Throws std::invalid_argument for a path SOCI cannot carry: empty, or holding a double quote.
std::string sqlite_connect_string(const std::filesystem::path& file);

} // namespace sql
