#include "domain/short_number.h"

#include "domain/input_text.h"

#include <algorithm>

namespace domain {

Result<ShortNumber> ShortNumber::parse(std::string_view text)
{
    if (auto shape = check_ascii_shape(text)) {
        return *shape;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return problem(Errc::bad_character, {{"position", std::to_string(i + 1)}});
        }
    }
    if (text.size() < 3 || text.size() > 6) {
        return problem(Errc::bad_length, {{"length", std::to_string(text.size())}, {"expected", "3-6"}});
    }
    if (text[0] != '6' || text[1] == '0') {
        return problem(Errc::short_number_range, {{"number", std::string(text)}});
    }
    ShortNumber number;
    number.m_text = std::string(text);
    return number;
}

std::optional<Problem> check_short_number_free(const ShortNumber& candidate, const std::vector<ShortNumber>& taken)
{
    if (std::find(taken.begin(), taken.end(), candidate) != taken.end()) {
        return problem(Errc::short_number_taken, {{"number", candidate.str()}});
    }
    return std::nullopt;
}

} // namespace domain
