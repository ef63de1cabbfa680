#include "common/sql/sqlite_file.h"
#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "domain/phone_number.h"
#include "domain/short_number.h"
#include "idcard/sample_cards.h"
#include "services/backoffice/bootstrap.h"
#include "services/backoffice/db/database.h"
#include "services/backoffice/demo_data.h"
#include "services/backoffice/password_hasher.h"
#include "services/backoffice/sql_util.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace backoffice;

namespace {

/// Named for this test file, so a leftover folder says where it came from.
class TempDir : public testing::TempDir
{
public:
    TempDir() : testing::TempDir("counter-demo-test") {}
};

contract::Timestamp demo_now()
{
    return *contract::parse_timestamp("2026-11-23T08:30:00Z");
}

const domain::Date kToday = domain::make_date(2026, 11, 23);

/// A migrated SQLite back office in a temporary folder.
struct DemoDb
{
    TempDir dir;
    db::Database db{db::Target{db::Backend::sqlite, sql::sqlite_connect_string(dir.path() / "backoffice.db")}, 1};

    DemoSummary seed(std::size_t customers, std::uint32_t seed = 20261123)
    {
        DemoOptions options;
        options.customers = customers;
        options.seed = seed;
        options.now = demo_now();
        return seed_demo_data(db.writer(), options);
    }

    long long count(const std::string& query)
    {
        long long value = 0;
        db.writer() << query, soci::into(value);
        return value;
    }

    std::vector<std::vector<std::string>> rows(const std::string& query)
    {
        std::vector<std::vector<std::string>> out;
        soci::rowset<soci::row> result = (db.writer().prepare << query);
        for (const auto& row : result) {
            std::vector<std::string> values;
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row.get_indicator(i) == soci::i_null) {
                    values.emplace_back("<null>");
                } else if (row.get_properties(i).get_data_type() == soci::dt_string) {
                    values.push_back(row.get<std::string>(i));
                } else {
                    values.push_back(std::to_string(column_int(row, i)));
                }
            }
            out.push_back(std::move(values));
        }
        return out;
    }
};

long long number_part(const std::string& id)
{
    return std::stoll(id.substr(1));
}

} // namespace

TEST_CASE("demo data fills every table and reports the rows present", "[demo]")
{
    DemoDb demo;
    const auto summary = demo.seed(500);

    CHECK(summary.staff == static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM staff")));
    CHECK(summary.offerings == static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM offerings")));
    CHECK(summary.addresses == static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM addresses")));
    CHECK(summary.buildings ==
          static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'building'")));
    CHECK(summary.numbers == static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM numbers")));
    CHECK(summary.customers ==
          static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM customers WHERE kind = 'individual'")));
    CHECK(summary.groups ==
          static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM customers WHERE kind = 'group'")));
    CHECK(summary.members == static_cast<std::size_t>(demo.count("SELECT COUNT(*) FROM group_members")));

    CHECK(summary.customers == 500);
    CHECK(summary.groups == 20);
    CHECK(summary.staff == 5); // a bare migrated database: no administrator
    CHECK(summary.offerings == 10);
    CHECK(summary.buildings == 9 * 3 * 4);
    CHECK(summary.members >= 20 * 5);
    CHECK(summary.members <= 20 * 30);
    const auto lines = demo.count("SELECT COUNT(*) FROM services");
    CHECK(lines > 100); // about 30 % of 500
    CHECK(lines < 200);
    CHECK(summary.numbers == static_cast<std::size_t>(9 * 200 + lines));
    CHECK(demo.count("SELECT COUNT(*) FROM accounts") == 520);
    CHECK(demo.count("SELECT COUNT(*) FROM customers WHERE arrears_fen > 0") > 0);
    CHECK(demo.count("SELECT COUNT(*) FROM accounts WHERE balance_fen < 0") ==
          demo.count("SELECT COUNT(*) FROM customers WHERE arrears_fen > 0"));
    CHECK(demo.count("SELECT COUNT(*) FROM customers WHERE version <> 1 OR status <> 'active' OR "
                     "updated_at <> '2026-11-23T08:30:00Z'") == 0);
    CHECK(demo.count(
              "SELECT COUNT(*) FROM customers WHERE kind = 'individual' AND served_by NOT IN ('1001', '1002')") == 0);
    // The built-in roles were created for the bare database.
    CHECK(demo.count("SELECT COUNT(*) FROM roles WHERE built_in = 1") == 4);
    CHECK(demo.count("SELECT COUNT(*) FROM role_permissions WHERE role_id = 'clerk'") > 0);
}

TEST_CASE("demo data goes on top of the built-in roles and administrator", "[demo]")
{
    DemoDb demo;
    REQUIRE(ensure_built_ins(demo.db.writer(), PasswordHasher(PasswordHasher::minimum()), "Admin#0001"));
    const auto summary = demo.seed(20);
    CHECK(summary.staff == 6);
    CHECK(demo.count("SELECT COUNT(*) FROM roles") == 4);
    CHECK(demo.count("SELECT COUNT(*) FROM halls") == 4); // H00 from the bootstrap and the three demo halls
    CHECK(demo.count("SELECT COUNT(*) FROM staff_roles WHERE staff_id = 'admin' AND role_id = 'admin'") == 1);
}

TEST_CASE("demo staff can log in with the documented passwords", "[demo]")
{
    DemoDb demo;
    demo.seed(10);
    const PasswordHasher hasher(PasswordHasher::minimum());
    for (const auto& login : kDemoLogins) {
        INFO(login.staff_id);
        const auto rows = demo.rows("SELECT s.password_hash, s.enabled, s.must_change, s.built_in, r.role_id, h.name "
                                    "FROM staff s JOIN staff_roles r ON r.staff_id = s.staff_id "
                                    "JOIN halls h ON h.hall_id = s.hall_id WHERE s.staff_id = '" +
                                    std::string(login.staff_id) + "'");
        REQUIRE(rows.size() == 1);
        CHECK(hasher.verify(login.password, rows[0][0]));
        CHECK_FALSE(hasher.verify("wrong", rows[0][0]));
        CHECK(rows[0][1] == "1");
        CHECK(rows[0][2] == "0");
        CHECK(rows[0][3] == "0");
        CHECK(rows[0][4] == login.role_id);
    }
}

TEST_CASE("every demo individual has a valid resident ID as main certificate", "[demo]")
{
    DemoDb demo;
    demo.seed(500);
    std::vector<std::string> bad;
    const auto certificates = demo.rows("SELECT c.customer_id, c.number, c.main, c.valid_to FROM certificates c "
                                        "JOIN customers k ON k.customer_id = c.customer_id "
                                        "WHERE k.kind = 'individual' AND c.type = 'idCard'");
    CHECK(certificates.size() == 500);
    std::set<std::string> numbers;
    for (const auto& row : certificates) {
        const auto id = domain::IdNumber::parse(row[1], kToday);
        if (!id || id->kind() != domain::IdKind::resident || !id->region_known() || row[2] != "1" ||
            row[3] <= "2026-11-23" || !numbers.insert(row[1]).second) {
            bad.push_back(row[0] + " " + row[1]);
        }
    }
    CHECK(bad == std::vector<std::string>{});
    // The blacklist names the main certificates of the customers marked as listed.
    CHECK(demo.count("SELECT COUNT(*) FROM blacklist") ==
          demo.count("SELECT COUNT(*) FROM customers WHERE blacklisted = 1"));
    CHECK(demo.count("SELECT COUNT(*) FROM blacklist b JOIN certificates c ON c.number = b.id_number "
                     "JOIN customers k ON k.customer_id = c.customer_id WHERE k.blacklisted = 1") ==
          demo.count("SELECT COUNT(*) FROM blacklist"));
    // Contact phones are mobile numbers.
    for (const auto& row : demo.rows("SELECT customer_id, contact_phone FROM customers")) {
        const auto phone = domain::PhoneNumber::parse(row[1]);
        if (!phone || phone->kind() != domain::PhoneKind::mobile) {
            bad.push_back(row[0] + " " + row[1]);
        }
    }
    CHECK(bad == std::vector<std::string>{});
}

TEST_CASE("demo groups have valid credit codes, managers and short-number networks", "[demo]")
{
    DemoDb demo;
    demo.seed(100);
    std::vector<std::string> bad;
    const auto groups = demo.rows("SELECT k.customer_id, k.name, k.group_type, k.grid, c.type, c.number, c.main "
                                  "FROM customers k JOIN certificates c ON c.customer_id = k.customer_id "
                                  "WHERE k.kind = 'group' ORDER BY k.customer_id");
    REQUIRE(groups.size() == 20);
    std::set<std::string> names;
    std::set<std::string> types;
    for (const auto& row : groups) {
        INFO(row[0] << " " << row[1] << " " << row[5]);
        const auto code = domain::CreditCode::parse(row[5]);
        CHECK(code);
        if (code) {
            CHECK(code->org_code_consistent());
        }
        CHECK(row[4] == "businessLicence");
        CHECK(row[6] == "1");
        CHECK(names.insert(row[1]).second);
        types.insert(row[2]);
        // An SME is in a grid, a key account never.
        CHECK((row[2] == "sme") == (row[3] != "<null>"));
        const auto managers = demo.count("SELECT COUNT(*) FROM customer_managers m JOIN staff s ON "
                                         "s.staff_id = m.staff_id WHERE m.customer_id = '" +
                                         row[0] + "' AND s.staff_id IN ('3001', '3002')");
        CHECK(managers >= (row[2] == "keyAccount" ? 2 : 1));
    }
    CHECK(types == std::set<std::string>{"keyAccount", "sme", "other"});

    std::map<std::string, std::set<std::string>> shorts;
    std::map<std::string, int> sizes;
    std::set<std::string> numbers;
    for (const auto& row : demo.rows("SELECT group_id, number, short_number, state FROM group_members")) {
        ++sizes[row[0]];
        const auto phone = domain::PhoneNumber::parse(row[1]);
        if (!domain::ShortNumber::parse(row[2]) || !shorts[row[0]].insert(row[2]).second || !phone ||
            phone->kind() != domain::PhoneKind::mobile || !numbers.insert(row[1]).second || row[3] != "active") {
            bad.push_back(row[0] + " " + row[1] + " " + row[2]);
        }
    }
    CHECK(bad == std::vector<std::string>{});
    REQUIRE(sizes.size() == 20);
    for (const auto& [group, size] : sizes) {
        INFO(group);
        CHECK(size >= 5);
        CHECK(size <= 30);
    }
}

TEST_CASE("seeding demo data a second time changes nothing", "[demo]")
{
    DemoDb demo;
    const auto first = demo.seed(200);
    const auto counters = demo.rows("SELECT name, value FROM counters ORDER BY name");
    const auto customers = demo.rows("SELECT customer_id, name, change_seq FROM customers ORDER BY customer_id");
    const auto second = demo.seed(200, 42);
    CHECK(second == first);
    CHECK(demo.rows("SELECT name, value FROM counters ORDER BY name") == counters);
    CHECK(demo.rows("SELECT customer_id, name, change_seq FROM customers ORDER BY customer_id") == customers);
}

TEST_CASE("the same seed gives the same demo data", "[demo]")
{
    DemoDb one;
    DemoDb two;
    DemoDb other;
    one.seed(50);
    two.seed(50);
    other.seed(50, 7);
    const std::string customers = "SELECT k.customer_id, k.name, k.address, c.number FROM customers k "
                                  "JOIN certificates c ON c.customer_id = k.customer_id ORDER BY k.customer_id";
    const std::string numbers = "SELECT number, status, fee_fen FROM numbers ORDER BY number";
    CHECK(one.rows(customers) == two.rows(customers));
    CHECK(one.rows(numbers) == two.rows(numbers));
    CHECK(one.rows(customers) != other.rows(customers));
}

TEST_CASE("only launched demo offerings inside their window are sellable", "[demo]")
{
    DemoDb demo;
    demo.seed(10);
    // The catalog handler's condition.
    std::set<std::string> sellable;
    for (const auto& row : demo.rows("SELECT offering_id FROM offerings WHERE lifecycle_status = 'Launched' AND "
                                     "valid_from <= '2026-11-23' AND (valid_to IS NULL OR valid_to >= '2026-11-23')")) {
        sellable.insert(row[0]);
    }
    CHECK(sellable == std::set<std::string>{"PSTN-BASIC", "PSTN-BIZ", "VAS-3WAY", "VAS-ALARM", "VAS-CFU", "VAS-CLIP",
                                            "VAS-CW", "VAS-DDD"});
    CHECK(demo.count("SELECT COUNT(*) FROM offerings WHERE offering_id NOT IN ('PSTN-BASIC', 'PSTN-BIZ', 'VAS-3WAY', "
                     "'VAS-ALARM', 'VAS-CFU', 'VAS-CLIP', 'VAS-CW', 'VAS-DDD')") == 2);
    CHECK(demo.rows("SELECT one_off_fen, monthly_fen, kind FROM offerings WHERE offering_id = 'PSTN-BASIC'") ==
          std::vector<std::vector<std::string>>{{"10000", "1800", "basic"}});
    CHECK(demo.rows("SELECT name, allowed, default_value FROM offering_attributes WHERE offering_id = 'VAS-DDD'") ==
          std::vector<std::vector<std::string>>{{"scope", "国内|港澳台|国际", "国内"}});
    CHECK(demo.rows("SELECT name, allowed FROM offering_attributes WHERE offering_id = 'VAS-CFU'") ==
          std::vector<std::vector<std::string>>{{"forwardTo", ""}});
}

TEST_CASE("demo buildings have ports, exchanges and numbers for resource checks", "[demo]")
{
    DemoDb demo;
    demo.seed(500);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'building' AND ports_used = ports_total") > 0);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'building' AND ports_used < ports_total") > 0);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'building' AND (ports_used > ports_total OR "
                     "ports_total < 8 OR exchange IS NULL)") == 0);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level <> 'building' AND (ports_total <> 0 OR "
                     "exchange IS NOT NULL)") == 0);
    // Every installed line counts against its building's ports and uses a number of that building's exchange.
    CHECK(demo.count("SELECT COUNT(*) FROM addresses a WHERE a.level = 'building' AND a.ports_used < "
                     "(SELECT COUNT(*) FROM services s WHERE s.address_id = a.address_id)") == 0);
    CHECK(demo.count("SELECT COUNT(*) FROM services s JOIN numbers n ON n.number = s.service_number "
                     "JOIN addresses a ON a.address_id = s.address_id JOIN accounts c ON c.account_id = s.account_id "
                     "WHERE n.status = 'inUse' AND n.exchange = a.exchange AND c.customer_id = s.customer_id "
                     "AND s.kind = 'fixedLine' AND s.status = 'active'") ==
          demo.count("SELECT COUNT(*) FROM services"));
    CHECK(demo.count("SELECT COUNT(*) FROM numbers WHERE status = 'inUse'") ==
          demo.count("SELECT COUNT(*) FROM services"));
    CHECK(demo.count("SELECT COUNT(*) FROM numbers WHERE status = 'free'") == 9 * 200);
    CHECK(demo.count("SELECT COUNT(*) FROM numbers WHERE length(number) <> 8") == 0);
    CHECK(
        demo.count("SELECT COUNT(*) FROM numbers WHERE status = 'free' AND number LIKE '%8888' AND fee_fen = 50000") >=
        9 * 2);
    CHECK(demo.count("SELECT COUNT(*) FROM numbers WHERE status = 'free' AND fee_fen = 0") > 9 * 150);
    for (const auto& row : demo.rows("SELECT number FROM numbers")) {
        INFO(row[0]);
        CHECK(domain::PhoneNumber::parse("0755-" + row[0]));
    }
}

TEST_CASE("the demo address tree has every province and Guangdong in full", "[demo]")
{
    DemoDb demo;
    demo.seed(10);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'province' AND parent_id IS NULL") == 34);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'city' AND parent_id = '440000'") == 21);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'district' AND address_id LIKE '44%'") == 122);
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'district' AND parent_id = '440300'") == 9);
    CHECK(demo.rows("SELECT name, full_name, parent_id FROM addresses WHERE address_id = '440305'") ==
          std::vector<std::vector<std::string>>{{"南山区", "广东省深圳市南山区", "440300"}});
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE level = 'street' AND parent_id = '440305'") == 3);
    const auto building = demo.rows("SELECT address_id, full_name, exchange, parent_id FROM addresses "
                                    "WHERE address_id = '440305S01B01'");
    REQUIRE(building.size() == 1);
    CHECK(building[0][1].starts_with("广东省深圳市南山区科技园路"));
    CHECK(building[0][2] == "NS01");
    CHECK(building[0][3] == "440305S01");
    // No abolished division sneaks in from the historical table.
    CHECK(demo.count("SELECT COUNT(*) FROM addresses WHERE address_id IN ('440102', '441000', '440321')") == 0);
    // Every non-root node hangs under an existing one.
    CHECK(demo.count("SELECT COUNT(*) FROM addresses a WHERE a.parent_id IS NOT NULL AND NOT EXISTS "
                     "(SELECT 1 FROM addresses p WHERE p.address_id = a.parent_id)") == 0);
}

TEST_CASE("counters continue after the demo ids", "[demo]")
{
    DemoDb demo;
    demo.seed(300);
    long long highest = 0;
    for (const auto& row : demo.rows("SELECT customer_id FROM customers")) {
        REQUIRE(row[0].size() == 9);
        highest = std::max(highest, number_part(row[0]));
    }
    CHECK(highest == 320);
    CHECK(demo.count("SELECT value FROM counters WHERE name = 'customer'") == highest);
    long long accounts = 0;
    for (const auto& row : demo.rows("SELECT account_id FROM accounts")) {
        accounts = std::max(accounts, number_part(row[0]));
    }
    CHECK(demo.count("SELECT value FROM counters WHERE name = 'account'") == accounts);
    CHECK(demo.count("SELECT value FROM counters WHERE name = 'change'") ==
          demo.count("SELECT MAX(change_seq) FROM customers"));
    CHECK(demo.count("SELECT COUNT(DISTINCT change_seq) FROM customers") == 320);
    // The next id a handler draws cannot collide with a demo one.
    const backoffice::Caller system;
    const backoffice::Prepared prepared;
    backoffice::OpContext ctx{demo.db.writer(), system, {}, {}, prepared, nullptr};
    CHECK(next_value(ctx, "customer") == highest + 1);
}

TEST_CASE("demo data refuses an unset clock", "[demo]")
{
    DemoDb demo;
    CHECK_THROWS_AS(seed_demo_data(demo.db.writer(), DemoOptions{}), std::invalid_argument);
    CHECK(demo.count("SELECT COUNT(*) FROM customers") == 0);
}

// Not run by default: `backoffice_demo_tests "[.demo-timing]"` prints the figures and the time for 10,000 customers.
TEST_CASE("seeding 10000 demo customers takes seconds", "[.demo-timing]")
{
    DemoDb demo;
    const auto start = std::chrono::steady_clock::now();
    const auto summary = demo.seed(10000);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::cout << "staff " << summary.staff << ", offerings " << summary.offerings << ", addresses " << summary.addresses
              << ", buildings " << summary.buildings << ", numbers " << summary.numbers << ", customers "
              << summary.customers << ", groups " << summary.groups << ", members " << summary.members << "; services "
              << demo.count("SELECT COUNT(*) FROM services") << "; in " << took.count() << " ms\n";
    CHECK(summary.customers == 10000);
}

TEST_CASE("the simulated reader's valid cards belong to demo customers in good standing", "[demo]")
{
    // Training goes from placing a sample card to an order only if its holder is a customer: the two tables
    // (idcard/sample_cards.cpp, services/backoffice/demo_data.cpp) must agree.
    DemoDb demo;
    demo.seed(50);
    int holders = 0;
    for (const auto& card : idcard::sample_deck(kToday)) {
        if (card.key != "valid" && card.key != "long_term") {
            continue;
        }
        ++holders;
        INFO(card.key);
        const auto found = demo.rows("SELECT c.name, c.blacklisted, c.arrears_fen FROM customers c JOIN certificates t "
                                     "ON t.customer_id = c.customer_id WHERE t.number = '" +
                                     card.text.id_number + "'");
        REQUIRE(found.size() == 1);
        CHECK(found[0][0] == card.text.name);
        CHECK(found[0][1] == "0");
        CHECK(found[0][2] == "0");
    }
    CHECK(holders == 2);
}
