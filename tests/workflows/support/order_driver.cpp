// order_driver: the workstation core without its screens, as a process the fault tests can kill. It accepts
// install orders into its cache and outbox (resuming after the last one it recorded), sends them with the sync
// worker, and exits 0 once the outbox is empty. Order k is always the same order (the back office's load pool's
// k-th customer and number, see services/backoffice/load_pool.h), so a run killed at any point and started again
// continues the same 1..N.
//
//   order_driver --db CACHE.db --url URL --ca CA.pem --staff 1001 --password P --orders N [--senders 4]
//                [--timeout-s 300]

#include "client/store/database.h"
#include "client/store/outbox.h"
#include "client/store/settings.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/sign_in.h"
#include "services/backoffice/load_pool.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

int main(int argc, char** argv)
{
    CLI::App app{"order_driver"};
    std::string db;
    std::string url;
    std::string ca;
    std::string staff;
    std::string password;
    int orders = 0;
    int senders = 4;
    int timeout_s = 300;
    app.add_option("--db", db)->required();
    app.add_option("--url", url)->required();
    app.add_option("--ca", ca)->required();
    app.add_option("--staff", staff)->required();
    app.add_option("--password", password)->required();
    app.add_option("--orders", orders)->required();
    app.add_option("--senders", senders);
    app.add_option("--timeout-s", timeout_s);
    CLI11_PARSE(app, argc, argv);

    auto endpoint = bss::parse_endpoint(url, false);
    if (const auto* error = std::get_if<bss::EndpointError>(&endpoint)) {
        std::cerr << error->code << " " << error->detail << "\n";
        return 2;
    }
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(endpoint);
    options.ca_file = ca;
    options.total_timeout = std::chrono::seconds(10);

    auto sql = store::open_database(db);
    store::Settings settings(*sql);
    const auto workstation = settings.workstation_id();

    // Sign in until the back office answers (it may be restarting).
    bss::BssClient login_client(options);
    std::string token;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
    while (token.empty()) {
        auto session = workflows::sign_in(login_client, staff, password);
        if (auto* signed_in = std::get_if<workflows::StaffSession>(&session)) {
            token = signed_in->token;
        } else if (std::chrono::steady_clock::now() > deadline) {
            std::cerr << "sign-in failed: " << std::get<bss::CallError>(session).code() << "\n";
            return 3;
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }

    workflows::SyncWorkerOptions worker_options;
    worker_options.senders = senders;
    worker_options.first_retry = std::chrono::milliseconds(500);
    worker_options.max_retry = std::chrono::milliseconds(2000);
    worker_options.idle_poll = std::chrono::milliseconds(200);
    workflows::SyncWorker worker(db, options, {}, worker_options);
    worker.start();
    worker.sign_in(staff, token);

    workflows::OrderDesk desk(*sql, workstation);
    int recorded = 0;
    *sql << "SELECT COUNT(*) FROM orders", soci::into(recorded);
    for (int k = recorded; k < orders; ++k) {
        contract::OrderDraft draft;
        draft.order_type = "install";
        const auto order = static_cast<std::size_t>(k);
        draft.customer_id = backoffice::load_pool_customer(order);
        draft.items.push_back({"1", "add", "PSTN-BASIC", backoffice::load_pool_number(order), {}, std::nullopt});
        draft.items.push_back({"2", "add", "VAS-CLIP", std::nullopt, {}, std::nullopt});
        draft.address_id = backoffice::kLoadPoolBuilding;
        desk.accept(staff, draft);
        worker.wake();
    }
    store::Outbox outbox(*sql);
    while (outbox.pending_count() > 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            std::cerr << "not drained: " << outbox.pending_count() << " pending\n";
            return 4;
        }
        // A session that ended (the back office restarted with a new clock) is renewed as a clerk would.
        if (worker.status().link == workflows::SyncStatus::Link::signed_out) {
            auto session = workflows::sign_in(login_client, staff, password);
            if (auto* signed_in = std::get_if<workflows::StaffSession>(&session)) {
                worker.sign_in(staff, signed_in->token);
            }
        }
        worker.wait_drained(std::chrono::milliseconds(200));
    }
    worker.stop();
    std::cout << "drained " << orders << "\n";
    return outbox.open_errors().empty() ? 0 : 5;
}
