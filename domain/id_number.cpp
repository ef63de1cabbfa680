#include "domain/id_number.h"

#include "domain/input_text.h"
#include "domain/region_codes.h"

#include <array>

namespace domain {
namespace {

constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";
/// Births before this are typing errors, not customers (the standard's own 1880 example still passes).
constexpr Date kEarliestBirth = make_date(1850, 1, 1);

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

Problem at(Errc code, std::size_t index)
{
    return problem(code, {{"position", std::to_string(index + 1)}});
}

/// The first non-digit in text[from, to), as a bad_character problem.
std::optional<Problem> require_digits(std::string_view text, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        if (!is_digit(text[i])) {
            return at(Errc::bad_character, i);
        }
    }
    return std::nullopt;
}

int to_int(std::string_view digits)
{
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Problem> check_birth(Date birth, std::string_view digits, Date today)
{
    if (!birth.ok() || birth < kEarliestBirth) {
        return problem(Errc::id_birth_date, {{"birth", std::string(digits)}});
    }
    if (birth > today) {
        return problem(Errc::id_birth_future, {{"birth", std::string(digits)}});
    }
    return std::nullopt;
}

} // namespace

char IdNumber::check_character(std::string_view first17)
{
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

Result<IdNumber> IdNumber::parse(std::string_view text, Date today)
{
    if (auto shape = check_ascii_shape(text)) {
        return *shape;
    }
    IdNumber id;

    // 2017 foreigner permanent residence: 3-letter nationality, 4-digit acceptance office, YYMMDD, sequence, check.
    if (text.size() == 15 && !is_digit(text[0])) {
        for (std::size_t i = 0; i < 3; ++i) {
            if (!is_upper(text[i])) {
                return problem(Errc::id_foreign_nationality, {{"nationality", std::string(text.substr(0, 3))}});
            }
        }
        if (auto bad = require_digits(text, 3, 15)) {
            return *bad;
        }
        const int yy = to_int(text.substr(7, 2));
        const int this_yy = static_cast<int>(today.year()) % 100;
        const int century = static_cast<int>(today.year()) / 100 * 100 - (yy > this_yy ? 100 : 0);
        const std::string birth_digits = std::to_string(century + yy) + std::string(text.substr(9, 4));
        const auto birth = parse_yyyymmdd(birth_digits);
        if (auto bad = check_birth(birth.value_or(Date{}), text.substr(7, 6), today)) {
            return *bad;
        }
        id.m_text = std::string(text);
        id.m_kind = IdKind::foreign_permanent_2017;
        id.m_birth = *birth;
        return id;
    }

    std::string number;
    if (text.size() == 15) {
        // First-generation number: YYMMDD birth, no check character. Converted by inserting the century.
        if (auto bad = require_digits(text, 0, 15)) {
            return *bad;
        }
        number.reserve(18);
        number.append(text.substr(0, 6)).append("19").append(text.substr(6, 9));
        number += check_character(number);
        id.m_converted = true;
    } else if (text.size() == 18) {
        if (auto bad = require_digits(text, 0, 17)) {
            return *bad;
        }
        const char last = text[17];
        if (last == 'x') {
            return problem(Errc::id_lowercase_x);
        }
        if (!is_digit(last) && last != 'X') {
            return at(Errc::bad_character, 17);
        }
        number = std::string(text);
    } else {
        return problem(Errc::bad_length, {{"length", std::to_string(text.size())}, {"expected", "18"}});
    }

    const std::string_view region_digits = std::string_view(number).substr(0, 6);
    if (number[0] == '0') {
        return problem(Errc::id_region_format, {{"region", std::string(region_digits)}});
    }
    if (number[0] == '9') {
        id.m_kind = IdKind::foreign_permanent_2023;
    } else if (number[0] == '8' && number[1] >= '1' && number[1] <= '3') {
        if (region_digits.substr(2) != "0000") {
            return problem(Errc::id_permit_prefix, {{"region", std::string(region_digits)}});
        }
        id.m_kind = IdKind::hmt_residence_permit;
    }

    const auto birth = parse_yyyymmdd(std::string_view(number).substr(6, 8));
    if (auto bad = check_birth(birth.value_or(Date{}), std::string_view(number).substr(6, 8), today)) {
        return *bad;
    }

    const char expected = check_character(number);
    if (number[17] != expected) {
        return problem(Errc::id_check_char, {{"expected", std::string(1, expected)}});
    }

    id.m_birth = *birth;
    id.m_sex = (number[16] - '0') % 2 == 1 ? Sex::male : Sex::female;
    if (id.m_kind == IdKind::foreign_permanent_2023) {
        id.m_region = 0;
        id.m_region_known = true;
    } else {
        id.m_region = to_int(region_digits);
        // 830000 (Taiwan residents' permits) is not a GB/T 2260 code but is assigned by the permit regulation.
        id.m_region_known = id.m_kind == IdKind::hmt_residence_permit || region_name(id.m_region).has_value();
    }
    id.m_text = std::move(number);
    return id;
}

} // namespace domain
