#include "domain/short_number.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("group short numbers: 3-6 digits beginning 61-69", "[short]")
{
    for (const char* ok : {"611", "6100", "69999", "689999"}) {
        INFO(ok);
        CHECK(ShortNumber::parse(ok));
    }
    CHECK(ShortNumber::parse("61").error().code == Errc::bad_length);
    CHECK(ShortNumber::parse("6123456").error().code == Errc::bad_length);
    CHECK(ShortNumber::parse("601").error().code == Errc::short_number_range);
    CHECK(ShortNumber::parse("711").error().code == Errc::short_number_range);
    CHECK(ShortNumber::parse("6a1").error().code == Errc::bad_character);
}

TEST_CASE("a short number is unique within its group", "[short]")
{
    const std::vector<ShortNumber> taken{*ShortNumber::parse("6101"), *ShortNumber::parse("6102")};
    CHECK_FALSE(check_short_number_free(*ShortNumber::parse("6103"), taken));
    const auto clash = check_short_number_free(*ShortNumber::parse("6102"), taken);
    REQUIRE(clash);
    CHECK(clash->code == Errc::short_number_taken);
    CHECK(clash->param("number") == "6102");
}
