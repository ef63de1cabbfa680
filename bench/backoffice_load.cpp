// backoffice_load: 64 concurrent keep-alive clients on loopback submitting fixed-line install orders to the
// reference back office, and the same orders submitted in-process without HTTP or TLS (the router, handlers and
// group-commit store alone) as the limit. Prints one line per figure: `name: value unit (target …)`.
//
//   backoffice_load --db sqlite:/tmp/x.db [--clients 64] [--seconds 10] [--label sqlite]
//
// The database must be new: the benchmark seeds it (demo data, a bench number pool and a building with ports).

#include "services/backoffice/bootstrap.h"
#include "services/backoffice/db/database.h"
#include "services/backoffice/demo_data.h"
#include "services/backoffice/http/http_server.h"
#include "services/backoffice/http/tls_material.h"
#include "services/backoffice/router.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <curl/curl.h>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

struct Pool
{
    std::vector<std::string> customers;
    std::string building = "BENCH-B01";
    std::atomic<std::size_t> next{0};

    /// The k-th order: a customer round-robin (each stays under the per-ID quota) and the k-th bench number.
    contract::OrderSubmitRequest order(std::size_t k) const
    {
        contract::OrderSubmitRequest request;
        auto& draft = request.order;
        draft.external_id = "bench-" + std::to_string(k);
        draft.order_type = "install";
        draft.customer_id = customers[k % customers.size()];
        char number[16];
        std::snprintf(number, sizeof number, "9%07zu", k);
        draft.items.push_back({"1", "add", "PSTN-BASIC", std::string(number), {}, std::nullopt});
        draft.items.push_back({"2", "add", "VAS-CLIP", std::nullopt, {}, std::nullopt});
        draft.address_id = building;
        return request;
    }
};

void seed(backoffice::db::Database& db, Pool& pool, std::size_t numbers)
{
    auto& sql = db.writer();
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    backoffice::ensure_built_ins(sql, backoffice::PasswordHasher(backoffice::PasswordHasher::minimum()), "Admin#2026");
    backoffice::seed_demo_data(sql, {10000, 20261123, now});
    soci::transaction tx(sql);
    sql << "INSERT INTO addresses (address_id, level, name, full_name, parent_id, exchange, ports_total, ports_used) "
           "VALUES ('BENCH-B01', 'building', '压测大厦', '广东省深圳市南山区压测大厦', NULL, 'BENCH', 100000000, 0)";
    std::vector<std::string> batch;
    for (std::size_t k = 0; k < numbers; ++k) {
        char number[16];
        std::snprintf(number, sizeof number, "9%07zu", k);
        batch.emplace_back(number);
    }
    sql << "INSERT INTO numbers (number, exchange, status, fee_fen) VALUES (:n, 'BENCH', 'free', 0)", soci::use(batch);
    // The per-ID quota is still checked on every order, but set high enough that a long run does not exhaust the
    // demo customers (the benchmark measures throughput, not the quota).
    sql << "UPDATE settings SET value = '1000' WHERE name = 'quota_fixedLine'";
    tx.commit();
    // Customers the rules let through: no arrears, not blacklisted, at most one line already (quota 5).
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT k.customer_id FROM customers k WHERE k.kind = 'individual' AND k.arrears_fen = 0 "
                        "AND k.blacklisted = 0 AND NOT EXISTS (SELECT 1 FROM certificates c JOIN blacklist b ON "
                        "b.id_number = c.number WHERE c.customer_id = k.customer_id) ORDER BY k.customer_id");
    pool.customers.assign(rows.begin(), rows.end());
}

struct Result
{
    std::size_t ok = 0;
    std::size_t errors = 0;
    double seconds = 0;
    std::vector<double> latencies_ms;
    std::string first_error;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

/// Runs `clients` threads calling `submit(k)` (true on success) until `seconds` have passed.
template <typename Submit>
Result drive(Pool& pool, unsigned clients, double seconds, std::size_t limit, Submit make_client)
{
    Result total;
    std::mutex mutex;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (unsigned c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            auto submit = make_client();
            Result mine;
            while (Clock::now() < end) {
                const auto k = pool.next.fetch_add(1);
                if (k >= limit) {
                    break;
                }
                const auto t0 = Clock::now();
                std::string error;
                const bool ok = submit(pool.order(k), error);
                mine.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                ok ? ++mine.ok : ++mine.errors;
                if (!ok && mine.first_error.empty()) {
                    mine.first_error = error;
                }
            }
            std::lock_guard lock(mutex);
            total.ok += mine.ok;
            total.errors += mine.errors;
            total.latencies_ms.insert(total.latencies_ms.end(), mine.latencies_ms.begin(), mine.latencies_ms.end());
            if (total.first_error.empty()) {
                total.first_error = mine.first_error;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    total.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return total;
}

bool answered_ok(const std::string& body, std::string& error)
{
    const auto answer = contract::decode_response<contract::OrderSubmitResponse>(body);
    if (std::holds_alternative<contract::OrderSubmitResponse>(answer)) {
        return true;
    }
    if (const auto* fault = std::get_if<contract::Fault>(&answer)) {
        error = std::string(contract::to_string(fault->code));
        for (const auto& [name, value] : fault->params) {
            error += " " + name + "=" + value;
        }
    } else {
        error = "undecodable answer";
    }
    return false;
}

backoffice::http::Request synthetic(const std::string& operation, std::string body, const std::string& token,
                                    const std::string& key)
{
    backoffice::http::Request request;
    request.method = "POST";
    request.target = "/bss/v1/" + operation;
    request.headers["content-type"] = "application/xml; charset=utf-8";
    if (!token.empty()) {
        request.headers["authorization"] = "Bearer " + token;
    }
    if (!key.empty()) {
        request.headers["idempotency-key"] = key;
    }
    request.body = std::move(body);
    request.remote = "in-process";
    return request;
}

std::string in_process(backoffice::Router& router, backoffice::http::Request request)
{
    std::promise<std::string> answer;
    auto future = answer.get_future();
    auto once = std::make_shared<std::promise<std::string>>(std::move(answer));
    router.handle(std::move(request),
                  [once](backoffice::http::Response response) { once->set_value(std::move(response.body)); });
    return future.get();
}

std::size_t curl_write(char* data, std::size_t size, std::size_t count, void* target)
{
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

void report(const std::string& label, const std::string& kind, const Result& result)
{
    const double rate = static_cast<double>(result.ok) / result.seconds;
    std::printf("backoffice_load_%s_%s_orders_per_s: %.0f orders/s (target >= 3000)\n", label.c_str(), kind.c_str(),
                rate);
    std::printf("backoffice_load_%s_%s_p50: %.1f ms\n", label.c_str(), kind.c_str(),
                percentile(result.latencies_ms, 0.50));
    std::printf("backoffice_load_%s_%s_p99: %.1f ms (target <= 100)\n", label.c_str(), kind.c_str(),
                percentile(result.latencies_ms, 0.99));
    std::printf("backoffice_load_%s_%s_errors: %zu (target 0)%s\n", label.c_str(), kind.c_str(), result.errors,
                result.first_error.empty() ? "" : ("  first: " + result.first_error).c_str());
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"backoffice_load: install orders against the reference back office, over HTTPS and in-process"};
    std::string db_text;
    std::string label = "sqlite";
    unsigned clients = 64;
    double seconds = 10;
    unsigned work_threads = 4;
    app.add_option("--db", db_text, "sqlite:PATH (a new file) or a PostgreSQL connection string (an empty database)")
        ->required();
    app.add_option("--label", label, "Name used in the figures");
    app.add_option("--clients", clients, "Concurrent clients");
    app.add_option("--seconds", seconds, "Duration of each phase");
    app.add_option("--work-threads", work_threads, "The back office's work threads");
    CLI11_PARSE(app, argc, argv);

    const auto target = backoffice::db::parse_target(db_text);
    if (!target) {
        std::cerr << "bad --db\n";
        return 2;
    }
    const std::size_t numbers = 400000;
    backoffice::db::Database db(*target, work_threads);
    Pool pool;
    seed(db, pool, numbers);
    backoffice::Router router(db, {work_threads, backoffice::PasswordHasher::minimum(), {}});

    const auto login_body = contract::encode_request(contract::LoginRequest{"1001", "Clerk#1001"});
    const auto login =
        contract::decode_response<contract::LoginResponse>(in_process(router, synthetic("login", login_body, "", "")));
    const auto token = std::get<contract::LoginResponse>(login).session_token;

    // 1. The store alone: the same requests through the router, without sockets, TLS or HTTP parsing.
    const auto half = numbers / 2;
    const auto store = drive(pool, clients, seconds, half, [&] {
        return [&](const contract::OrderSubmitRequest& order, std::string& error) {
            const auto key = order.order.external_id;
            return answered_ok(
                in_process(router, synthetic("orderSubmit", contract::encode_request(order), token, key)), error);
        };
    });
    const auto batches_before = router.writes().batches();
    const auto jobs_before = router.writes().jobs();

    // 2. Over HTTPS: real TLS on loopback, one keep-alive connection per client.
    const auto tls_dir = std::filesystem::temp_directory_path() / ("backoffice-load-tls-" + std::to_string(::getpid()));
    const auto tls = backoffice::http::ensure_tls_material(tls_dir, {});
    backoffice::http::ServerOptions options;
    options.cert = tls.server_cert;
    options.key = tls.server_key;
    options.threads = 2;
    backoffice::http::HttpServer server(
        options, [&router](auto request, auto reply) { router.handle(std::move(request), std::move(reply)); });
    server.start();
    const auto url = "https://127.0.0.1:" + std::to_string(server.port()) + "/bss/v1/orderSubmit";
    pool.next = half;
    const auto http = drive(pool, clients, seconds, numbers, [&] {
        auto curl = std::shared_ptr<CURL>(curl_easy_init(), curl_easy_cleanup);
        auto body = std::make_shared<std::string>();
        return [&, curl, body](const contract::OrderSubmitRequest& order, std::string& error) {
            const auto xml = contract::encode_request(order);
            curl_slist* headers = nullptr;
            headers = curl_slist_append(headers, "Content-Type: application/xml; charset=utf-8");
            headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
            headers = curl_slist_append(headers, ("Idempotency-Key: " + order.order.external_id).c_str());
            body->clear();
            CURL* handle = curl.get();
            curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
            curl_easy_setopt(handle, CURLOPT_CAINFO, tls.ca_cert.c_str());
            curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
            curl_easy_setopt(handle, CURLOPT_POSTFIELDS, xml.data());
            curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(xml.size()));
            curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, curl_write);
            curl_easy_setopt(handle, CURLOPT_WRITEDATA, body.get());
            curl_easy_setopt(handle, CURLOPT_TIMEOUT, 30L);
            const auto result = curl_easy_perform(handle);
            curl_slist_free_all(headers);
            if (result != CURLE_OK) {
                error = curl_easy_strerror(result);
                return false;
            }
            return answered_ok(*body, error);
        };
    });
    server.stop();
    const double factor = static_cast<double>(router.writes().jobs() - jobs_before) /
                          static_cast<double>(std::max<std::size_t>(1, router.writes().batches() - batches_before));
    router.stop();
    std::filesystem::remove_all(tls_dir);

    // Nothing done twice: one order per success, and every external id once.
    auto check = db.open();
    long long orders = 0;
    long long distinct = 0;
    *check << "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM orders WHERE external_id LIKE 'bench-%'",
        soci::into(orders), soci::into(distinct);

    report(label, "store", store);
    report(label, "http", http);
    const double ratio =
        (static_cast<double>(http.ok) / http.seconds) / (static_cast<double>(store.ok) / store.seconds);
    std::printf("backoffice_load_%s_http_vs_store: %.2f (target >= 0.6)\n", label.c_str(), ratio);
    std::printf("backoffice_load_%s_group_commit: %.1f orders per commit\n", label.c_str(), factor);
    std::printf("backoffice_load_%s_duplicates: %lld (target 0)\n", label.c_str(),
                orders - distinct + (orders - static_cast<long long>(store.ok + http.ok)));
    return 0;
}
