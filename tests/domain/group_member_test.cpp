#include "domain/group_member.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("member changes close in the last six days of the month", "[member]")
{
    CHECK_FALSE(check_member_window(make_date(2026, 11, 24))); // six days left
    const auto closed = check_member_window(make_date(2026, 11, 25));
    REQUIRE(closed);
    CHECK(closed->code == Errc::member_window_closed);
    CHECK(closed->param("reopens") == "2026-12-01");
    CHECK(check_member_window(make_date(2026, 11, 30)));
    CHECK_FALSE(check_member_window(make_date(2026, 12, 1)));
    SECTION("February and the year end")
    {
        CHECK_FALSE(check_member_window(make_date(2026, 2, 22)));
        CHECK(check_member_window(make_date(2026, 2, 23)));
        CHECK_FALSE(check_member_window(make_date(2028, 2, 23))); // leap year: 29 days
        CHECK(check_member_window(make_date(2026, 12, 31))->param("reopens") == "2027-01-01");
    }
    CHECK_FALSE(check_member_window(make_date(2026, 11, 28), 2));
}

TEST_CASE("a member is local, new to the group and not added this month", "[member]")
{
    const GroupMembership group{"0755", {"0755-26543210", "13812345678"}, {"13912345678"}};
    CHECK_FALSE(check_new_member(PhoneNumber::parse("0755-26543211").value(), group));
    CHECK_FALSE(check_new_member(PhoneNumber::parse("13712345678").value(), group));

    CHECK(check_new_member(PhoneNumber::parse("075526543210").value(), group)->code == Errc::member_exists);
    CHECK(check_new_member(PhoneNumber::parse("13812345678").value(), group)->code == Errc::member_exists);
    CHECK(check_new_member(PhoneNumber::parse("13912345678").value(), group)->code == Errc::member_added_this_month);
    const auto remote = check_new_member(PhoneNumber::parse("020-36543210").value(), group);
    REQUIRE(remote);
    CHECK(remote->code == Errc::member_not_local);
    CHECK(remote->param("area") == "020");
}
