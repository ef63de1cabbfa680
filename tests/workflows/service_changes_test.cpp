// Changes to an existing line against the real back office: move, value-added change, account change and family
// bundle, each accepted, sent and numbered; the refusals found before anything is queued; and a second change on a
// line with an open order refused by the back office into the sync error queue.

#include "client/store/database.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/workflows/changes/service_changes.h"
#include "client/workflows/sync/sync_worker.h"
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
    std::unique_ptr<testing::BssTestClient> clerk = scenario.client_as("1001");
    testing::TempDir dir{"counter-changes"};
    std::filesystem::path cache = dir.path() / "cache.db";
    std::unique_ptr<soci::session> sql = store::open_database(cache);
    bss::BssClient client{options_for(scenario.server())};
    workflows::OrderDesk desk{*sql, "ws-change"};
    workflows::ServiceChanges changes{&client, desk, "1001"};
    std::string token;

    Desk()
    {
        auto session = workflows::sign_in(client, "1001", "Clerk#1001");
        REQUIRE(std::holds_alternative<workflows::StaffSession>(session));
        token = std::get<workflows::StaffSession>(session).token;
    }

    /// A demo customer in good standing with an active line and no open order on it.
    workflows::LineRef line(int skip = 0)
    {
        int seen = 0;
        const auto found = scenario.find_demo_customer(*clerk, [&](const contract::CustomerGetResponse& c) {
            const bool usable =
                c.customer.kind == "individual" && !c.blacklisted && c.arrears == domain::Money{} &&
                c.open_orders.empty() &&
                std::any_of(c.services.begin(), c.services.end(), [](const auto& s) { return s.status == "active"; });
            return usable && seen++ == skip;
        });
        REQUIRE(found);
        for (const auto& service : found->services) {
            if (service.status == "active") {
                return {found->customer.customer_id, service.service_number, service.billing_account_id};
            }
        }
        FAIL("no active line");
        return {};
    }

    std::string accepted(const workflows::ChangeResult& result)
    {
        if (const auto* problem = std::get_if<domain::Problem>(&result)) {
            FAIL("refused: " << problem->to_string());
        }
        if (const auto* error = std::get_if<bss::CallError>(&result)) {
            FAIL("refused: " << error->code());
        }
        return std::get<workflows::AcceptedOrder>(result).local_id;
    }

    void drain()
    {
        workflows::SyncWorker worker(cache, options_for(scenario.server()));
        worker.start();
        worker.sign_in("1001", token);
        store::Outbox outbox(*sql);
        for (int i = 0; i < 200 && outbox.pending_count() > 0; ++i) {
            worker.wait_drained(100ms);
        }
        worker.stop();
        REQUIRE(outbox.pending_count() == 0);
    }

    void check_numbered(const std::string& local_id)
    {
        const auto order = store::OrderStore(*sql).by_local_id(local_id);
        REQUIRE(order);
        INFO(order->order_type << " " << order->state);
        CHECK(order->order_id.has_value());
        CHECK_FALSE(order->provisional);
    }
};

} // namespace

TEST_CASE("move, value-added change, account change and family bundle are accepted, sent and numbered", "[workflows]")
{
    Desk desk;
    const auto building = desk.scenario.building_with_free_ports(*desk.clerk, 1);
    const auto moved =
        desk.accepted(desk.changes.move(desk.line(0), building.address_id, domain::make_date(2026, 11, 25)));

    contract::OrderItem waiting;
    waiting.offering_id = "VAS-CW";
    const auto vas = desk.accepted(desk.changes.change_vas(desk.line(1), {waiting}, {}));

    const auto account_line = desk.line(2);
    contract::BillingAccountCreateRequest create;
    create.account.account_id = "new";
    create.account.customer_id = account_line.customer_id;
    create.account.name = "新帐户";
    create.account.payment_method = "cash";
    const auto created = desk.clerk->call(create);
    REQUIRE(created.ok());
    const auto account = desk.accepted(
        desk.changes.change_account(account_line, created.value().account.account_id, domain::BillPayment::cash));

    const auto bundle =
        desk.accepted(desk.changes.family_bundle(desk.line(3), {{"13800138001", std::nullopt, std::string("妈妈")},
                                                                {"13800138002", std::nullopt, std::string("爸爸")}}));

    desk.drain();
    for (const auto& error : store::Outbox(*desk.sql).open_errors()) {
        INFO(error.operation << " " << error.code << " " << error.params);
        CHECK(false);
    }
    for (const auto& local_id : {moved, vas, account, bundle}) {
        desk.check_numbered(local_id);
    }
}

TEST_CASE("changes refused before anything is queued", "[workflows]")
{
    Desk desk;
    const auto line = desk.line();
    const auto full = desk.scenario.full_building(*desk.clerk);
    const auto no_port = desk.changes.move(line, full.address_id, std::nullopt);
    REQUIRE(std::holds_alternative<bss::CallError>(no_port));
    CHECK(std::get<bss::CallError>(no_port).code() == "E_NO_RESOURCE");
    CHECK_FALSE(std::get<bss::CallError>(no_port).param("alternative").empty());

    struct Row
    {
        const char* name;
        workflows::ChangeResult result;
        domain::Errc expected;
    };
    std::vector<contract::MemberEntry> nine(9, {"13800138000", std::nullopt, std::nullopt});
    contract::OrderItem clip;
    clip.offering_id = "VAS-CLIP";
    auto billed = line;
    billed.billing_account_id = "A-OWN";
    const std::vector<Row> rows{
        {"move without an address", desk.changes.move(line, "", std::nullopt), domain::Errc::order_no_address},
        {"nothing to change", desk.changes.change_vas(line, {}, {}), domain::Errc::order_no_items},
        {"no account", desk.changes.change_account(line, "", std::nullopt), domain::Errc::order_no_account},
        {"empty bundle", desk.changes.family_bundle(line, {}), domain::Errc::order_member_count},
        {"nine members", desk.changes.family_bundle(line, nine), domain::Errc::order_member_count},
        {"no line", desk.changes.change_vas({line.customer_id, "", std::nullopt}, {}, {"VAS-CLIP"}),
         domain::Errc::empty},
        {"one product added and removed", desk.changes.change_vas(line, {clip}, {"VAS-ALARM", "VAS-CLIP"}),
         domain::Errc::order_item_conflict},
        {"its own account again", desk.changes.change_account(billed, "A-OWN", std::nullopt),
         domain::Errc::order_account_unchanged},
        {"a member number too short",
         desk.changes.family_bundle(line, {{"13800138001", {}, {}}, {"1380013800", {}, {}}}),
         domain::Errc::bundle_member_number},
        {"a member with a space", desk.changes.family_bundle(line, {{"138 0013 8001", {}, {}}}),
         domain::Errc::bundle_member_number},
        {"one number twice, written two ways",
         desk.changes.family_bundle(line, {{"0755-86000001", {}, {}}, {"075586000001", {}, {}}}),
         domain::Errc::bundle_member_duplicate},
        {"the main line as its own member", desk.changes.family_bundle(line, {{line.service_number, {}, {}}}),
         domain::Errc::bundle_member_is_main},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        REQUIRE(std::holds_alternative<domain::Problem>(row.result));
        CHECK(std::get<domain::Problem>(row.result).code == row.expected);
    }
    CHECK(store::Outbox(*desk.sql).pending_count() == 0);
}

TEST_CASE("the back office refuses call forwarding with nowhere to go, as the counter does", "[workflows]")
{
    Desk desk;
    // Offline the counter cannot check the catalog here (ServiceChanges does not hold it): the back office does.
    workflows::ServiceChanges offline(nullptr, desk.desk, "1001");
    contract::OrderItem forwarding;
    forwarding.offering_id = "VAS-CFU";
    const auto queued = desk.accepted(offline.change_vas(desk.line(), {forwarding}, {}));
    desk.drain();
    const auto errors = store::Outbox(*desk.sql).open_errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "E_VALIDATION");
    CHECK_THAT(errors[0].params, Catch::Contains("E_ORDER_ATTRIBUTE_MISSING"));
    CHECK(store::OrderStore(*desk.sql).by_local_id(queued)->state == "rejected");
}

TEST_CASE("a second change on a line with an open order is refused into the sync error queue", "[workflows]")
{
    Desk desk;
    const auto line = desk.line();
    contract::OrderItem clip;
    clip.offering_id = "VAS-ALARM";
    const auto first = desk.accepted(desk.changes.change_vas(line, {clip}, {}));
    desk.drain();
    desk.check_numbered(first);
    // Offline meanwhile: the counter accepts it provisionally; the back office says no when it arrives.
    workflows::ServiceChanges offline(nullptr, desk.desk, "1001");
    const auto second = desk.accepted(offline.change_vas(line, {}, {"VAS-ALARM"}));
    desk.drain();
    const auto errors = store::Outbox(*desk.sql).open_errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "E_OPEN_ORDER");
    CHECK(store::OrderStore(*desk.sql).by_local_id(second)->state == "rejected");
}
