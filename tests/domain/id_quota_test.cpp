#include "domain/id_quota.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("one ID holds at most five mobile numbers by default", "[quota]")
{
    const IdQuotaPolicy policy;
    CHECK_FALSE(check_id_quota(policy, "mobile", 4));
    const auto full = check_id_quota(policy, "mobile", 5);
    REQUIRE(full);
    CHECK(full->code == Errc::id_quota_exceeded);
    CHECK(full->param("limit") == "5");
    CHECK(full->param("held") == "5");
    CHECK(check_id_quota(policy, "mobile", 3, 3));    // a batch of three would make six
    CHECK_FALSE(check_id_quota(policy, "fixed", 50)); // no limit configured
}

TEST_CASE("limits are configuration per service kind", "[quota]")
{
    IdQuotaPolicy policy;
    policy.limits["fixed"] = 2;
    policy.limits["mobile"] = 3;
    CHECK(check_id_quota(policy, "fixed", 2));
    CHECK(check_id_quota(policy, "mobile", 3));
    CHECK_FALSE(check_id_quota(policy, "mobile", 2));
}
