// Identifying customers and delta sync against the real back office, and the same look-ups from the cache when
// the back office is gone.

#include "client/store/customer_cache.h"
#include "client/store/database.h"
#include "client/store/sync_state.h"
#include "client/workflows/acceptance/identify_customer.h"
#include "client/workflows/sync/delta_sync.h"
#include "client/workflows/workstation/sign_in.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/support/temp_dir.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using testing::options_for;

namespace {

struct Desk
{
    testing::Scenario scenario;
    testing::TempDir dir{"counter-identify"};
    std::unique_ptr<soci::session> sql = store::open_database(dir.path() / "cache.db");
    bss::BssClient client{options_for(scenario.server())};

    explicit Desk(const std::string& staff)
    {
        const auto password = testing::kDemoPasswords.at(staff);
        REQUIRE(std::holds_alternative<workflows::StaffSession>(workflows::sign_in(client, staff, password)));
    }
};

} // namespace

TEST_CASE("delta sync stores the manager's customers page by page and resumes from its cursor", "[workflows]")
{
    Desk desk("3001");
    std::vector<int> progress;
    auto first = workflows::delta_sync(*desk.sql, desk.client, "3001", 5, [&](int n) { progress.push_back(n); });
    REQUIRE(std::holds_alternative<workflows::DeltaSyncResult>(first));
    const auto result = std::get<workflows::DeltaSyncResult>(first);
    CHECK(result.customers > 0);
    CHECK(result.pages >= 2); // several pages of five
    CHECK(progress.size() == static_cast<std::size_t>(result.pages));
    CHECK(store::CustomerCache(*desk.sql).count() >= 1);
    const auto cursor = store::SyncState(*desk.sql).cursor("3001");
    CHECK(cursor.cursor > 0);
    // "Data as of" is the back office's clock (which starts at the tests' fixed time), not this machine's.
    const auto as_of = store::parse_utc_text(cursor.as_of);
    REQUIRE(as_of);
    CHECK(*as_of >= *store::parse_utc_text("2026-11-23T02:00:00Z"));
    CHECK(*as_of < *store::parse_utc_text("2026-11-23T03:00:00Z"));

    // Nothing changed since: one empty page, the cursor stays.
    auto again = workflows::delta_sync(*desk.sql, desk.client, "3001", 5);
    REQUIRE(std::holds_alternative<workflows::DeltaSyncResult>(again));
    CHECK(std::get<workflows::DeltaSyncResult>(again).customers == 0);
    CHECK(store::SyncState(*desk.sql).cursor("3001").cursor == cursor.cursor);
}

TEST_CASE("a customer found online is cached and found again offline", "[workflows]")
{
    Desk desk("1001");
    auto clerk = desk.scenario.client_as("1001");
    const auto customer = desk.scenario.new_individual(*clerk, "王五");
    const auto id_number = customer.certificates.at(0).number;

    workflows::IdentifyCustomer online(*desk.sql, &desk.client, "1001");
    auto found = online.find(workflows::CustomerKey::id_number, id_number);
    REQUIRE(std::holds_alternative<workflows::FoundCustomers>(found));
    const auto& hits = std::get<workflows::FoundCustomers>(found);
    CHECK_FALSE(hits.from_cache);
    REQUIRE(hits.customers.size() == 1);
    CHECK(hits.customers[0].name == "王五");

    // The back office goes away: the same question is answered from the cache, and says so.
    desk.scenario.server().stop();
    auto cached = online.find(workflows::CustomerKey::id_number, id_number);
    REQUIRE(std::holds_alternative<workflows::FoundCustomers>(cached));
    const auto& offline = std::get<workflows::FoundCustomers>(cached);
    CHECK(offline.from_cache);
    REQUIRE(offline.offline.has_value());
    CHECK(offline.offline->code() == "E_TRANSPORT");
    REQUIRE(offline.customers.size() == 1);
    CHECK(offline.customers[0].customer_id == customer.customer_id);

    auto picture = online.picture(customer.customer_id);
    REQUIRE(std::holds_alternative<workflows::CustomerPicture>(picture));
    CHECK(std::get<workflows::CustomerPicture>(picture).from_cache);
    CHECK(std::get<workflows::CustomerPicture>(picture).view.customer.name == "王五");
}

TEST_CASE("an invalid ID number is refused before anything is asked, a refusal is passed on", "[workflows]")
{
    Desk desk("1001");
    workflows::IdentifyCustomer identify(*desk.sql, &desk.client, "1001");
    auto bad = identify.find(workflows::CustomerKey::id_number, "110105194912310021"); // wrong check character
    REQUIRE(std::holds_alternative<domain::Problem>(bad));

    auto unknown = identify.picture("NO-SUCH-CUSTOMER");
    REQUIRE(std::holds_alternative<bss::CallError>(unknown));
    CHECK(std::get<bss::CallError>(unknown).code() == "E_NOT_FOUND");

    // Without a back office at all (signed out, training not started), the cache answers.
    workflows::IdentifyCustomer cache_only(*desk.sql, nullptr, "1001");
    auto none = cache_only.find(workflows::CustomerKey::service_number, "075512345678");
    REQUIRE(std::holds_alternative<workflows::FoundCustomers>(none));
    CHECK(std::get<workflows::FoundCustomers>(none).from_cache);
    CHECK(std::get<workflows::FoundCustomers>(none).customers.empty());
}

TEST_CASE("a customer picture online carries services, arrears and blacklist, and caches the service numbers",
          "[workflows]")
{
    Desk desk("1001");
    auto clerk = desk.scenario.client_as("1001");
    const auto install = desk.scenario.accepted_install(*clerk, "赵六");
    workflows::IdentifyCustomer identify(*desk.sql, &desk.client, "1001");
    auto picture = identify.picture(install.customer.customer_id);
    REQUIRE(std::holds_alternative<workflows::CustomerPicture>(picture));
    const auto& view = std::get<workflows::CustomerPicture>(picture).view;
    CHECK_FALSE(std::get<workflows::CustomerPicture>(picture).from_cache);
    CHECK(view.customer.name == "赵六");
    CHECK(view.open_orders.size() == 1);
    CHECK_FALSE(view.blacklisted);
}
