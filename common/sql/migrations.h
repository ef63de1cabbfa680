#pragma once
/// Versioned schema migrations: each one runs once, in its own transaction, in version order, and the version is
/// recorded in the same transaction, so a crash mid-migration leaves the previous version intact. Shared by the
/// workstation's SQLite cache and the back office (SQLite or PostgreSQL), so its own SQL is portable.

#include <soci/soci.h>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace sql {

struct Migration
{
    int version;
    std::string_view name;
    std::vector<std::string_view> statements;
};

/// Thrown when the file was written by a newer workstation (we never downgrade a schema) or a migration fails.
class SchemaError : public std::runtime_error
{
public:
    SchemaError(std::string code, const std::string& detail) : std::runtime_error(detail), m_code(std::move(code)) {}
    /// E_SCHEMA_NEWER or E_SCHEMA_MIGRATION.
    [[nodiscard]] const std::string& code() const { return m_code; }

private:
    std::string m_code;
};

/// The version the database is at (0 for a new file).
int schema_version(soci::session& session);

/// Applies the migrations newer than the database; returns the resulting version.
int migrate(soci::session& session, std::span<const Migration> migrations);

} // namespace sql
