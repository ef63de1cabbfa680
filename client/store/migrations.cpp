#include "client/store/migrations.h"

#include <string>

namespace store {

int schema_version(soci::session& session)
{
    session << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name TEXT NOT NULL, "
               "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
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
            session << "INSERT INTO schema_version (version, name) VALUES (:v, :n)", soci::use(m.version),
                soci::use(name);
            tx.commit();
        } catch (const soci::soci_error& e) {
            throw SchemaError("E_SCHEMA_MIGRATION",
                              "migration " + std::to_string(m.version) + " (" + std::string(m.name) + "): " + e.what());
        }
        current = m.version;
    }
    return current;
}

} // namespace store
