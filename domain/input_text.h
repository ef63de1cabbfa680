#pragma once
/// Shape checks shared by every identifier typed at the counter. Clerks type with a Chinese IME, so the commonest
/// mistakes are full-width digits and stray spaces: both get their own codes so the message can say what to fix.

#include "domain/problem.h"

#include <optional>
#include <string>
#include <string_view>

namespace domain {

/// Rejects an empty value, white space, full-width (U+FF01..U+FF5E, U+3000) and any other non-ASCII character,
/// reporting the 1-based character position. Returns nothing when every byte is printable ASCII.
std::optional<Problem> check_ascii_shape(std::string_view text);

/// What a form field does before validating: trims spaces, turns full-width ASCII into half-width and folds the
/// letters to upper case. Validators themselves never normalise, so import files are checked as they are.
std::string normalize_identifier_input(std::string_view text);

/// Characters in UTF-8 text (code points, counted by their lead bytes): 三 is one character and three bytes. Search
/// fields count this way against the text index's three-character minimum.
std::size_t character_count(std::string_view utf8);

} // namespace domain
