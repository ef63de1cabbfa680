// Order tracking against the real back office: a queued order is shown as queued without asking, a numbered one is
// refreshed with its timeline as the work goes on, lists follow the back office and keep the queued ones, an order
// accepted elsewhere is learnt of, overdue installs are flagged, and offline the cache answers and says so.

#include "client/store/order_store.h"
#include "client/workflows/orders/order_tracking.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace workflows;

namespace {

store::UtcTime at(const char* text)
{
    return *contract::parse_timestamp(text);
}

/// The back office runs on its fixed time (2026-11-23T02:00Z); a tracker looking from `now`.
OrderTracking tracker(testing::Workstation& ws, bss::BssClient* client, const char* now = "2026-11-23T03:00:00Z")
{
    const auto when = at(now);
    return OrderTracking(*ws.sql, client, ws.staff, [when] { return when; });
}

TrackedOrders orders_of(std::variant<TrackedOrders, bss::CallError> result)
{
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        FAIL(error->code() << " " << error->detail);
    }
    return std::get<TrackedOrders>(std::move(result));
}

std::string accept_install(testing::Scenario& scenario, testing::Workstation& ws, const std::string& name)
{
    auto clerk = scenario.client_as(ws.staff);
    const auto customer = scenario.new_individual(*clerk, name);
    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    auto draft = testing::Scenario::install_draft(customer.customer_id, number, building.address_id);
    return ws.desk.accept(ws.staff, draft).local_id;
}

void supervisor_moves(testing::Scenario& scenario, const std::string& order_id, const std::string& state)
{
    auto supervisor = scenario.client_as("2001");
    REQUIRE(supervisor->call(contract::WorkOrderCompleteRequest{order_id, state, std::nullopt}).ok());
}

} // namespace

TEST_CASE("an order is queued, then numbered, then followed through its timeline", "[workflows][tracking]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    const auto local_id = accept_install(scenario, ws, "周八");

    // Not sent yet: nothing to ask the back office, and the order says so.
    auto queued = orders_of(tracker(ws, &ws.client).refresh(local_id));
    REQUIRE(queued.orders.size() == 1);
    CHECK(queued.orders[0].queued);
    CHECK_FALSE(queued.orders[0].overdue);
    CHECK(queued.orders[0].order.state == "provisional");
    CHECK(queued.orders[0].order.provisional);

    ws.sync();
    const auto order_id = *store::OrderStore(*ws.sql).by_local_id(local_id)->order_id;
    supervisor_moves(scenario, order_id, "inProgress");

    // By the back office's number and by the local id alike; what it answers is cached.
    for (const auto& ref : {order_id, local_id}) {
        auto refreshed = orders_of(tracker(ws, &ws.client).refresh(ref));
        REQUIRE(refreshed.orders.size() == 1);
        const auto& tracked = refreshed.orders[0];
        CHECK_FALSE(refreshed.from_cache);
        CHECK_FALSE(tracked.queued);
        CHECK(tracked.order.local_id == local_id);
        CHECK(tracked.order.state == "inProgress");
        REQUIRE(tracked.order.timeline.size() >= 2);
        CHECK(tracked.order.timeline.back().state == "inProgress");
        REQUIRE(tracked.record);
        CHECK(tracked.record->order_id == order_id);
    }
    CHECK(store::OrderStore(*ws.sql).by_local_id(local_id)->state == "inProgress");

    // Past the 48-hour promise and still unfinished: overdue. Completed: never overdue again.
    CHECK(orders_of(tracker(ws, &ws.client, "2026-11-26T03:00:00Z").refresh(order_id)).orders[0].overdue);
    supervisor_moves(scenario, order_id, "completed");
    const auto done = orders_of(tracker(ws, &ws.client, "2026-11-26T03:00:00Z").refresh(order_id));
    CHECK(done.orders[0].order.state == "completed");
    CHECK_FALSE(done.orders[0].overdue);
}

TEST_CASE("a customer's orders are listed from the back office with the ones still queued here",
          "[workflows][tracking]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "吴九");
    const auto sent = ws.desk.accept(
        "1001", testing::Scenario::install_draft(customer.customer_id, scenario.free_numbers(*clerk, 1).at(0).number,
                                                 scenario.building_with_free_ports(*clerk, 1).address_id));
    ws.sync();
    const auto sent_id = *store::OrderStore(*ws.sql).by_local_id(sent.local_id)->order_id;
    const auto waiting = ws.desk.accept(
        "1001", testing::Scenario::install_draft(customer.customer_id, scenario.free_numbers(*clerk, 2).at(1).number,
                                                 scenario.building_with_free_ports(*clerk, 1).address_id));

    OrderQuery query;
    query.customer_id = customer.customer_id;
    const auto listed = orders_of(tracker(ws, &ws.client).list(query));
    CHECK_FALSE(listed.from_cache);
    REQUIRE(listed.orders.size() == 2);
    CHECK(listed.orders[0].order.local_id == waiting.local_id); // the queued one first: it is the newest
    CHECK(listed.orders[0].queued);
    CHECK(listed.orders[1].order.order_id == sent_id);

    // Finished orders drop out of 未完工业务; the queued one stays (it is not even accepted yet).
    supervisor_moves(scenario, sent_id, "inProgress");
    supervisor_moves(scenario, sent_id, "completed");
    query.open_only = true;
    const auto open = orders_of(tracker(ws, &ws.client).list(query));
    REQUIRE(open.orders.size() == 1);
    CHECK(open.orders[0].order.local_id == waiting.local_id);
    // The order the open list left out was asked for, so the cache does not show it open offline.
    CHECK(store::OrderStore(*ws.sql).by_order_id(sent_id)->state == "completed");

    // Offline: the cache answers the same question and says why.
    query.open_only = false;
    const auto cached = orders_of(tracker(ws, &ws.offline).list(query));
    CHECK(cached.from_cache);
    REQUIRE(cached.offline);
    CHECK(cached.offline->code() == "E_TRANSPORT");
    CHECK(cached.orders.size() == 2);
}

TEST_CASE("an order accepted at another counter is learnt of, and unknown orders are refused clearly",
          "[workflows][tracking]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto other = scenario.client_as("1002");
    const auto elsewhere = scenario.accepted_install(*other, "郑十");

    const auto learnt = orders_of(tracker(ws, &ws.client).refresh(elsewhere.order.order_id));
    REQUIRE(learnt.orders.size() == 1);
    CHECK(learnt.orders[0].order.customer_id == elsewhere.customer.customer_id);
    CHECK(store::OrderStore(*ws.sql).by_order_id(elsewhere.order.order_id));

    // Offline, the cached copy answers; an order neither side knows is E_NOT_FOUND naming it.
    const auto cached = orders_of(tracker(ws, &ws.offline).refresh(elsewhere.order.order_id));
    CHECK(cached.from_cache);
    CHECK(cached.orders[0].order.order_id == elsewhere.order.order_id);

    const auto unknown_online = tracker(ws, &ws.client).refresh("ORD-NOPE");
    REQUIRE(std::holds_alternative<bss::CallError>(unknown_online));
    CHECK(std::get<bss::CallError>(unknown_online).code() == "E_NOT_FOUND");
    const auto unknown_offline = tracker(ws, &ws.offline).refresh("ORD-NOPE");
    REQUIRE(std::holds_alternative<bss::CallError>(unknown_offline));
    CHECK(std::get<bss::CallError>(unknown_offline).code() == "E_TRANSPORT");
    const auto unknown_cache = tracker(ws, nullptr).refresh("ORD-NOPE");
    REQUIRE(std::holds_alternative<bss::CallError>(unknown_cache));
    CHECK(std::get<bss::CallError>(unknown_cache).code() == "E_NOT_FOUND");
    CHECK(std::get<bss::CallError>(unknown_cache).param("orderId") == "ORD-NOPE");
}
