#include "idcard/sample_cards.h"
#include "idcard/verification.h"

#include <catch2/catch.hpp>

using namespace idcard;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

Verification verify_key(std::string_view key, CardText* override_text = nullptr)
{
    const auto deck = sample_deck(kToday);
    const auto& card = *std::find_if(deck.begin(), deck.end(), [&](const SampleCard& c) { return c.key == key; });
    return verify_card(override_text ? *override_text : card.text, card.raw.photo, "",
                       {kToday, {}, "05.01-20101012-0000123456-0000012345", "/dev/ttyUSB0"});
}

} // namespace

TEST_CASE("valid cards of every type verify into an identity", "[idcard][verify]")
{
    for (const char* key : {"valid", "long_term", "hmt_permit", "foreign_2017", "foreign_2023"}) {
        INFO(key);
        const auto v = verify_key(key);
        CHECK(v.problems.empty());
        REQUIRE(v.identity);
        CHECK(v.identity->sam_id == "05.01-20101012-0000123456-0000012345");
        CHECK_FALSE(v.identity->needs_guardian);
    }
    CHECK(verify_key("valid").identity->age == 41);
    CHECK(verify_key("long_term").identity->validity.long_term());
}

TEST_CASE("an expired card is refused", "[idcard][verify]")
{
    const auto v = verify_key("expired");
    CHECK_FALSE(v.identity);
    REQUIRE(v.problems.size() == 1);
    CHECK(v.problems[0].code == domain::Errc::card_expired);
}

TEST_CASE("a minor's card verifies and says a guardian is needed", "[idcard][verify]")
{
    const auto v = verify_key("minor");
    REQUIRE(v.identity);
    CHECK(v.identity->age == 12);
    CHECK(v.identity->needs_guardian);
}

TEST_CASE("fields that disagree with the number are caught", "[idcard][verify]")
{
    const auto deck = sample_deck(kToday);
    CardText text = deck.front().text;
    text.birth = "19850313";
    text.sex_code = "2";
    const auto v = verify_key("valid", &text);
    CHECK_FALSE(v.identity);
    REQUIRE(v.problems.size() == 2);
    CHECK(v.problems[0].code == domain::Errc::card_birth_mismatch);
    CHECK(v.problems[1].code == domain::Errc::card_sex_mismatch);

    text = deck.front().text;
    text.id_number.back() = text.id_number.back() == '0' ? '1' : '0';
    const auto bad_number = verify_key("valid", &text);
    REQUIRE_FALSE(bad_number.problems.empty());
    CHECK(bad_number.problems[0].code == domain::Errc::id_check_char);
    CHECK(bad_number.card.name == "张伟"); // what was read is still there to show

    text = deck.front().text;
    text.valid_to = "2031-11-23";
    CHECK(verify_key("valid", &text).problems[0].code == domain::Errc::card_validity_format);
}
