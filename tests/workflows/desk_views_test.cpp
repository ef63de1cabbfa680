// The worker halves of 订单查询 and 同步异常, headless, against the real back office: the rows a clerk reads (names
// masked, states as shown, what may be done), a cancellation with its money handed back after a supervisor's
// approval, and the sync queue's money rules (what a discard hands back) and its edit-and-resend steps.

#include "client/store/customer_cache.h"
#include "client/store/database.h"
#include "client/store/payment_store.h"
#include "client/workflows/orders/order_inquiry.h"
#include "client/workflows/sync/sync_queue.h"
#include "domain/masking.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using testing::Scenario;

namespace {

/// What the workstation would hand a screen of `ws`: its cache, a client signed in as its clerk.
workflows::DeskServices desk_of(testing::Workstation& ws)
{
    workflows::DeskServices services;
    services.open_cache = [cache = ws.cache] { return store::open_database(cache); };
    services.connect = [options = testing::options_for(ws.scenario.server()), token = ws.token] {
        auto client = std::make_unique<bss::BssClient>(options);
        client->set_session_token(token);
        return client;
    };
    services.staff = ws.staff;
    services.hall_id = "H01";
    services.workstation_id = "ws-test";
    return services;
}

const workflows::OrderRow& row_of(const workflows::OrderRows& rows, const std::string& local_id)
{
    for (const auto& row : rows.rows) {
        if (row.tracked.order.local_id == local_id) {
            return row;
        }
    }
    FAIL("no row for " << local_id);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("order inquiry rows: masked names, states as shown, what may be done", "[workflows][orders]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "2001"); // 撤单 is a supervisor's business (order.cancel)
    auto clerk = scenario.client_as("2001");
    const auto customer = scenario.new_individual(*clerk, "冯一鸣");
    // Identified at this counter first, as a clerk does: the cache knows the name.
    store::CachedCustomer cached;
    cached.customer_id = customer.customer_id;
    cached.kind = "individual";
    cached.name = "冯一鸣";
    cached.version = 1;
    REQUIRE(store::CustomerCache(*ws.sql).put(
        cached, std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
    const auto building = scenario.building_with_free_ports(*clerk, 2);
    const auto numbers = scenario.free_numbers(*clerk, 2);
    const auto sent =
        ws.desk.accept("2001", Scenario::install_draft(customer.customer_id, numbers[0].number, building.address_id),
                       workflows::PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash});
    ws.sync();
    const auto waiting =
        ws.desk.accept("2001", Scenario::install_draft(customer.customer_id, numbers[1].number, building.address_id));

    workflows::Desk desk(desk_of(ws));
    workflows::OrderInquiry inquiry(desk);
    const auto rows = inquiry.list({});
    REQUIRE_FALSE(rows.error);
    CHECK_FALSE(rows.from_cache);

    const auto& numbered = row_of(rows, sent.local_id);
    CHECK(numbered.customer_text == domain::mask_name("冯一鸣"));
    CHECK(numbered.customer_text != "冯一鸣");
    CHECK(numbered.shown_state == "acknowledged");
    CHECK(numbered.may_cancel);
    CHECK(numbered.may_reprint);

    const auto& queued = row_of(rows, waiting.local_id);
    CHECK(queued.shown_state == "provisional");
    CHECK_FALSE(queued.may_cancel); // nothing to cancel at the back office yet

    SECTION("one order by its number")
    {
        const auto found = inquiry.find(*numbered.tracked.order.order_id);
        REQUIRE(found.rows.size() == 1);
        CHECK(found.rows[0].tracked.order.local_id == sent.local_id);
        const auto unknown = inquiry.find("NOPE-1");
        REQUIRE(unknown.error);
        CHECK(unknown.error->is(contract::ResultCode::not_found));
    }
    SECTION("cancelling with money taken needs a supervisor, then hands the money back")
    {
        auto asked = inquiry.cancel(sent.local_id, "客户改变主意", std::nullopt);
        REQUIRE(std::holds_alternative<workflows::CallError>(asked));
        const auto& refusal = std::get<workflows::CallError>(asked);
        CHECK(refusal.is(contract::ResultCode::permission));
        CHECK(refusal.param("reason") == "approval");

        auto done = inquiry.cancel(sent.local_id, "客户改变主意",
                                   workflows::Approval{"2001", testing::kDemoPasswords.at("2001")});
        REQUIRE(std::holds_alternative<workflows::CancelOutcome>(done));
        const auto& outcome = std::get<workflows::CancelOutcome>(done);
        CHECK(outcome.handed_back == domain::Money::from_yuan(100));
        CHECK(outcome.refunds.size() == 1);
        const auto after = inquiry.find(sent.local_id);
        REQUIRE(after.rows.size() == 1);
        CHECK_FALSE(after.rows[0].may_cancel); // cancelled, or its cancellation under way
    }
}

TEST_CASE("the sync queue: what a discard hands back, and an order resent with another number", "[workflows][sync]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "冯二");
    const auto building = scenario.building_with_free_ports(*clerk, 2);
    const auto numbers = scenario.free_numbers(*clerk, 3);
    auto other = scenario.client_as("1002");
    REQUIRE(other->call(contract::NumberReserveRequest{numbers[0].number}).ok()); // another clerk holds it
    REQUIRE(other->call(contract::NumberReserveRequest{numbers[1].number}).ok());

    const auto first =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, numbers[0].number, building.address_id),
                       workflows::PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash});
    const auto second =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, numbers[1].number, building.address_id),
                       workflows::PaymentTaken{domain::Money::from_yuan(50), domain::Tender::cash});
    ws.sync();

    workflows::Desk desk(desk_of(ws));
    workflows::SyncQueue queue(desk);
    auto view = queue.read();
    REQUIRE(view.rows.size() == 2);
    CHECK(view.pending == 0);
    for (const auto& row : view.rows) {
        INFO(row.problem.local_id);
        CHECK(row.problem.error.code == "E_NUMBER_TAKEN");
        CHECK(row.editable_here);
        CHECK(row.money == domain::Money::from_yuan(row.problem.local_id == first.local_id ? 100 : 50));
    }
    const auto problem_of = [&view](const std::string& local_id) {
        for (const auto& row : view.rows) {
            if (row.problem.local_id == local_id) {
                return row.problem;
            }
        }
        FAIL("no problem for " << local_id);
        throw std::logic_error("unreachable");
    };

    // The first is sent again with a free number, and accepted.
    const auto refused = problem_of(first.local_id);
    CHECK(workflows::SyncQueue::refused_number(refused) == numbers[0].number);
    REQUIRE_FALSE(queue.resend_with_number(refused, numbers[0].number, numbers[2].number));
    ws.sync();
    // The second is given up: its money is no longer held.
    REQUIRE_FALSE(queue.discard(problem_of(second.local_id).error.id));

    view = queue.read();
    CHECK(view.rows.empty());
    store::PaymentStore payments(*ws.sql);
    for (const auto& payment : payments.for_order(second.local_id)) {
        CHECK(payment.state == "discarded");
    }
    // A step on a problem already dealt with is refused, and changes nothing.
    const auto again = queue.retry(refused.error.id);
    REQUIRE(again);
    CHECK(again->code == "E_SYNC_ERROR_UNKNOWN");
}
