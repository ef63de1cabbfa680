#pragma once
/// The value types a message field may have, and their text form on the wire. Every message is built from these, so
/// the writer, the reader and the schema generator each handle one closed list.

#include "domain/civil_date.h"
#include "domain/money.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace contract {

/// A moment in UTC, to the second: "2026-11-23T08:30:00Z".
using Timestamp = std::chrono::sys_seconds;

/// Upper bound on a text field's length in characters (not bytes), checked on read and stated in the XSD.
struct Limit
{
    std::size_t max_chars = 200;
};
inline constexpr Limit kShortText{64};
inline constexpr Limit kText{200};
inline constexpr Limit kLongText{2000};

std::string format_timestamp(Timestamp at);
std::optional<Timestamp> parse_timestamp(std::string_view text);

/// Strict decimal: optional '-', digits only, no spaces, in range.
std::optional<std::int64_t> parse_int(std::string_view text);
std::optional<bool> parse_bool(std::string_view text);

/// Number of Unicode characters in UTF-8 text; nothing for text that is not strictly UTF-8 (overlong forms, encoded
/// surrogates and code points past U+10FFFF included, see decode_utf8).
std::optional<std::size_t> utf8_length(std::string_view text);

} // namespace contract
