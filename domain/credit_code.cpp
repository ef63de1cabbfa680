#include "domain/credit_code.h"

#include "domain/input_text.h"
#include "domain/org_code.h"

#include <array>

namespace domain {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c)
{
    const auto pos = kCharset.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

} // namespace

char CreditCode::check_character(std::string_view first17)
{
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        sum += value_of(first17[i]) * kWeights[i];
    }
    return kCharset[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

Result<CreditCode> CreditCode::parse(std::string_view text)
{
    if (auto shape = check_ascii_shape(text)) {
        return *shape;
    }
    if (text.size() != 18) {
        return problem(Errc::bad_length, {{"length", std::to_string(text.size())}, {"expected", "18"}});
    }
    for (std::size_t i = 0; i < 18; ++i) {
        const char c = text[i];
        if (c >= 'a' && c <= 'z') {
            return problem(Errc::uscc_lowercase, {{"position", std::to_string(i + 1)}});
        }
        if (value_of(c) < 0) {
            return problem(Errc::bad_character, {{"position", std::to_string(i + 1)}});
        }
    }
    const char expected = check_character(text);
    if (text[17] != expected) {
        return problem(Errc::uscc_check_char, {{"expected", std::string(1, expected)}});
    }
    CreditCode code;
    code.m_text = std::string(text);
    code.m_org_consistent = OrgCode::parse(code.org_code()).has_value();
    return code;
}

} // namespace domain
