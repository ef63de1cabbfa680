#include "domain/phone_number.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("mobile numbers by prefix table", "[phone]")
{
    struct Row
    {
        const char* text;
        const char* kind;
    };
    const Row rows[] = {
        {"13812345678", "cmcc"}, {"13412345678", "cmcc"}, {"13491234567", "ctcc"}, {"18612345678", "cucc"},
        {"19212345678", "cbn"},  {"17012345678", "mvno"}, {"17400123456", "ctcc"}, {"14512345678", "data"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto number = PhoneNumber::parse(row.text);
        REQUIRE(number);
        CHECK(number->kind() == PhoneKind::mobile);
        CHECK(number->prefix_kind() == row.kind);
        CHECK(number->str() == row.text);
        CHECK(number->area_code().empty());
    }
    const auto iot = PhoneNumber::parse("1440123456789");
    REQUIRE(iot);
    CHECK(iot->kind() == PhoneKind::iot);
}

TEST_CASE("fixed lines with and without the hyphen", "[phone]")
{
    struct Row
    {
        const char* text;
        const char* canonical;
    };
    const Row rows[] = {
        {"010-62345678", "010-62345678"}, {"01062345678", "010-62345678"},  {"021-52345678", "021-52345678"},
        {"0755-2345678", "0755-2345678"}, {"075523456789", "0755-23456789"}, {"0571-87654321", "0571-87654321"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto number = PhoneNumber::parse(row.text);
        REQUIRE(number);
        CHECK(number->kind() == PhoneKind::fixed_line);
        CHECK(number->str() == row.canonical);
    }
    CHECK(PhoneNumber::parse("0755-2345678")->area_code() == "0755");
    CHECK(PhoneNumber::parse("0755-2345678")->subscriber() == "2345678");
}

TEST_CASE("phone number rejections", "[phone]")
{
    struct Row
    {
        const char* text;
        Errc code;
    };
    const Row rows[] = {
        {"", Errc::empty},
        {"1381234567", Errc::bad_length},
        {"138123456789", Errc::bad_length},
        {"12012345678", Errc::phone_prefix},
        {"17412345678", Errc::phone_prefix}, // 174 outside 17400-17405 is satellite, not sold at the counter
        {"1381234567a", Errc::bad_character},
        {"138 12345678", Errc::whitespace},
        {"62345678", Errc::phone_area_code},
        {"011-62345678", Errc::phone_area_code},
        {"026-62345678", Errc::phone_area_code},
        {"0062345678", Errc::phone_area_code},
        {"07-5523456789", Errc::phone_area_code},
        {"010-6234567", Errc::phone_subscriber},  // 3-digit area codes take 8 digits
        {"010-123456789", Errc::phone_subscriber},
        {"0755-1234567", Errc::phone_subscriber}, // subscriber numbers never start with 1
        {"0755-0234567", Errc::phone_subscriber},
        {"0755-23456", Errc::phone_subscriber},
        {"0755-2345-678", Errc::bad_character},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto number = PhoneNumber::parse(row.text);
        REQUIRE_FALSE(number);
        CHECK(code_name(number.error().code) == code_name(row.code));
    }
}
