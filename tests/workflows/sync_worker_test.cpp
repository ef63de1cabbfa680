// The sync worker and the order desk against the real back office on loopback HTTPS: what an answer changes
// locally, what a refusal does, and how an ended session or a missing back office is handled.

#include "client/store/database.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/sign_in.h"
#include "services/contract/message_codec.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/support/temp_dir.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using testing::options_for;

namespace {

workflows::SyncWorkerOptions quick()
{
    workflows::SyncWorkerOptions options;
    options.senders = 2;
    options.first_retry = 200ms;
    options.max_retry = 1s;
    options.idle_poll = 100ms;
    return options;
}

struct Counter
{
    testing::Scenario scenario;
    std::unique_ptr<testing::BssTestClient> clerk = scenario.client_as("1001");
    testing::TempDir dir{"counter-sync"};
    std::filesystem::path cache = dir.path() / "cache.db";
    std::unique_ptr<soci::session> sql = store::open_database(cache);
    workflows::OrderDesk desk{*sql, "ws-test"};

    std::string token()
    {
        bss::BssClient client(options_for(scenario.server()));
        auto session = workflows::sign_in(client, "1001", "Clerk#1001");
        REQUIRE(std::holds_alternative<workflows::StaffSession>(session));
        return std::get<workflows::StaffSession>(session).token;
    }

    contract::OrderDraft install(const std::string& number)
    {
        const auto customer = scenario.new_individual(*clerk, "李四");
        const auto building = scenario.building_with_free_ports(*clerk, 1);
        return testing::Scenario::install_draft(customer.customer_id, number, building.address_id);
    }

    void drain(workflows::SyncWorker& worker)
    {
        store::Outbox outbox(*sql);
        for (int i = 0; i < 200 && outbox.pending_count() > 0; ++i) {
            worker.wait_drained(100ms);
        }
        REQUIRE(outbox.pending_count() == 0);
    }
};

} // namespace

TEST_CASE("an accepted order takes its number and state, and the money taken with it follows with its own key",
          "[workflows][sync]")
{
    Counter counter;
    const auto number = counter.scenario.free_numbers(*counter.clerk, 1).at(0).number;
    const auto accepted = counter.desk.accept(
        "1001", counter.install(number), workflows::PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash});
    store::OrderStore orders(*counter.sql);
    CHECK(orders.by_local_id(accepted.local_id)->state == "provisional");
    CHECK(store::Outbox(*counter.sql).pending_count() == 1); // the payment waits for the order's number

    std::vector<workflows::SyncStatus> seen;
    std::mutex seen_mutex;
    workflows::SyncWorker worker(
        counter.cache, options_for(counter.scenario.server()),
        [&](const workflows::SyncStatus& status) {
            const std::lock_guard lock(seen_mutex);
            seen.push_back(status);
        },
        quick());
    worker.start();
    worker.sign_in("1001", counter.token());
    counter.drain(worker);
    worker.stop();

    const auto order = orders.by_local_id(accepted.local_id);
    REQUIRE(order);
    REQUIRE(order->order_id);
    CHECK_FALSE(order->provisional);
    CHECK(order->state == "acknowledged");
    CHECK_FALSE(order->timeline.empty());
    const auto payment = store::PaymentStore(*counter.sql).by_local_id(*accepted.payment_local_id);
    CHECK(payment->state == "accepted");
    CHECK(payment->payment_id.has_value());

    // The back office has the order once, under our externalId, and the payment against it.
    contract::OrderGetRequest get;
    get.order_id = *order->order_id;
    const auto remote = counter.clerk->call(get);
    REQUIRE(remote.ok());
    CHECK(remote.value().order.draft.external_id == accepted.local_id);
    const std::lock_guard lock(seen_mutex);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back().pending == 0);
}

TEST_CASE("a refused order lands in the sync error queue, and edited and retried under a new key it is accepted",
          "[workflows][sync]")
{
    Counter counter;
    const auto numbers = counter.scenario.free_numbers(*counter.clerk, 2);
    // Someone else takes the number first.
    const auto taken = counter.clerk->call(contract::OrderSubmitRequest{counter.install(numbers[0].number)});
    REQUIRE(taken.ok());
    const auto accepted = counter.desk.accept("1001", counter.install(numbers[0].number));

    workflows::SyncWorker worker(counter.cache, options_for(counter.scenario.server()), {}, quick());
    worker.start();
    worker.sign_in("1001", counter.token());
    counter.drain(worker);

    store::Outbox outbox(*counter.sql);
    auto errors = outbox.open_errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "E_NUMBER_TAKEN");
    CHECK(errors[0].params.find("number=" + numbers[0].number) != std::string::npos);
    store::OrderStore orders(*counter.sql);
    CHECK(orders.by_local_id(accepted.local_id)->state == "rejected");
    CHECK(worker.status().errors == 1);

    // The clerk picks another number and sends it again.
    auto request =
        std::get<contract::OrderSubmitRequest>(contract::decode_request<contract::OrderSubmitRequest>(errors[0].body));
    request.order.items[0].service_number = numbers[1].number;
    {
        soci::transaction tx(*counter.sql);
        outbox.retry(errors[0].id, counter.desk.new_id(), contract::encode_request(request),
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
        tx.commit();
    }
    worker.wake();
    counter.drain(worker);
    worker.stop();
    CHECK(outbox.open_errors().empty());
    const auto order = orders.by_local_id(accepted.local_id);
    CHECK(order->order_id.has_value());
    CHECK(order->state == "acknowledged");
}

TEST_CASE("an ended session holds every write untouched until the clerk signs in again", "[workflows][sync]")
{
    Counter counter;
    const auto number = counter.scenario.free_numbers(*counter.clerk, 1).at(0).number;
    const auto accepted = counter.desk.accept("1001", counter.install(number));

    workflows::SyncWorker worker(counter.cache, options_for(counter.scenario.server()), {}, quick());
    worker.start();
    worker.sign_in("1001", "not-a-session");
    for (int i = 0; i < 100 && worker.status().link != workflows::SyncStatus::Link::signed_out; ++i) {
        std::this_thread::sleep_for(50ms);
    }
    CHECK(worker.status().link == workflows::SyncStatus::Link::signed_out);
    CHECK(worker.status().last_problem == "E_SESSION");
    store::Outbox outbox(*counter.sql);
    const auto item = outbox.find_by_key(accepted.local_id);
    CHECK(item->state == "pending");
    CHECK(item->attempts == 0);
    CHECK(outbox.open_errors().empty());

    worker.sign_in("1001", counter.token());
    counter.drain(worker);
    worker.stop();
    CHECK(store::OrderStore(*counter.sql).by_local_id(accepted.local_id)->order_id.has_value());
}

TEST_CASE("with no back office the writes wait with their keys and the worker says offline", "[workflows][sync]")
{
    Counter counter;
    const auto number = counter.scenario.free_numbers(*counter.clerk, 1).at(0).number;
    const auto draft = counter.install(number);
    const auto token = counter.token();
    auto options = options_for(counter.scenario.server());
    counter.scenario.server().stop();
    const auto accepted = counter.desk.accept("1001", draft);

    workflows::SyncWorker worker(counter.cache, options, {}, quick());
    worker.start();
    worker.sign_in("1001", token);
    for (int i = 0; i < 100 && worker.status().link != workflows::SyncStatus::Link::offline; ++i) {
        std::this_thread::sleep_for(50ms);
    }
    worker.stop();
    CHECK(worker.status().link == workflows::SyncStatus::Link::offline);
    CHECK(worker.status().last_problem == "E_TRANSPORT");
    const auto item = store::Outbox(*counter.sql).find_by_key(accepted.local_id);
    CHECK(item->state == "pending");
    CHECK(item->attempts >= 1);
    CHECK(store::OrderStore(*counter.sql).by_local_id(accepted.local_id)->provisional);
}

TEST_CASE("a worker started on a new cache file opens it from every thread at once", "[workflows][sync]")
{
    // Every sender and the recorder open their own connection at start: on a file nobody has created yet they
    // must not trip over each other making it (this once ended the program).
    testing::Scenario scenario;
    for (int round = 0; round < 5; ++round) {
        testing::TempDir dir("counter-sync-new");
        const auto cache = dir.path() / "new.db";
        auto options = quick();
        options.senders = 8;
        workflows::SyncWorker worker(cache, options_for(scenario.server()), {}, options);
        worker.start();
        worker.sign_in("1001", "any-token");
        CHECK(worker.wait_drained(5s));
        worker.stop();
        auto sql = store::open_database(cache);
        CHECK(store::Outbox(*sql).pending_count() == 0);
        CHECK(worker.status().last_problem.empty());
    }
}
