#include "domain/card_validity.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("card validity periods, including long-term cards", "[card]")
{
    const auto card = CardValidity::parse("20161123", "20261123");
    REQUIRE(card);
    CHECK_FALSE(card->check_on(make_date(2026, 11, 23))); // the last day is valid
    const auto expired = card->check_on(make_date(2026, 11, 24));
    REQUIRE(expired);
    CHECK(expired->code == Errc::card_expired);
    CHECK(expired->param("valid_to") == "2026-11-23");
    CHECK(card->check_on(make_date(2016, 11, 22))->code == Errc::card_not_yet_valid);

    const auto long_term = CardValidity::parse("20100101", "长期");
    REQUIRE(long_term);
    CHECK(long_term->long_term());
    CHECK_FALSE(long_term->check_on(make_date(2099, 1, 1)));
    CHECK(CardValidity::parse("20100101", "长期有效"));
}

TEST_CASE("unreadable validity periods", "[card]")
{
    CHECK(CardValidity::parse("2016112", "20261123").error().code == Errc::card_validity_format);
    CHECK(CardValidity::parse("20161123", "20260230").error().code == Errc::card_validity_format);
    CHECK(CardValidity::parse("20161123", "20151123").error().code == Errc::card_validity_format);
    CHECK(CardValidity::parse("20161123", "long").error().param("text") == "long");
}
