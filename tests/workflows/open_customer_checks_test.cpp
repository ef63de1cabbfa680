// The domain's refusals before anything is sent, property-style: valid applications generated from a seed pass;
// changing one field gives exactly the problem that field deserves, with its role and field, and writes nothing.

#include "client/store/customer_cache.h"
#include "client/store/database.h"
#include "client/store/outbox.h"
#include "client/workflows/acceptance/open_individual_customer.h"
#include "client/workflows/group/open_group_customer.h"
#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <functional>
#include <random>

using namespace workflows;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

std::string id_for(const std::string& birth, int sequence)
{
    char seq[8];
    std::snprintf(seq, sizeof seq, "%03d", sequence % 1000);
    const auto first17 = "440305" + birth + seq;
    return first17 + domain::IdNumber::check_character(first17);
}

PersonIdentity person(const std::string& name, const std::string& birth, int sequence)
{
    return {name, id_for(birth, sequence), "20200101", "20400101", birth, std::string("广东省深圳市南山区科技园路1号")};
}

/// A valid adult application with an agent, from `random`.
IndividualApplication valid_application(std::mt19937& random)
{
    std::uniform_int_distribution<int> year(1950, 2000);
    std::uniform_int_distribution<int> month(1, 12);
    std::uniform_int_distribution<int> day(1, 28);
    std::uniform_int_distribution<int> sequence(1, 998);
    const auto birth = [&] {
        char text[9];
        std::snprintf(text, sizeof text, "%04d%02d%02d", year(random), month(random), day(random));
        return std::string(text);
    };
    IndividualApplication application;
    application.holder = person("张伟", birth(), sequence(random));
    application.contact_phone = "13812345678";
    application.agent = person("李娜", birth(), sequence(random));
    if (application.agent->id_number == application.holder.id_number) {
        application.agent = person("李娜", "19700101", 999);
    }
    return application;
}

struct Mutation
{
    std::string name;
    std::function<void(IndividualApplication&)> change;
    domain::Errc code;
    std::string role;  ///< the "role" parameter expected, or empty
    std::string field; ///< the "field" parameter expected, or empty
};

std::string last_char_changed(std::string id)
{
    id.back() = id.back() == '1' ? '2' : '1';
    return id;
}

} // namespace

TEST_CASE("valid individual applications pass and one changed field gives exactly its problem", "[workflows]")
{
    testing::TempDir dir("counter-checks");
    auto sql = store::open_database(dir.path() / "cache.db");
    OpenIndividualCustomer open(*sql, nullptr, "1001", "ws-test");

    const std::vector<Mutation> mutations{
        {"holder name blank", [](auto& a) { a.holder.name = "　"; }, domain::Errc::empty, "holder", "name"},
        {"holder check character", [](auto& a) { a.holder.id_number = last_char_changed(a.holder.id_number); },
         domain::Errc::id_check_char, "holder", "idNumber"},
        {"holder card expired", [](auto& a) { a.holder.valid_to = "20261122"; }, domain::Errc::card_expired, "holder",
         ""},
        {"holder validity unreadable", [](auto& a) { a.holder.valid_to = "2040-01-01"; },
         domain::Errc::card_validity_format, "holder", "validity"},
        {"card birth disagrees", [](auto& a) { a.holder.birth = "19491230"; }, domain::Errc::card_birth_mismatch,
         "holder", "birth"},
        {"agent is the holder",
         [](auto& a) {
             a.agent = a.holder;
             a.agent->name = "李娜";
         },
         domain::Errc::agent_is_holder, "", ""},
        {"agent too young", [](auto& a) { a.agent = person("小李", "20120101", 5); }, domain::Errc::agent_too_young, "",
         ""},
        {"agent card expired", [](auto& a) { a.agent->valid_to = "20250101"; }, domain::Errc::card_expired, "agent",
         ""},
        {"contact phone short", [](auto& a) { a.contact_phone = "1381234567"; }, domain::Errc::bad_length, "",
         "contactPhone"},
        {"contact phone missing", [](auto& a) { a.contact_phone.clear(); }, domain::Errc::empty, "", "contactPhone"},
        {"minor without guardian",
         [](auto& a) {
             a.holder = person("张小", "20150601", 7);
             a.agent.reset();
         },
         domain::Errc::holder_needs_guardian, "", ""},
        {"guardian too young",
         [](auto& a) {
             a.holder = person("张小", "20150601", 7);
             a.agent.reset();
             a.guardian = person("张哥", "20100101", 8);
         },
         domain::Errc::guardian_too_young, "", ""},
    };

    std::mt19937 random(20261123);
    for (int round = 0; round < 50; ++round) {
        const auto valid = valid_application(random);
        INFO("round " << round << " holder " << valid.holder.id_number << " agent " << valid.agent->id_number);
        REQUIRE(open.check(valid, kToday).empty());
        for (const auto& mutation : mutations) {
            INFO(mutation.name);
            auto changed = valid;
            mutation.change(changed);
            const auto problems = open.check(changed, kToday);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].code == mutation.code);
            if (!mutation.role.empty()) {
                CHECK(problems[0].param("role") == mutation.role);
            }
            if (!mutation.field.empty()) {
                CHECK(problems[0].param("field") == mutation.field);
            }
        }
    }

    // A minor with a guardian is fine, and the guardian is recorded with their own ID.
    auto minor = valid_application(random);
    minor.holder = person("张小", "20150601", 7);
    minor.agent.reset();
    minor.guardian = person("张父", "19800101", 9);
    REQUIRE(open.check(minor, kToday).empty());
    const auto record = OpenIndividualCustomer::record_for(minor, kToday);
    REQUIRE(record.related_parties.size() == 1);
    CHECK(record.related_parties[0].role == "guardian");
    CHECK(record.related_parties[0].id_number == minor.guardian->id_number);
    CHECK(record.certificates.at(0).type == "idCard");
    CHECK(record.certificates.at(0).valid_to == domain::make_date(2040, 1, 1));

    // A refused application writes nothing, with or without a back office.
    auto refused = minor;
    refused.guardian.reset();
    const auto outcome = open.open(refused, kToday);
    REQUIRE(std::holds_alternative<std::vector<domain::Problem>>(outcome));
    CHECK(store::CustomerCache(*sql).count() == 0);
    CHECK(store::Outbox(*sql).pending_count() == 0);
}

TEST_CASE("valid group applications pass and one changed field gives exactly its group rule", "[workflows]")
{
    std::mt19937 random(6);
    const auto uscc = [&] {
        std::uniform_int_distribution<int> digit(0, 9);
        std::string first17 = "91440300";
        for (int i = 0; i < 9; ++i) {
            first17 += static_cast<char>('0' + digit(random));
        }
        return first17 + domain::CreditCode::check_character(first17);
    };
    struct GroupMutation
    {
        std::string name;
        std::function<void(GroupApplication&)> change;
        domain::Errc code;
        std::string param;
        std::string value;
    };
    const std::vector<GroupMutation> mutations{
        {"name blank", [](auto& g) { g.name = " "; }, domain::Errc::group_name_empty, "", ""},
        {"no certificate", [](auto& g) { g.certificates.clear(); }, domain::Errc::group_no_certificate, "", ""},
        {"no main certificate", [](auto& g) { g.certificates[0].main = false; }, domain::Errc::group_main_certificate,
         "count", "0"},
        {"two main certificates", [](auto& g) { g.certificates[1].main = true; }, domain::Errc::group_main_certificate,
         "count", "2"},
        {"credit code check character",
         [](auto& g) { g.certificates[0].number = last_char_changed(g.certificates[0].number); },
         domain::Errc::group_certificate_number, "index", "1"},
        {"no manager", [](auto& g) { g.managers.clear(); }, domain::Errc::group_no_manager, "", ""},
        {"manager twice", [](auto& g) { g.managers.push_back(g.managers[0]); }, domain::Errc::group_manager_duplicate,
         "manager", "3001"},
        {"SME without grid", [](auto& g) { g.grid.reset(); }, domain::Errc::group_grid_required, "", ""},
        {"key account in a grid", [](auto& g) { g.type = domain::GroupType::key_account; },
         domain::Errc::group_grid_not_allowed, "", ""},
        {"bad phone", [](auto& g) { g.contact_phone = "0755-0123"; }, domain::Errc::phone_subscriber, "field",
         "contactPhone"},
    };
    for (int round = 0; round < 30; ++round) {
        GroupApplication valid;
        valid.name = "深圳市测试" + std::to_string(round) + "有限公司";
        valid.type = domain::GroupType::sme;
        valid.grid = "NS-G09";
        valid.managers = {"3001"};
        valid.contact_phone = "0755-26612345";
        valid.certificates.push_back({domain::CertificateKind::business_licence, uscc(), true, std::nullopt});
        valid.certificates.push_back(
            {domain::CertificateKind::introduction_letter, "深南字第12号", false, std::nullopt});
        INFO("round " << round << " " << valid.certificates[0].number);
        REQUIRE(OpenGroupCustomer::check(valid, kToday).empty());
        for (const auto& mutation : mutations) {
            INFO(mutation.name);
            auto changed = valid;
            mutation.change(changed);
            const auto problems = OpenGroupCustomer::check(changed, kToday);
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].code == mutation.code);
            if (!mutation.param.empty()) {
                CHECK(problems[0].param(mutation.param) == mutation.value);
            }
        }
    }
    // What is sent: the contract's names for types, no grid for a key account.
    GroupApplication key;
    key.name = "大客户";
    key.type = domain::GroupType::key_account;
    key.grid = "";
    key.certificates.push_back({domain::CertificateKind::org_code_certificate, "12345678-9", true, std::nullopt});
    const auto record = OpenGroupCustomer::record_for(key);
    CHECK(record.kind == "group");
    CHECK(record.group_type == "keyAccount");
    CHECK_FALSE(record.grid.has_value());
    CHECK(record.certificates.at(0).type == "orgCode");
}
