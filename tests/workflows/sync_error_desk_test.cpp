// The sync error queue worked by the clerk, against the real back office: a refused order edited and accepted with
// the money that waited for it; one retried unchanged once its cause is gone; a group opened offline under a name
// taken meanwhile, renamed and accepted with its waiting order, or discarded with it and its money; a refused
// cancellation that leaves the order as it was; and steps on errors that are not there, or do not fit.

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/group/open_group_customer.h"
#include "client/workflows/sync/sync_error_desk.h"
#include "domain/credit_code.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace workflows;
using testing::Scenario;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

GroupApplication group(const std::string& name, const std::string& first17)
{
    GroupApplication g;
    g.name = name;
    g.type = domain::GroupType::key_account;
    g.managers = {"3001"};
    g.certificates.push_back({domain::CertificateKind::business_licence,
                              first17 + domain::CreditCode::check_character(first17), true, std::nullopt});
    return g;
}

SyncProblem only_problem(SyncErrorDesk& desk)
{
    const auto problems = desk.list();
    REQUIRE(problems.size() == 1);
    return problems[0];
}

std::int64_t queued(const std::variant<std::int64_t, SyncDeskRefusal>& result)
{
    if (const auto* refusal = std::get_if<SyncDeskRefusal>(&result)) {
        FAIL(refusal->code);
    }
    return std::get<std::int64_t>(result);
}

bool audited(soci::session& sql, const std::string& action)
{
    for (const auto& entry : store::AuditLog(sql).recent({}, 50)) {
        if (entry.action == action) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("a refused order is edited with another number and accepted, its money following", "[workflows][sync]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "冯一");
    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto numbers = scenario.free_numbers(*clerk, 2);
    auto other = scenario.client_as("1002");
    REQUIRE(other->call(contract::NumberReserveRequest{numbers[0].number}).ok()); // another clerk holds it

    auto draft = Scenario::install_draft(customer.customer_id, numbers[0].number, building.address_id);
    const auto accepted =
        ws.desk.accept("1001", draft, PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash});
    ws.sync();

    SyncErrorDesk desk(*ws.sql, "1001");
    const auto problem = only_problem(desk);
    CHECK(problem.kind == "order");
    CHECK(problem.local_id == accepted.local_id);
    CHECK(problem.error.code == "E_NUMBER_TAKEN");
    CHECK(problem.params.at("number") == numbers[0].number);
    REQUIRE(problem.order);
    CHECK(problem.order->state == "rejected");

    draft.items[0].service_number = numbers[1].number;
    draft.customer_id = "someone-else"; // ignored: the order keeps its customer
    queued(desk.edit_order(problem.error.id, draft));
    CHECK(desk.list().empty());
    CHECK(store::OrderStore(*ws.sql).by_local_id(accepted.local_id)->state == "provisional");
    ws.sync();

    const auto order = store::OrderStore(*ws.sql).by_local_id(accepted.local_id);
    REQUIRE(order->order_id);
    CHECK(order->customer_id == customer.customer_id);
    CHECK(order->state == "acknowledged");
    const auto remote = clerk->call(contract::OrderGetRequest{*order->order_id});
    REQUIRE(remote.ok());
    CHECK(remote.value().order.draft.items[0].service_number == numbers[1].number);
    CHECK(store::PaymentStore(*ws.sql).for_order(accepted.local_id).at(0).state == "accepted");
    CHECK(audited(*ws.sql, "sync.edit"));
}

TEST_CASE("a refused order is retried unchanged once its cause is gone", "[workflows][sync]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "陈二");
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    auto other = scenario.client_as("1002");
    REQUIRE(other->call(contract::NumberReserveRequest{number}).ok());
    const auto accepted =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, number,
                                                       scenario.building_with_free_ports(*clerk, 1).address_id));
    ws.sync();

    SyncErrorDesk desk(*ws.sql, "1001");
    const auto problem = only_problem(desk);
    // The other clerk lets the number go: the same order can now be taken as it was.
    REQUIRE(other->call(contract::NumberReleaseRequest{number}).ok());
    const auto outbox_id = queued(desk.retry(problem.error.id));
    const auto resent = store::Outbox(*ws.sql).find(outbox_id);
    REQUIRE(resent);
    CHECK(resent->idem_key != problem.error.subject);
    CHECK(resent->body == problem.error.body);
    ws.sync();
    CHECK(store::OrderStore(*ws.sql).by_local_id(accepted.local_id)->order_id);
    CHECK(audited(*ws.sql, "sync.retry"));

    // The error is resolved: working it again is refused by name, and nothing changes.
    const auto again = desk.retry(problem.error.id);
    REQUIRE(std::holds_alternative<SyncDeskRefusal>(again));
    CHECK(std::get<SyncDeskRefusal>(again).code == "E_SYNC_ERROR_UNKNOWN");
    CHECK(std::get<SyncDeskRefusal>(again).params.at("errorId") == std::to_string(problem.error.id));
    CHECK(store::Outbox(*ws.sql).pending_count() == 0);
}

TEST_CASE("a group opened offline under a name taken meanwhile is renamed and accepted, or discarded with its order "
          "and money",
          "[workflows][sync][offline]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    auto manager = scenario.client_as("3001");
    const auto building = scenario.building_with_free_ports(*manager, 2);
    const auto numbers = scenario.free_numbers(*manager, 2);
    // Elsewhere, two groups take the names first.
    for (const auto& [name, code] : {std::pair{"深圳市重名甲有限公司", "91440300MA5DC7B01"},
                                     std::pair{"深圳市重名乙有限公司", "91440300MA5DC7B02"}}) {
        REQUIRE(manager->call(contract::CustomerCreateRequest{OpenGroupCustomer::record_for(group(name, code))}).ok());
    }
    OpenGroupCustomer open(*ws.sql, &ws.offline, "3001", "ws-mgr");
    std::vector<std::string> groups;
    std::vector<AcceptedOrder> orders;
    const std::pair<const char*, const char*> offline_groups[] = {{"深圳市重名甲有限公司", "91440300MA5DC7B11"},
                                                                  {"深圳市重名乙有限公司", "91440300MA5DC7B12"}};
    for (std::size_t i = 0; i < 2; ++i) {
        const auto opened = open.open(group(offline_groups[i].first, offline_groups[i].second), kToday);
        REQUIRE(std::holds_alternative<OpenedCustomer>(opened));
        groups.push_back(std::get<OpenedCustomer>(opened).customer.customer_id);
        // Money only with the second: it is never sent (its order is given up below) and is handed back.
        std::optional<PaymentTaken> money;
        if (i == 1) {
            money = PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash};
        }
        orders.push_back(
            ws.desk.accept("3001", Scenario::install_draft(groups[i], numbers[i].number, building.address_id), money));
        CHECK(orders[i].awaiting_customer);
    }
    ws.sync();

    SyncErrorDesk desk(*ws.sql, "3001");
    auto problems = desk.list();
    REQUIRE(problems.size() == 2);
    // Sent by two senders at once, so refused in either order: keep them in the groups' order.
    if (problems[0].local_id != groups[0]) {
        std::swap(problems[0], problems[1]);
    }
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(problems[i].kind == "customer");
        CHECK(problems[i].local_id == groups[i]);
        CHECK(problems[i].error.code == "E_NAME_EXISTS");
        CHECK(problems[i].waiting_orders == std::vector<std::string>{orders[i].local_id});
    }
    // A customer's error is not an order's to edit.
    const auto misfit = desk.edit_order(problems[0].error.id, contract::OrderDraft{});
    REQUIRE(std::holds_alternative<SyncDeskRefusal>(misfit));
    CHECK(std::get<SyncDeskRefusal>(misfit).code == "E_SYNC_ERROR_KIND");

    // The first is renamed and goes through, its order after it.
    auto renamed = OpenGroupCustomer::record_for(group("深圳市重名甲科技有限公司", "91440300MA5DC7B11"));
    queued(desk.edit_customer(problems[0].error.id, renamed));
    const auto shown = store::CustomerCache(*ws.sql).by_id(groups[0]); // the provisional copy shows the new name
    REQUIRE(shown);
    CHECK(shown->name == "深圳市重名甲科技有限公司");
    CHECK(shown->provisional);
    // The second is given up: its order and its money go with it.
    REQUIRE_FALSE(desk.discard(problems[1].error.id));
    ws.sync();

    CHECK(desk.list().empty());
    store::OrderStore store(*ws.sql);
    const auto sent = store.by_local_id(orders[0].local_id);
    REQUIRE(sent->order_id);
    CHECK(sent->customer_id.starts_with("C"));
    CHECK(store::CustomerCache(*ws.sql).search_groups("重名甲科技", 5).size() == 1);
    const auto dropped = store.by_local_id(orders[1].local_id);
    CHECK(dropped->state == "discarded");
    CHECK(dropped->timeline.back().state == "discarded");
    CHECK_FALSE(dropped->order_id);
    CHECK(store::PaymentStore(*ws.sql).by_local_id(*orders[1].payment_local_id)->state == "discarded");
    CHECK_FALSE(store::CustomerCache(*ws.sql).by_id(groups[1]));
    CHECK(audited(*ws.sql, "payment.discarded"));
    CHECK(audited(*ws.sql, "sync.discard"));
    CHECK(store::Outbox(*ws.sql).pending_count() == 0);
}

TEST_CASE("a refused cancellation leaves the order as the back office has it", "[workflows][sync]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "2001"); // 撤单 is a supervisor's business
    const auto done = scenario.accepted_install(*scenario.client_as("1001"), "褚三");
    auto supervisor = scenario.client_as("2001");
    REQUIRE(supervisor->call(contract::WorkOrderCompleteRequest{done.order.order_id, "inProgress", std::nullopt}).ok());
    REQUIRE(supervisor->call(contract::WorkOrderCompleteRequest{done.order.order_id, "completed", std::nullopt}).ok());
    // Learnt of (as order tracking would), then a cancellation queued from a stale screen.
    auto got = supervisor->call(contract::OrderGetRequest{done.order.order_id});
    REQUIRE(got.ok());
    const auto& order = got.value().order;
    store::OrderStore store(*ws.sql);
    const auto local_id = store.apply_remote("", order.order_id, order.draft.customer_id, order.draft.order_type,
                                             order.state, order.total.fen(), order.staff_id, order_document(order),
                                             order_events(order), *contract::parse_timestamp("2026-11-23T03:00:00Z"));
    ws.desk.cancel("2001", local_id, "客户反悔");
    ws.sync();

    SyncErrorDesk desk(*ws.sql, "2001");
    const auto problem = only_problem(desk);
    CHECK(problem.kind == "cancel");
    const auto after = store.by_local_id(local_id);
    CHECK(after->state == "completed");
    CHECK(after->timeline.back().state == "cancelRefused");
    CHECK(after->timeline.back().reason == problem.error.code);
    REQUIRE_FALSE(desk.discard(problem.error.id));
    CHECK(store.by_local_id(local_id)->state == "completed");
}
