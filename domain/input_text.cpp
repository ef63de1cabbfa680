#include "domain/input_text.h"

namespace domain {
namespace {

/// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i. Invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    int extra = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    ++i;
    for (int k = 0; k < extra; ++k, ++i) {
        if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
    }
    return cp;
}

bool is_fullwidth(char32_t cp)
{
    return (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000;
}

bool is_space(char32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' || cp == 0xA0;
}

} // namespace

std::optional<Problem> check_ascii_shape(std::string_view text)
{
    if (text.empty()) {
        return problem(Errc::empty);
    }
    std::size_t i = 0;
    for (int position = 1; i < text.size(); ++position) {
        const char32_t cp = next_code_point(text, i);
        if (is_space(cp)) {
            return problem(Errc::whitespace, {{"position", std::to_string(position)}});
        }
        if (is_fullwidth(cp)) {
            return problem(Errc::fullwidth, {{"position", std::to_string(position)}});
        }
        if (cp < 0x21 || cp > 0x7E) {
            return problem(Errc::bad_character, {{"position", std::to_string(position)}});
        }
    }
    return std::nullopt;
}

std::string normalize_identifier_input(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t begin = i;
        char32_t cp = next_code_point(text, i);
        if (cp == 0x3000) {
            cp = ' ';
        } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp = cp - 0xFF01 + 0x21;
        }
        if (cp < 0x80) {
            auto c = static_cast<char>(cp);
            if (c >= 'a' && c <= 'z') {
                c = static_cast<char>(c - 'a' + 'A');
            }
            out += c;
        } else {
            // Anything else stays as typed so the validator can point at it.
            out.append(text.substr(begin, i - begin));
        }
    }
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = out.find_last_not_of(" \t\r\n");
    return out.substr(first, last - first + 1);
}

std::size_t character_count(std::string_view utf8)
{
    std::size_t count = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

} // namespace domain
