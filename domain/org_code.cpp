#include "domain/org_code.h"

#include "domain/input_text.h"

#include <array>

namespace domain {
namespace {

constexpr std::array<int, 8> kWeights{3, 7, 9, 10, 5, 8, 4, 2};

int value_of(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

char OrgCode::check_character(std::string_view body8)
{
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        sum += value_of(body8[i]) * kWeights[i];
    }
    const int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
}

Result<OrgCode> OrgCode::parse(std::string_view text)
{
    if (auto shape = check_ascii_shape(text)) {
        return *shape;
    }
    std::string compact;
    if (text.size() == 10) {
        if (text[8] != '-') {
            return problem(Errc::org_hyphen);
        }
        compact = std::string(text.substr(0, 8)) + text[9];
    } else if (text.size() == 9) {
        compact = std::string(text);
    } else {
        return problem(Errc::bad_length, {{"length", std::to_string(text.size())}, {"expected", "9"}});
    }
    for (std::size_t i = 0; i < 9; ++i) {
        const char c = compact[i];
        const bool body_ok = value_of(c) >= 0;
        const bool check_ok = (c >= '0' && c <= '9') || c == 'X';
        if (i < 8 ? !body_ok : !check_ok) {
            // Position as typed: after the hyphen the check character is the tenth.
            const std::size_t typed = (i == 8 && text.size() == 10) ? 10 : i + 1;
            return problem(Errc::bad_character, {{"position", std::to_string(typed)}});
        }
    }
    const char expected = check_character(compact);
    if (compact[8] != expected) {
        return problem(Errc::org_check_char, {{"expected", std::string(1, expected)}});
    }
    OrgCode code;
    code.m_text = std::move(compact);
    return code;
}

} // namespace domain
