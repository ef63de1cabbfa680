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
        {"010-62345678", "010-62345678"}, {"01062345678", "010-62345678"},   {"021-52345678", "021-52345678"},
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
        {"010-6234567", Errc::phone_subscriber}, // 3-digit area codes take 8 digits
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

TEST_CASE("a hall's area code on its own", "[phone][area]")
{
    for (const char* good : {"010", "020", "021", "029", "0311", "0371", "0755", "0898", "0991"}) {
        INFO(good);
        CHECK_FALSE(check_area_code(good));
        // Whatever the settings accept completes a local number into one that parses with the same area code.
        const auto completed =
            PhoneNumber::parse(std::string(good) + "-" + (std::string_view(good).size() == 3 ? "62345678" : "2345678"));
        REQUIRE(completed);
        CHECK(completed.value().area_code() == good);
    }
    struct Row
    {
        const char* text;
        Errc code;
    };
    const Row bad[] = {
        {"", Errc::phone_area_code},     {"0", Errc::phone_area_code},     {"07", Errc::phone_area_code},
        {"075", Errc::phone_area_code},  {"07555", Errc::phone_area_code}, {"0211", Errc::phone_area_code},
        {"0101", Errc::phone_area_code}, {"011", Errc::phone_area_code},   {"026", Errc::phone_area_code},
        {"0055", Errc::phone_area_code}, {"755", Errc::phone_area_code},   {"1755", Errc::phone_area_code},
        {"07a5", Errc::bad_character},   {"0755 ", Errc::bad_character},   {"-0755", Errc::bad_character},
    };
    for (const auto& row : bad) {
        INFO(row.text);
        const auto problem = check_area_code(row.text);
        REQUIRE(problem);
        CHECK(problem->code == row.code);
    }
}

TEST_CASE("area codes: every valid one, lengthened or shortened by a digit, is refused", "[phone][area][property]")
{
    std::vector<std::string> valid{"010"};
    for (char d = '0'; d <= '9'; ++d) {
        if (d != '6') {
            valid.push_back(std::string("02") + d);
        }
    }
    for (int n = 300; n <= 999; ++n) {
        valid.push_back("0" + std::to_string(n));
    }
    for (const auto& code : valid) {
        INFO(code);
        REQUIRE_FALSE(check_area_code(code));
        for (char d = '0'; d <= '9'; ++d) {
            CHECK(check_area_code(code + d));
        }
        CHECK(check_area_code(code.substr(0, code.size() - 1)));
        CHECK(check_area_code(code.substr(1)));
    }
}
