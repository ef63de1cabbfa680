#pragma once
/// Reading a dynamic row's columns whatever type the backend reports: SQLite's SOCI backend reports INTEGER
/// columns as int or long long by declared type and expressions (COUNT, SUM, a - b) as text, PostgreSQL as its
/// own types. One place decides, for the back office and the workstation alike.

#include <cstddef>
#include <soci/soci.h>
#include <string>

namespace sql {

/// The column as an integer; throws std::runtime_error if it holds no number.
long long column_int(const soci::row& row, std::size_t column);
/// The column as text; NULL reads as empty.
std::string column_text(const soci::row& row, std::size_t column);

} // namespace sql
