#include "domain/org_code.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("organisation codes from the reference", "[orgcode]")
{
    for (const char* text : {"60003734-1", "D2143569-X", "M0001000-6", "600037341"}) {
        INFO(text);
        CHECK(OrgCode::parse(text));
    }
    CHECK(OrgCode::parse("600037341")->display() == "60003734-1");
    CHECK(OrgCode::check_character("D2143569") == 'X');
    CHECK(OrgCode::check_character("M0001000") == '6');
}

TEST_CASE("organisation code rejections", "[orgcode]")
{
    CHECK(OrgCode::parse("60003734-2").error().code == Errc::org_check_char);
    CHECK(OrgCode::parse("60003734-2").error().param("expected") == "1");
    CHECK(OrgCode::parse("6000373-41").error().code == Errc::org_hyphen);
    CHECK(OrgCode::parse("6000373").error().code == Errc::bad_length);
    CHECK(OrgCode::parse("60003734-a").error().param("position") == "10");
    CHECK(OrgCode::parse("6000a734-1").error().param("position") == "5");
    CHECK(OrgCode::parse("").error().code == Errc::empty);
}
