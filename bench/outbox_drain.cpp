// outbox_drain: 10,000 install orders queued in the workstation's outbox (accepted while offline), then the sync
// worker drains them to the reference back office on loopback over HTTPS, on a durable SQLite file at both ends.
// One line per figure: `name: value unit (target …)`.
//
//   outbox_drain [--orders 10000] [--senders 8] [--dir /tmp]

#include "client/store/database.h"
#include "client/store/outbox.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/sign_in.h"
#include "services/backoffice/bootstrap.h"
#include "services/backoffice/db/database.h"
#include "services/backoffice/demo_data.h"
#include "services/backoffice/http/http_server.h"
#include "services/backoffice/http/tls_material.h"
#include "services/backoffice/load_pool.h"
#include "services/backoffice/router.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sys/resource.h>
#include <thread>

namespace {

/// CPU seconds this process (both ends) has used: with the wall time it tells whether the drain waits or works.
double cpu_seconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"outbox_drain: queued orders drained to the reference back office"};
    std::size_t orders = 10000;
    int senders = 8;
    std::string dir = std::filesystem::temp_directory_path().string();
    app.add_option("--orders", orders);
    app.add_option("--senders", senders);
    app.add_option("--dir", dir);
    CLI11_PARSE(app, argc, argv);
    namespace fs = std::filesystem;
    const auto root = fs::path(dir) / ("outbox-drain-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);

    // The back office, in this process: the same router and HTTPS transport as the executable.
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    backoffice::db::Database db(*backoffice::db::parse_target("sqlite:" + (root / "backoffice.db").string()), 4);
    backoffice::ensure_built_ins(db.writer(), backoffice::PasswordHasher(backoffice::PasswordHasher::minimum()),
                                 "Admin#2026");
    backoffice::seed_demo_data(db.writer(), {200, 20261123, now});
    backoffice::seed_load_pool(db.writer(), orders, now);
    backoffice::Router router(db, {4, backoffice::PasswordHasher::minimum(), {}});
    const auto tls = backoffice::http::ensure_tls_material(root / "tls", {});
    backoffice::http::ServerOptions server_options;
    server_options.cert = tls.server_cert;
    server_options.key = tls.server_key;
    server_options.threads = 2;
    backoffice::http::HttpServer server(
        server_options, [&router](auto request, auto reply) { router.handle(std::move(request), std::move(reply)); });
    server.start();

    bss::ClientOptions client;
    client.endpoint = std::get<bss::Endpoint>(
        bss::parse_endpoint("https://127.0.0.1:" + std::to_string(server.port()) + "/bss/v1", false));
    client.ca_file = tls.ca_cert;

    // The workstation: orders accepted while offline, all waiting in the outbox.
    const auto cache = root / "cache.db";
    {
        auto sql = store::open_database(cache);
        workflows::OrderDesk desk(*sql, "bench");
        for (std::size_t k = 0; k < orders; ++k) {
            contract::OrderDraft draft;
            draft.order_type = "install";
            draft.customer_id = backoffice::load_pool_customer(k);
            draft.items.push_back({"1", "add", "PSTN-BASIC", backoffice::load_pool_number(k), {}, std::nullopt});
            draft.items.push_back({"2", "add", "VAS-CLIP", std::nullopt, {}, std::nullopt});
            draft.address_id = backoffice::kLoadPoolBuilding;
            desk.accept("1001", draft);
        }
    }
    bss::BssClient login(client);
    auto session = workflows::sign_in(login, "1001", "Clerk#1001");
    if (!std::holds_alternative<workflows::StaffSession>(session)) {
        std::cerr << "sign-in failed: " << std::get<bss::CallError>(session).code() << "\n";
        return 1;
    }

    auto sql = store::open_database(cache);
    store::Outbox outbox(*sql);
    workflows::SyncWorkerOptions options;
    options.senders = senders;
    workflows::SyncWorker worker(cache, client, {}, options);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    std::fprintf(stderr, "draining\n"); // profilers attach here: what comes before is the set-up
    worker.start();
    worker.sign_in("1001", std::get<workflows::StaffSession>(session).token);
    while (outbox.pending_count() > 0) {
        worker.wait_drained(std::chrono::milliseconds(100));
        if (std::chrono::steady_clock::now() - start > std::chrono::minutes(5)) {
            break;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_start;
    worker.stop();
    const auto errors = outbox.open_errors().size();
    std::printf("outbox_drain_%zu: %.2f s (target <= 10 s; %d senders, %d left, %zu refused, %.1f CPU s)\n", orders,
                seconds, senders, outbox.pending_count(), errors, cpu);
    server.stop();
    fs::remove_all(root);
    return 0;
}
