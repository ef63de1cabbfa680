#include "client/store/schema.h"

#include <array>

namespace store {

std::span<const sql::Migration> workstation_schema()
{
    static const std::array<sql::Migration, 1> migrations{{
        {1,
         "settings and audit log",
         {
             // Workstation settings that belong to this machine (back office, printers, offsets).
             "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             // Every view, print and order, with the staff number; times are UTC.
             "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, staff TEXT NOT NULL, "
             "action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX audit_log_at ON audit_log (at)",
         }},
    }};
    return migrations;
}

} // namespace store
