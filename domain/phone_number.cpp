#include "domain/phone_number.h"

#include "domain/input_text.h"
#include "domain/mobile_prefixes.h"

namespace domain {
namespace {

std::optional<Problem> require_digits(std::string_view text, std::size_t offset)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return problem(Errc::bad_character, {{"position", std::to_string(offset + i + 1)}});
        }
    }
    return std::nullopt;
}

/// Length of the area code that `digits` begins with: 3 for 010 and 02x, 4 for 0 + [3-9]xx, 0 if none can.
std::size_t area_code_length(std::string_view digits)
{
    if (digits.size() < 3 || digits[0] != '0') {
        return 0;
    }
    if (digits[1] == '1') {
        return digits[2] == '0' ? 3 : 0;
    }
    if (digits[1] == '2') {
        return digits[2] == '6' ? 0 : 3; // 026 is reserved
    }
    if (digits[1] >= '3' && digits[1] <= '9') {
        return digits.size() >= 4 ? 4 : 0;
    }
    return 0;
}

} // namespace

std::optional<Problem> check_area_code(std::string_view text)
{
    if (auto bad = require_digits(text, 0)) {
        return bad;
    }
    if (text.empty() || area_code_length(text) != text.size()) {
        return problem(Errc::phone_area_code, {{"area", std::string(text)}});
    }
    return std::nullopt;
}

std::string_view PhoneNumber::area_code() const
{
    return std::string_view(m_text).substr(0, m_area_len);
}

std::string_view PhoneNumber::subscriber() const
{
    return m_area_len == 0 ? std::string_view(m_text) : std::string_view(m_text).substr(m_area_len + 1);
}

Result<PhoneNumber> PhoneNumber::parse(std::string_view text)
{
    if (auto shape = check_ascii_shape(text)) {
        return *shape;
    }
    PhoneNumber number;
    if (text[0] == '1') {
        if (auto bad = require_digits(text, 0)) {
            return *bad;
        }
        const auto prefix = find_mobile_prefix(text);
        const bool iot = prefix && prefix->kind == "iot";
        const std::size_t expected = iot ? 13 : 11;
        if (text.size() != expected) {
            return problem(Errc::bad_length,
                           {{"length", std::to_string(text.size())}, {"expected", std::to_string(expected)}});
        }
        if (!prefix) {
            return problem(Errc::phone_prefix, {{"prefix", std::string(text.substr(0, 3))}});
        }
        number.m_text = std::string(text);
        number.m_kind = iot ? PhoneKind::iot : PhoneKind::mobile;
        number.m_prefix_kind = prefix->kind;
        return number;
    }
    if (text[0] != '0') {
        // A local number typed without its area code.
        return problem(Errc::phone_area_code, {{"area", ""}});
    }

    const auto hyphen = text.find('-');
    std::string digits;
    if (hyphen == std::string_view::npos) {
        digits = std::string(text);
    } else {
        digits = std::string(text.substr(0, hyphen)) + std::string(text.substr(hyphen + 1));
    }
    if (auto bad = require_digits(hyphen == std::string_view::npos ? text : text.substr(0, hyphen), 0)) {
        return *bad;
    }
    if (hyphen != std::string_view::npos) {
        if (auto bad = require_digits(text.substr(hyphen + 1), hyphen + 1)) {
            return *bad;
        }
    }
    const std::size_t area_len = area_code_length(digits);
    if (area_len == 0 || (hyphen != std::string_view::npos && hyphen != area_len)) {
        const std::size_t shown = hyphen != std::string_view::npos ? hyphen : std::min<std::size_t>(4, digits.size());
        return problem(Errc::phone_area_code, {{"area", digits.substr(0, shown)}});
    }
    const std::string subscriber = digits.substr(area_len);
    const std::size_t min_len = area_len == 3 ? 8 : 7;
    if (subscriber.size() < min_len || subscriber.size() > 8 || subscriber[0] == '0' || subscriber[0] == '1') {
        return problem(Errc::phone_subscriber, {{"subscriber", subscriber}});
    }
    number.m_text = digits.substr(0, area_len) + '-' + subscriber;
    number.m_kind = PhoneKind::fixed_line;
    number.m_area_len = area_len;
    return number;
}

} // namespace domain
