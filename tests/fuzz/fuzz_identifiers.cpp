// Every identifier, amount and date parser on arbitrary bytes: no crash, no undefined behaviour, and whatever is
// accepted parses again to the same value from its canonical text.
#include "domain/card_validity.h"
#include "domain/chinese_amount.h"
#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "domain/input_text.h"
#include "domain/masking.h"
#include "domain/money.h"
#include "domain/org_code.h"
#include "domain/phone_number.h"
#include "domain/short_number.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

void require(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

template <typename Parse> void round_trip(std::string_view text, Parse parse)
{
    const auto first = parse(text);
    if (first) {
        const auto again = parse(first->str());
        require(again.has_value() && again->str() == first->str());
    } else {
        require(!domain::code_name(first.error().code).empty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    round_trip(text, [](std::string_view s) { return domain::IdNumber::parse(s, kToday); });
    round_trip(text, [](std::string_view s) { return domain::CreditCode::parse(s); });
    round_trip(text, [](std::string_view s) { return domain::OrgCode::parse(s); });
    round_trip(text, [](std::string_view s) { return domain::PhoneNumber::parse(s); });
    round_trip(text, [](std::string_view s) { return domain::ShortNumber::parse(s); });

    if (const auto money = domain::Money::parse(text)) {
        require(domain::Money::parse(money->plain())->fen() == money->fen());
        require(!domain::chinese_uppercase(*money).empty());
    }
    (void)domain::normalize_identifier_input(text);
    (void)domain::mask_id_number(text);
    (void)domain::mask_phone(text);
    (void)domain::mask_name(text);
    (void)domain::mask_address(text);
    const auto half = text.size() / 2;
    if (const auto validity = domain::CardValidity::parse(text.substr(0, half), text.substr(half))) {
        (void)validity->check_on(kToday);
    }
    return 0;
}
