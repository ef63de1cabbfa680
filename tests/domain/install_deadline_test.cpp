#include "domain/civil_date.h"
#include "domain/install_deadline.h"

#include <catch2/catch.hpp>

using namespace domain;
using namespace std::chrono;

TEST_CASE("installs are due 48 hours after acceptance unless the grade says otherwise", "[install]")
{
    const UtcTime accepted = sys_days{make_date(2026, 11, 23)} + hours{9};
    InstallPolicy policy;
    CHECK(install_due(accepted, CustomerGrade::ordinary, policy) == accepted + hours{48});
    CHECK_FALSE(install_overdue(accepted, accepted + hours{48}, CustomerGrade::ordinary, policy));
    CHECK(install_overdue(accepted, accepted + hours{48} + seconds{1}, CustomerGrade::ordinary, policy));

    policy.by_grade[CustomerGrade::diamond] = hours{24};
    CHECK(install_due(accepted, CustomerGrade::diamond, policy) == accepted + hours{24});
    CHECK(install_overdue(accepted, accepted + hours{25}, CustomerGrade::diamond, policy));
    CHECK_FALSE(install_overdue(accepted, accepted + hours{25}, CustomerGrade::gold, policy));
}

TEST_CASE("grade names round-trip", "[install]")
{
    for (const auto g : {CustomerGrade::diamond, CustomerGrade::gold, CustomerGrade::silver, CustomerGrade::ordinary}) {
        CHECK(customer_grade_from_string(to_string(g)) == g);
    }
    CHECK_FALSE(customer_grade_from_string("platinum"));
}
