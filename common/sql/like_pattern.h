#pragma once
/// LIKE patterns from what a clerk typed: % and _ (and the escape character itself) are matched literally, so a
/// search for "100%" is not a search for everything. Use with `ESCAPE '\'`. Shared by the back office and the
/// workstation's cache.

#include <string>
#include <string_view>

namespace sql {

/// `text` with %, _ and \ escaped by a backslash.
std::string like_escaped(std::string_view text);
/// A pattern matching values that contain `text`.
std::string like_contains(std::string_view text);
/// A pattern matching values that end with `text`.
std::string like_ends_with(std::string_view text);

} // namespace sql
