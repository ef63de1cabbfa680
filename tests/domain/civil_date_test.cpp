#include "domain/civil_date.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("YYYYMMDD parses only real dates", "[date]")
{
    CHECK(parse_yyyymmdd("20240229") == make_date(2024, 2, 29));
    CHECK_FALSE(parse_yyyymmdd("20230229"));
    CHECK_FALSE(parse_yyyymmdd("20241301"));
    CHECK_FALSE(parse_yyyymmdd("20240100"));
    CHECK_FALSE(parse_yyyymmdd("2024022"));
    CHECK_FALSE(parse_yyyymmdd("2024-02-2"));
    CHECK_FALSE(parse_yyyymmdd("202402290"));
    CHECK(format_yyyymmdd(make_date(2024, 2, 29)) == "20240229");
    CHECK(format_iso(make_date(1949, 10, 1)) == "1949-10-01");
}

TEST_CASE("age in completed years", "[date]")
{
    CHECK(age_on(make_date(2010, 11, 23), make_date(2026, 11, 23)) == 16);
    CHECK(age_on(make_date(2010, 11, 24), make_date(2026, 11, 23)) == 15);
    CHECK(age_on(make_date(2026, 11, 23), make_date(2026, 11, 23)) == 0);
    SECTION("born on 29 February")
    {
        CHECK(age_on(make_date(2008, 2, 29), make_date(2024, 2, 28)) == 15);
        CHECK(age_on(make_date(2008, 2, 29), make_date(2024, 2, 29)) == 16);
        CHECK(age_on(make_date(2008, 2, 29), make_date(2025, 2, 28)) == 16);
        CHECK(age_on(make_date(2009, 2, 28), make_date(2025, 2, 28)) == 16);
        CHECK(age_on(make_date(2008, 2, 29), make_date(2026, 2, 28)) == 17);
        CHECK(age_on(make_date(2010, 2, 28), make_date(2026, 2, 28)) == 16);
        CHECK(age_on(make_date(2010, 3, 1), make_date(2026, 2, 28)) == 15);
    }
}
