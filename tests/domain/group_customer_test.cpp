#include "domain/group_customer.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace domain;

namespace {

constexpr Date kToday = make_date(2026, 11, 23);

GroupCustomerDraft valid_sme()
{
    GroupCustomerDraft d;
    d.name = "深圳市某某科技有限公司";
    d.type = GroupType::sme;
    d.certificates = {{CertificateKind::business_licence, "91350100M00010000P", true},
                      {CertificateKind::introduction_letter, "介绍信 2026-118", false}};
    d.managers = {"KH0012"};
    d.grid = "SZ-NS-07";
    return d;
}

std::vector<std::string> codes(const std::vector<Problem>& problems)
{
    std::vector<std::string> out;
    for (const auto& p : problems) {
        out.emplace_back(code_name(p.code));
    }
    return out;
}

} // namespace

TEST_CASE("a complete SME draft can be submitted", "[group]")
{
    CHECK(check_group_customer(valid_sme(), kToday).empty());
}

TEST_CASE("exactly one certificate is the main one", "[group]")
{
    auto d = valid_sme();
    d.certificates[0].main = false;
    auto problems = check_group_customer(d, kToday);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == Errc::group_main_certificate);
    CHECK(problems[0].param("count") == "0");

    d.certificates[1].main = true;
    d.certificates[0].main = true;
    CHECK(check_group_customer(d, kToday)[0].param("count") == "2");

    d.certificates.clear();
    CHECK(codes(check_group_customer(d, kToday)) == std::vector<std::string>{"E_GROUP_NO_CERTIFICATE"});
}

TEST_CASE("certificate numbers are checked by their kind", "[group]")
{
    auto d = valid_sme();
    d.certificates.push_back({CertificateKind::org_code_certificate, "60003734-2", false});
    d.certificates.push_back({CertificateKind::personal_id, "11010519491231002X", false});
    d.certificates.push_back({CertificateKind::introduction_letter, "  ", false});
    const auto problems = check_group_customer(d, kToday);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].param("index") == "3");
    CHECK(problems[0].param("reason") == "E_ORG_CHECK_CHAR");
    CHECK(problems[1].param("index") == "5");
    CHECK(problems[1].param("reason") == "E_EMPTY");
}

TEST_CASE("grids are for SMEs only", "[group]")
{
    auto sme = valid_sme();
    sme.grid.reset();
    CHECK(codes(check_group_customer(sme, kToday)) == std::vector<std::string>{"E_GROUP_GRID_REQUIRED"});

    auto key = valid_sme();
    key.type = GroupType::key_account;
    CHECK(codes(check_group_customer(key, kToday)) == std::vector<std::string>{"E_GROUP_GRID_NOT_ALLOWED"});
    key.grid.reset();
    CHECK(check_group_customer(key, kToday).empty());

    auto other = valid_sme();
    other.type = GroupType::other;
    CHECK(check_group_customer(other, kToday).empty());
    other.grid.reset();
    CHECK(check_group_customer(other, kToday).empty());
}

TEST_CASE("a group needs a name and distinct customer managers", "[group]")
{
    auto d = valid_sme();
    d.name = " \xE3\x80\x80 ";
    d.managers = {};
    CHECK(codes(check_group_customer(d, kToday)) ==
          std::vector<std::string>{"E_GROUP_NAME_EMPTY", "E_GROUP_NO_MANAGER"});
    d = valid_sme();
    d.managers = {"KH0012", "KH0013", "KH0012"};
    const auto problems = check_group_customer(d, kToday);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].param("manager") == "KH0012");
}
