#pragma once
/// The workstation cache's schema, as the ordered list of its migrations. Append; never edit a released one.

#include "common/sql/migrations.h"

#include <span>

namespace store {

std::span<const sql::Migration> workstation_schema();

} // namespace store
