#pragma once
/// Times in the cache are UTC text "YYYY-MM-DDTHH:MM:SSZ": sortable as text, readable with the sqlite3 shell, the
/// same form the contract uses.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace store {

using UtcTime = std::chrono::sys_seconds;

std::string utc_text(UtcTime at);
std::optional<UtcTime> parse_utc_text(std::string_view text);

} // namespace store
