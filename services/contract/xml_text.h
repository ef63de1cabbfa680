#pragma once
/// What XML 1.0 accepts as text, in one place for the reader and the writer: strict UTF-8 (RFC 3629: no overlong
/// forms, no encoded surrogates, nothing past U+10FFFF), the Char production
///   #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
/// and a scan of a whole document's bytes before pugixml sees them. pugixml decodes references without checking them
/// (`&#0;` ends a field early, `&#1;` becomes a control character) and keeps an undeclared `&foo;` as text, so the
/// raw bytes are the only place those can be caught.

#include "services/contract/fault_xml.h"

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace contract {

/// Whether `c` is a character XML 1.0 allows (its Char production); NUL is not.
constexpr bool is_xml_char(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/// One character decoded from UTF-8, or why the bytes at that place are not UTF-8.
struct Utf8Step
{
    char32_t code_point = 0;
    /// Bytes consumed. For a bad sequence, its "maximal subpart" (Unicode §3.9): the bytes that began a valid
    /// sequence before it went wrong, at least one; each such subpart becomes one U+FFFD.
    std::size_t length = 1;
    const char* problem = nullptr; ///< null when valid: "overlong form", "UTF-16 surrogate", …
};

/// Decodes the character starting at `at` (< text.size()) strictly.
Utf8Step decode_utf8(std::string_view text, std::size_t at);

/// Something in text or a document that XML does not accept, at a byte offset (from 0).
struct TextProblem
{
    enum class Kind
    {
        not_utf8,  ///< bytes that are not UTF-8
        character, ///< a character outside Char, written raw or as a reference such as `&#1;`
        markup,    ///< not well-formed: an undeclared entity, a lone '&', text outside the root element, …
    };
    Kind kind = Kind::markup;
    std::size_t offset = 0;
    std::string what; ///< for people and logs: "at byte 12: U+0001 is not an XML character"
};

/// The first byte sequence in `text` that is not UTF-8 or not an XML character; text here has no markup.
std::optional<TextProblem> check_text(std::string_view text);

/// `text` as XML can carry it: each bad UTF-8 subpart and each character outside Char becomes U+FFFD. Text that was
/// stored before the reader was strict (or came from anywhere else) stays readable to strict parsers, and what was
/// wrong with it stays visible as replacement characters instead of vanishing.
std::string to_xml_text(std::string_view text);

/// The first problem in a whole document's bytes: characters as in check_text (raw, and referred to by `&#…;`),
/// references other than the five predefined entities and numeric ones, text outside the root element and '<' in an
/// attribute value. Comments, CDATA sections and processing instructions are checked for characters only.
std::optional<TextProblem> check_document_bytes(std::string_view xml);

/// What pugixml parses without complaint but XML does not allow: more than one root element, and an attribute given
/// twice on one element. A description of the first such problem, or nothing.
std::optional<std::string> check_document_tree(const pugi::xml_document& doc);

/// Parses a message or fault document, refusing whatever XML 1.0 does not accept (above) and a DOCTYPE. Reasons:
/// "malformed", "not_utf8" and "character", each with a detail for logs. When `deferred` is given, a character
/// problem in a document that otherwise parses goes there instead, and the document is loaded: the caller reads it
/// anyway so that a bad character inside a field can be reported with the field's path (see detail::settle).
std::optional<DecodeError> load_document(pugi::xml_document& doc, std::string_view xml,
                                         std::optional<DecodeError>* deferred = nullptr);

/// The document as sent: no whitespace between elements, and a carriage return in text written as `&#13;` (pugixml
/// writes it raw, and a reader's end-of-line handling would turn it into a line feed).
std::string save_document(const pugi::xml_document& doc);

} // namespace contract
