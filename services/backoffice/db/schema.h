#pragma once
/// The back office's schema, one list of migrations for SQLite and PostgreSQL alike: only portable SQL (TEXT,
/// BIGINT, partial unique indexes, UPDATE … RETURNING), times as ISO-8601 UTC text, booleans as 0/1, money in fen.

#include "common/sql/migrations.h"

#include <span>

namespace backoffice::db {

std::span<const sql::Migration> backoffice_schema();

} // namespace backoffice::db
