// The fixed-line install as the clerk goes through it, against the real back office: catalog, resource check,
// number search and reservation, fees the back office agrees with, and the order sent and numbered.

#include "client/store/database.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/workflows/changes/fixed_line_install.h"
#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/sign_in.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/support/temp_dir.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using testing::options_for;

namespace {

struct Counter
{
    testing::Scenario scenario;
    std::unique_ptr<testing::BssTestClient> clerk = scenario.client_as("1001");
    testing::TempDir dir{"counter-install"};
    std::filesystem::path cache = dir.path() / "cache.db";
    std::unique_ptr<soci::session> sql = store::open_database(cache);
    bss::BssClient client{options_for(scenario.server())};
    workflows::OrderDesk desk{*sql, "ws-install"};
    std::string token;

    Counter()
    {
        auto session = workflows::sign_in(client, "1001", "Clerk#1001");
        REQUIRE(std::holds_alternative<workflows::StaffSession>(session));
        token = std::get<workflows::StaffSession>(session).token;
    }

    contract::OrderItem product(const std::string& offering)
    {
        contract::OrderItem item;
        item.offering_id = offering;
        return item;
    }
};

template <typename T> const T& value(const std::variant<T, bss::CallError>& result)
{
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        FAIL("call failed: " << error->code() << " " << error->detail);
    }
    return std::get<T>(result);
}

} // namespace

TEST_CASE("an install goes from catalog to a numbered order with the fees the back office charges", "[workflows]")
{
    Counter counter;
    workflows::FixedLineInstall install(*counter.sql, &counter.client, counter.desk, "1001");
    const auto catalog = value(install.catalog());
    CHECK(catalog.version > 0);
    CHECK_FALSE(catalog.offerings.empty());

    const auto customer = counter.scenario.new_individual(*counter.clerk, "钱七");
    const auto building = counter.scenario.building_with_free_ports(*counter.clerk, 1);
    CHECK(value(install.check_resources(building.address_id)).result == "success");
    // A lucky number has a 选号费: the fees must include it, or the back office refuses the order.
    const auto numbers = value(install.search_numbers(std::nullopt, std::string("8888"), 5));
    REQUIRE_FALSE(numbers.empty());
    const auto reserved = value(install.reserve(numbers.front().number));
    CHECK(reserved.status == "reserved");
    CHECK(reserved.reserved_until.has_value());

    workflows::InstallChoice choice;
    choice.customer_id = customer.customer_id;
    choice.address_id = building.address_id;
    choice.number = reserved;
    choice.products = {counter.product("VAS-CLIP"), counter.product("PSTN-BASIC")};
    choice.appointment = domain::make_date(2026, 11, 24);
    const auto fees = workflows::FixedLineInstall::fees(choice, catalog);
    REQUIRE(std::holds_alternative<std::vector<contract::Fee>>(fees));
    domain::Money total;
    for (const auto& fee : std::get<std::vector<contract::Fee>>(fees)) {
        total = total + fee.amount;
    }
    CHECK(total == domain::Money::from_yuan(100) + reserved.fee); // PSTN-BASIC's one-off fee and the number's

    auto accepted = install.accept(choice, catalog, workflows::PaymentTaken{total, domain::Tender::cash});
    REQUIRE(std::holds_alternative<workflows::AcceptedOrder>(accepted));
    const auto local_id = std::get<workflows::AcceptedOrder>(accepted).local_id;

    workflows::SyncWorker worker(counter.cache, options_for(counter.scenario.server()));
    worker.start();
    worker.sign_in("1001", counter.token);
    store::Outbox outbox(*counter.sql);
    for (int i = 0; i < 200 && outbox.pending_count() > 0; ++i) {
        worker.wait_drained(100ms);
    }
    worker.stop();
    CHECK(outbox.open_errors().empty());
    const auto order = store::OrderStore(*counter.sql).by_local_id(local_id);
    REQUIRE(order->order_id);
    CHECK(order->total_fen == total.fen());
    CHECK(order->state == "acknowledged");
}

TEST_CASE("the catalog is asked with the cached version and comes from the cache offline", "[workflows]")
{
    Counter counter;
    workflows::FixedLineInstall install(*counter.sql, &counter.client, counter.desk, "1001");
    const auto first = value(install.catalog());
    const auto again = value(install.catalog()); // "unchanged": the cached copy
    CHECK(again.version == first.version);
    CHECK(again.offerings.size() == first.offerings.size());
    counter.scenario.server().stop();
    const auto offline = value(install.catalog());
    CHECK(offline.version == first.version);
    workflows::FixedLineInstall without(*counter.sql, nullptr, counter.desk, "1001");
    CHECK(value(without.catalog()).offerings.size() == first.offerings.size());
    CHECK(std::get<bss::CallError>(without.reserve("88888888")).code() == "E_NOT_FOUND");
}

TEST_CASE("a full building offers alternatives, and a number reserved by another clerk is taken", "[workflows]")
{
    Counter counter;
    workflows::FixedLineInstall install(*counter.sql, &counter.client, counter.desk, "1001");
    const auto full = counter.scenario.full_building(*counter.clerk);
    const auto check = value(install.check_resources(full.address_id));
    CHECK(check.result == "fails");
    CHECK_FALSE(check.alternatives.empty());

    const auto number = counter.scenario.free_numbers(*counter.clerk, 1).at(0).number;
    auto other = counter.scenario.client_as("1002");
    contract::NumberReserveRequest theirs;
    theirs.number = number;
    REQUIRE(other->call(theirs).ok());
    const auto taken = install.reserve(number);
    REQUIRE(std::holds_alternative<bss::CallError>(taken));
    CHECK(std::get<bss::CallError>(taken).code() == "E_NUMBER_TAKEN");
}

TEST_CASE("a reservation counts down the back office's minutes whatever the workstation's clock says",
          "[workflows][reservation]")
{
    Counter counter;
    const auto office_now = *contract::parse_timestamp(testing::BackofficeOptions{}.fixed_time);
    const auto minutes = std::chrono::minutes{30}; // the back office's reservation_minutes (demo default)
    // Laptops whose clocks are two hours fast, a day slow, and right.
    for (const auto skew : {std::chrono::seconds{2h}, std::chrono::seconds{-24h}, std::chrono::seconds{0}}) {
        INFO("skew " << skew.count() << " s");
        const auto laptop_now = office_now + skew;
        workflows::OrderDesk desk(*counter.sql, "ws-skewed", [laptop_now] { return laptop_now; });
        workflows::FixedLineInstall install(*counter.sql, &counter.client, desk, "1001");
        const auto number = counter.scenario.free_numbers(*counter.clerk, 1).at(0).number;
        const auto reserved = value(install.reserve(number));
        REQUIRE(reserved.reserved_until);
        CHECK(*reserved.reserved_until - laptop_now == minutes);
        REQUIRE_FALSE(install.release(number));
    }
}

TEST_CASE("fees refuse what the back office would refuse, before anything is queued", "[workflows]")
{
    contract::CatalogGetResponse catalog;
    catalog.offerings.push_back(
        {"PSTN-BASIC", "市话", "basic", "Launched", {}, {}, domain::Money::from_yuan(100), {}, {}});
    catalog.offerings.push_back(
        {"PSTN-BIZ", "商务固话", "basic", "Launched", {}, {}, domain::Money::from_yuan(200), {}, {}});
    catalog.offerings.push_back({"VAS-CLIP", "来电显示", "vas", "Launched", {}, {}, {}, {}, {}});
    catalog.offerings.push_back({"VAS-CFU", "呼叫转移", "vas", "Launched", {}, {}, {}, {}, {{"forwardTo", {}, {}}}});
    catalog.offerings.push_back(
        {"VAS-DDD", "长途权限", "vas", "Launched", {}, {}, {}, {}, {{"scope", {"国内", "国际"}, std::string("国内")}}});
    auto item = [](const char* id, std::vector<contract::Characteristic> set = {}) {
        contract::OrderItem i;
        i.offering_id = id;
        i.characteristics = std::move(set);
        return i;
    };
    workflows::InstallChoice good;
    good.customer_id = "C1";
    good.address_id = "B1";
    good.number.number = "88880001";
    good.products = {item("PSTN-BASIC"), item("VAS-CLIP"), item("VAS-CFU", {{"forwardTo", "13800138000"}}),
                     item("VAS-DDD", {{"scope", "国际"}})};
    REQUIRE(std::holds_alternative<std::vector<contract::Fee>>(workflows::FixedLineInstall::fees(good, catalog)));

    struct Row
    {
        const char* name;
        std::function<void(workflows::InstallChoice&)> spoil;
        domain::Errc expected;
    };
    const std::vector<Row> rows{
        {"unknown product", [&](auto& c) { c.products.push_back(item("PSTN-ISDN")); },
         domain::Errc::order_product_unknown},
        {"no basic product", [&](auto& c) { c.products = {item("VAS-CLIP")}; }, domain::Errc::order_no_basic_product},
        {"two basic products", [&](auto& c) { c.products.push_back(item("PSTN-BIZ")); },
         domain::Errc::order_no_basic_product},
        {"no address", [](auto& c) { c.address_id.clear(); }, domain::Errc::order_no_address},
        {"no number", [](auto& c) { c.number.number.clear(); }, domain::Errc::order_no_number},
        {"call forwarding with nowhere to go", [&](auto& c) { c.products[2] = item("VAS-CFU"); },
         domain::Errc::order_attribute_missing},
        {"call forwarding to a number too short",
         [&](auto& c) {
             c.products[2] = item("VAS-CFU", {{"forwardTo", "1380013"}});
         },
         domain::Errc::order_attribute_value},
        {"a scope the product does not offer",
         [&](auto& c) {
             c.products[3] = item("VAS-DDD", {{"scope", "全球"}});
         },
         domain::Errc::order_attribute_value},
        {"an attribute the product does not have",
         [&](auto& c) {
             c.products[1] = item("VAS-CLIP", {{"colour", "red"}});
         },
         domain::Errc::order_attribute_value},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        auto choice = good;
        row.spoil(choice);
        const auto result = workflows::FixedLineInstall::fees(choice, catalog);
        REQUIRE(std::holds_alternative<domain::Problem>(result));
        CHECK(std::get<domain::Problem>(result).code == row.expected);
    }
}
