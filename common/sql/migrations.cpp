#include "common/sql/migrations.h"

#include <ctime>
#include <string>

namespace sql {

namespace {
std::string utc_now_text()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}
} // namespace

int schema_version(soci::session& session)
{
    session << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)";
    int version = 0;
    soci::indicator ind = soci::i_null;
    session << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

int migrate(soci::session& session, std::span<const Migration> migrations)
{
    int current = schema_version(session);
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest) {
        throw SchemaError("E_SCHEMA_NEWER", "database schema " + std::to_string(current) +
                                                " is newer than this program's " + std::to_string(latest));
    }
    for (const auto& m : migrations) {
        if (m.version <= current) {
            continue;
        }
        try {
            soci::transaction tx(session);
            for (const auto statement : m.statements) {
                session << std::string(statement);
            }
            const std::string name(m.name);
            const auto applied_at = utc_now_text();
            session << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
                soci::use(m.version), soci::use(name), soci::use(applied_at);
            tx.commit();
        } catch (const soci::soci_error& e) {
            throw SchemaError("E_SCHEMA_MIGRATION",
                              "migration " + std::to_string(m.version) + " (" + std::string(m.name) + "): " + e.what());
        }
        current = m.version;
    }
    return current;
}

} // namespace sql
