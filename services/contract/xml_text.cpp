#include "services/contract/xml_text.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>
#include <vector>

namespace contract {

Utf8Step decode_utf8(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned lead = byte(at);
    if (lead < 0x80) {
        return {lead, 1, nullptr};
    }
    // The well-formed sequences of Unicode's Table 3-7: only the second byte's range depends on the lead byte, and
    // narrowing it is what rules out overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    std::size_t length = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;
    const char* narrowed = nullptr; // what a second byte outside [low, high] but still a continuation byte means
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1FU;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0FU;
        if (lead == 0xE0) {
            low = 0xA0;
            narrowed = "overlong form";
        } else if (lead == 0xED) {
            high = 0x9F;
            narrowed = "UTF-16 surrogate";
        }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07U;
        if (lead == 0xF0) {
            low = 0x90;
            narrowed = "overlong form";
        } else if (lead == 0xF4) {
            high = 0x8F;
            narrowed = "beyond U+10FFFF";
        }
    } else if (lead == 0xC0 || lead == 0xC1) {
        return {0, 1, "overlong form"};
    } else if (lead >= 0xF5 && lead <= 0xF7) {
        return {0, 1, "beyond U+10FFFF"};
    } else if (lead >= 0xF8) {
        return {0, 1, "a byte that never occurs in UTF-8"};
    } else {
        return {0, 1, "a continuation byte without a lead byte"};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (at + k >= text.size()) {
            return {0, k, "truncated sequence"};
        }
        const unsigned next = byte(at + k);
        const bool continuation = next >= 0x80 && next <= 0xBF;
        if (k == 1 ? next < low || next > high : !continuation) {
            return {0, k, k == 1 && continuation ? narrowed : "truncated sequence"};
        }
        value = (value << 6U) | (next & 0x3FU);
    }
    return {value, length, nullptr};
}

namespace {

std::string at_byte(std::size_t offset)
{
    return "at byte " + std::to_string(offset) + ": ";
}

std::string code_point_name(char32_t c)
{
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "U+%04X", static_cast<unsigned>(c));
    return text.data();
}

/// What is wrong with the character `step` decoded at byte `at`, if anything.
std::optional<TextProblem> step_problem(const Utf8Step& step, std::size_t at)
{
    if (step.problem != nullptr) {
        return TextProblem{TextProblem::Kind::not_utf8, at, at_byte(at) + "not UTF-8 (" + step.problem + ")"};
    }
    if (!is_xml_char(step.code_point)) {
        return TextProblem{TextProblem::Kind::character, at,
                           at_byte(at) + code_point_name(step.code_point) + " is not an XML character"};
    }
    return std::nullopt;
}

/// check_text for xml[from, to), offsets counted in the whole of `xml`.
std::optional<TextProblem> check_span(std::string_view xml, std::size_t from, std::size_t to)
{
    const auto span = xml.substr(0, to);
    for (std::size_t i = from; i < to;) {
        const auto step = decode_utf8(span, i);
        if (auto problem = step_problem(step, i)) {
            return problem;
        }
        i += step.length;
    }
    return std::nullopt;
}

bool is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// One pass over a document's bytes. Not a parser: it knows just enough of XML's shape (tags, quoted attribute
/// values, comments, CDATA, processing instructions) to tell character data and references from markup; whatever
/// it lets through is still parsed by pugixml, which refuses what is not well formed.
class DocumentScan
{
public:
    explicit DocumentScan(std::string_view xml) : m_xml(xml) {}

    std::optional<TextProblem> run()
    {
        if (m_xml.substr(0, 3) == "\xEF\xBB\xBF") {
            m_at = 3; // a byte order mark before the declaration is allowed, and pugixml skips it
        }
        while (m_at < m_xml.size() && !m_problem) {
            const char c = m_xml[m_at];
            if (c == '<') {
                markup();
            } else if (m_depth == 0 && !is_xml_space(c)) {
                fail(TextProblem::Kind::markup, m_at, "text outside the root element");
            } else if (c == '&') {
                reference();
            } else {
                character();
            }
        }
        return m_problem;
    }

private:
    bool starts(std::string_view what) const { return m_xml.substr(m_at, what.size()) == what; }

    void fail(TextProblem::Kind kind, std::size_t at, const std::string& what)
    {
        m_problem = TextProblem{kind, at, at_byte(at) + what};
    }

    /// One character of text or markup, which must be UTF-8 and a Char.
    void character()
    {
        const auto step = decode_utf8(m_xml, m_at);
        if (auto problem = step_problem(step, m_at)) {
            m_problem = std::move(problem);
        }
        m_at += step.length;
    }

    /// Skips to after `end`, checking the characters on the way (comments, CDATA, processing instructions). An
    /// unterminated one is left for the parser to refuse.
    void skip_past(std::string_view end)
    {
        const auto close = m_xml.find(end, m_at);
        const auto stop = close == std::string_view::npos ? m_xml.size() : close;
        m_problem = check_span(m_xml, m_at, stop);
        m_at = close == std::string_view::npos ? m_xml.size() : close + end.size();
    }

    void markup()
    {
        if (starts("<!--")) {
            skip_past("-->");
        } else if (starts("<![CDATA[")) {
            if (m_depth == 0) {
                fail(TextProblem::Kind::markup, m_at, "text outside the root element");
            } else {
                skip_past("]]>");
            }
        } else if (starts("<?")) {
            skip_past("?>");
        } else if (starts("<!")) {
            // A DOCTYPE (the only other declaration) is refused after parsing; its internal subset is no business of
            // this scan, whose characters are still checked.
            m_problem = check_span(m_xml, m_at, m_xml.size());
            m_at = m_xml.size();
        } else {
            tag();
        }
    }

    void tag()
    {
        const bool end_tag = starts("</");
        ++m_at;
        while (m_at < m_xml.size() && !m_problem && m_xml[m_at] != '>') {
            const char c = m_xml[m_at];
            if (c == '"' || c == '\'') {
                attribute_value(c);
            } else {
                character();
            }
        }
        if (m_problem || m_at >= m_xml.size()) {
            return;
        }
        const bool empty_element = m_xml[m_at - 1] == '/';
        ++m_at;
        if (end_tag) {
            m_depth = m_depth > 0 ? m_depth - 1 : 0;
        } else if (!empty_element) {
            ++m_depth;
        }
    }

    void attribute_value(char quote)
    {
        ++m_at;
        while (m_at < m_xml.size() && !m_problem && m_xml[m_at] != quote) {
            if (m_xml[m_at] == '<') {
                fail(TextProblem::Kind::markup, m_at, "'<' in an attribute value");
            } else if (m_xml[m_at] == '&') {
                reference();
            } else {
                character();
            }
        }
        if (m_at < m_xml.size()) {
            ++m_at;
        }
    }

    /// A reference at '&': one of XML's five predefined entities, or a character reference to a Char.
    void reference()
    {
        const std::size_t start = m_at;
        std::size_t i = start + 1;
        const auto digit = [&](bool hex) {
            const char c = i < m_xml.size() ? m_xml[i] : '\0';
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (hex && c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (hex && c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        };
        if (i < m_xml.size() && m_xml[i] == '#') {
            ++i;
            const bool hex = i < m_xml.size() && m_xml[i] == 'x';
            i += hex ? 1 : 0;
            const std::size_t first_digit = i;
            char32_t value = 0;
            for (int d = digit(hex); d >= 0; d = digit(hex)) {
                // Saturates past the largest code point, so no number of digits can overflow.
                value = std::min<char32_t>(value * (hex ? 16 : 10) + static_cast<char32_t>(d), 0x110000);
                ++i;
            }
            if (i == first_digit || i >= m_xml.size() || m_xml[i] != ';') {
                fail(TextProblem::Kind::markup, start, "'&' that does not start a reference");
                return;
            }
            if (!is_xml_char(value)) {
                const auto text = std::string(m_xml.substr(start, std::min<std::size_t>(i + 1 - start, 16)));
                fail(TextProblem::Kind::character, start,
                     text + " refers to " +
                         (value > 0x10FFFF ? "a code point beyond U+10FFFF" : code_point_name(value)) +
                         ", which is not an XML character");
                return;
            }
            m_at = i + 1;
            return;
        }
        while (i < m_xml.size() && i - start <= 32 && m_xml[i] != ';' && m_xml[i] != '&' && m_xml[i] != '<' &&
               !is_xml_space(m_xml[i])) {
            ++i;
        }
        if (i >= m_xml.size() || m_xml[i] != ';' || i == start + 1) {
            fail(TextProblem::Kind::markup, start, "'&' that does not start a reference");
            return;
        }
        const auto name = m_xml.substr(start + 1, i - start - 1);
        if (name != "lt" && name != "gt" && name != "amp" && name != "apos" && name != "quot") {
            // Only a DTD could declare it, and a DTD is refused.
            if (auto problem = check_span(m_xml, start, i + 1)) {
                m_problem = problem;
            } else {
                fail(TextProblem::Kind::markup, start, "undeclared entity &" + std::string(name) + ";");
            }
            return;
        }
        m_at = i + 1;
    }

    std::string_view m_xml;
    std::size_t m_at = 0;
    std::size_t m_depth = 0; ///< elements open at m_at; 0 is outside the root, where only markup and spaces go
    std::optional<TextProblem> m_problem;
};

} // namespace

std::optional<TextProblem> check_text(std::string_view text)
{
    return check_span(text, 0, text.size());
}

std::string to_xml_text(std::string_view text)
{
    if (!check_text(text)) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const auto step = decode_utf8(text, i);
        if (step.problem == nullptr && is_xml_char(step.code_point)) {
            out.append(text.substr(i, step.length));
        } else {
            out.append("\xEF\xBF\xBD"); // U+FFFD REPLACEMENT CHARACTER
        }
        i += step.length;
    }
    return out;
}

std::optional<TextProblem> check_document_bytes(std::string_view xml)
{
    return DocumentScan{xml}.run();
}

std::optional<std::string> check_document_tree(const pugi::xml_document& doc)
{
    int roots = 0;
    for (auto node : doc.children()) {
        if (node.type() == pugi::node_element && ++roots > 1) {
            return "a second root element <" + std::string(node.name()) + ">";
        }
    }
    // Every element, in document order, without recursion (a deep document must not exhaust the stack).
    std::vector<std::string_view> names;
    for (auto node = doc.document_element(); node;) {
        names.clear();
        for (auto attribute : node.attributes()) {
            names.emplace_back(attribute.name());
        }
        std::sort(names.begin(), names.end());
        if (const auto twice = std::adjacent_find(names.begin(), names.end()); twice != names.end()) {
            return "attribute " + std::string(*twice) + " twice on <" + std::string(node.name()) + ">";
        }
        auto next = node.find_child([](pugi::xml_node child) { return child.type() == pugi::node_element; });
        while (!next && node) {
            next = node.next_sibling();
            while (next && next.type() != pugi::node_element) {
                next = next.next_sibling();
            }
            if (!next) {
                node = node.parent();
                if (node.type() == pugi::node_document) {
                    node = {};
                }
            }
        }
        node = next;
    }
    return std::nullopt;
}

namespace {

// DOCTYPE is parsed only to be refused: pugixml never expands entities, but a message has no use for one and
// refusing it keeps entity tricks out entirely.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_doctype;

bool has_doctype(const pugi::xml_document& doc)
{
    for (auto node : doc.children()) {
        if (node.type() == pugi::node_doctype) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<DecodeError> load_document(pugi::xml_document& doc, std::string_view xml,
                                         std::optional<DecodeError>* deferred)
{
    const auto problem = check_document_bytes(xml);
    if (problem && problem->kind == TextProblem::Kind::markup) {
        return DecodeError{"malformed", problem->what, {}};
    }
    std::optional<DecodeError> characters;
    if (problem) {
        characters =
            DecodeError{problem->kind == TextProblem::Kind::not_utf8 ? "not_utf8" : "character", problem->what, {}};
        if (deferred == nullptr) {
            return characters;
        }
    }
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), kParseOptions, pugi::encoding_utf8);
    if (!parsed) {
        // A NUL byte, for one, ends pugixml's parse early; the character is the better explanation.
        return characters ? *characters : DecodeError{"malformed", parsed.description(), {}};
    }
    if (has_doctype(doc)) {
        return DecodeError{"malformed", "DOCTYPE is not accepted", {}};
    }
    if (auto tree = check_document_tree(doc)) {
        return DecodeError{"malformed", std::move(*tree), {}};
    }
    if (characters) {
        *deferred = std::move(characters);
    }
    return std::nullopt;
}

std::string save_document(const pugi::xml_document& doc)
{
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    std::string xml = out.str();
    if (xml.find('\r') == std::string::npos) {
        return xml;
    }
    // Raw carriage returns can only be in text: pugixml writes them as &#13; in attribute values, and element names
    // are ours.
    std::string escaped;
    escaped.reserve(xml.size() + 16);
    for (const char c : xml) {
        c == '\r' ? void(escaped.append("&#13;")) : escaped.push_back(c);
    }
    return escaped;
}

} // namespace contract
