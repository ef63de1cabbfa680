#include "domain/input_text.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("ASCII shape check names the first bad character", "[input]")
{
    CHECK_FALSE(check_ascii_shape("ABC123"));
    CHECK(check_ascii_shape("")->code == Errc::empty);
    CHECK(check_ascii_shape("AB C")->param("position") == "3");
    CHECK(check_ascii_shape("AB\tC")->code == Errc::whitespace);
    CHECK(check_ascii_shape("A\xE3\x80\x80"
                            "B")
              ->code == Errc::fullwidth);                                  // ideographic space
    CHECK(check_ascii_shape("1\xEF\xBC\x92")->param("position") == "2");   // full-width 2
    CHECK(check_ascii_shape("\xE5\xBC\xA0")->code == Errc::bad_character); // 张
    CHECK(check_ascii_shape("A\xFF")->code == Errc::bad_character);        // broken UTF-8
    CHECK(check_ascii_shape("A\xE5\xBC")->code == Errc::bad_character);    // truncated sequence
}

TEST_CASE("form input is trimmed, half-width and upper case before validation", "[input]")
{
    CHECK(normalize_identifier_input("  11010519491231002x ") == "11010519491231002X");
    CHECK(normalize_identifier_input("\xEF\xBC\x91\xEF\xBC\x90\xEF\xBD\x98") == "10X"); // １０ｘ
    CHECK(normalize_identifier_input("\xE3\x80\x80"
                                     "12\xE3\x80\x80") == "12");
    CHECK(normalize_identifier_input("   ").empty());
    CHECK(normalize_identifier_input("\xE5\xBC\xA0"
                                     "a") == "\xE5\xBC\xA0"
                                             "A");
}

TEST_CASE("characters are counted as code points, not bytes", "[domain][input]")
{
    struct Case
    {
        const char* text;
        std::size_t characters;
    };
    const Case cases[] = {{"", 0}, {"abc", 3}, {"三", 1}, {"科技园路", 4}, {"1栋B", 3}, {"\xF0\x9F\x93\x9E", 1}};
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(domain::character_count(c.text) == c.characters);
    }
}
