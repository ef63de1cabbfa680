#include "domain/real_name_policy.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace domain;

namespace {

constexpr Date kToday = make_date(2026, 11, 23);

PersonDocument person(const std::string& birth, const std::string& sequence = "001",
                      const std::string& valid_to = "20361123")
{
    std::string first17 = "110105" + birth + sequence;
    const auto id = IdNumber::parse(first17 + IdNumber::check_character(first17), kToday);
    return PersonDocument{id.value(), CardValidity::parse("20161123", valid_to).value()};
}

bool has(const std::vector<Problem>& problems, Errc code)
{
    return std::any_of(problems.begin(), problems.end(), [code](const Problem& p) { return p.code == code; });
}

} // namespace

TEST_CASE("an adult with a valid card acts alone", "[realname]")
{
    CHECK(check_real_name({person("19900101")}, {}, kToday).empty());
}

TEST_CASE("the minimum age to act alone is 16 on the birthday", "[realname]")
{
    CHECK(check_real_name({person("20101123")}, {}, kToday).empty());
    const auto young = check_real_name({person("20101124")}, {}, kToday);
    REQUIRE(young.size() == 1);
    CHECK(young[0].code == Errc::holder_needs_guardian);
    CHECK(young[0].param("age") == "15");
    CHECK(young[0].param("minimum") == "16");

    RealNamePolicy strict;
    strict.min_age_alone = 18;
    CHECK(has(check_real_name({person("20081124")}, strict, kToday), Errc::holder_needs_guardian));
}

TEST_CASE("a minor with an adult guardian is accepted", "[realname]")
{
    RealNameParties parties{person("20150101")};
    parties.guardian = person("19800101", "002");
    CHECK(check_real_name(parties, {}, kToday).empty());

    parties.guardian = person("20100101", "003");
    CHECK(has(check_real_name(parties, {}, kToday), Errc::guardian_too_young));

    parties.guardian = parties.holder;
    CHECK(has(check_real_name(parties, {}, kToday), Errc::guardian_is_holder));
}

TEST_CASE("expired cards are refused, with the role named", "[realname]")
{
    const auto problems = check_real_name({person("19900101", "001", "20261122")}, {}, kToday);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == Errc::card_expired);
    CHECK(problems[0].param("role") == "holder");

    RealNameParties parties{person("19900101")};
    parties.agent = person("19850101", "005", "20200101");
    const auto agent_problems = check_real_name(parties, {}, kToday);
    REQUIRE(agent_problems.size() == 1);
    CHECK(agent_problems[0].param("role") == "agent");
}

TEST_CASE("an agent is an adult other than the holder", "[realname]")
{
    RealNameParties parties{person("19900101")};
    parties.agent = person("19850101", "005");
    CHECK(check_real_name(parties, {}, kToday).empty());
    parties.agent = person("20100101", "007");
    CHECK(has(check_real_name(parties, {}, kToday), Errc::agent_too_young));
    parties.agent = parties.holder;
    CHECK(has(check_real_name(parties, {}, kToday), Errc::agent_is_holder));
}
