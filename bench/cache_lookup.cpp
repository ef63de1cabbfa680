// cache_lookup: the workstation's cache at the size of a busy city's field force: 1,000,000 customers (one in ten a
// group) ingested as delta sync does it (CustomerCache::put, with the trigram index kept in step), compared with a
// raw SQLite bulk insert of the same rows in the same run; then exact look-ups (customer id, ID
// number, service number) and group-name and address searches, each timed per call. The raw reference inserts
// the same rows into the same tables with plain INSERTs and no text index. One line per figure:
// `name: value unit (target …)`.
//
//   cache_lookup [--customers 1000000] [--dir /tmp]

#include "client/store/customer_cache.h"
#include "client/store/database.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

namespace {

using Clock = std::chrono::steady_clock;

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
const char* const kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛"};
const char* const kFirms[] = {"腾飞", "华信", "鹏程", "海岸", "南方", "前海", "粤港", "星河", "宝安", "龙华"};
const char* const kTrades[] = {"科技", "贸易", "物流", "电子", "餐饮", "建筑", "通信", "咨询"};
const char* const kDistricts[] = {"南山区", "福田区", "罗湖区", "宝安区", "龙岗区", "龙华区", "盐田区", "光明区"};
const char* const kRoads[] = {"深南大道", "科技园路", "滨海大道", "宝安大道", "布吉路", "梅林路", "沙河西路"};

store::CachedCustomer make_customer(std::size_t k, std::mt19937& random)
{
    store::CachedCustomer c;
    char id[32];
    std::snprintf(id, sizeof id, "C%08zu", k);
    c.customer_id = id;
    const bool group = k % 10 == 0;
    c.kind = group ? "group" : "individual";
    if (group) {
        c.name = std::string("深圳市") + kFirms[random() % 10] + kTrades[random() % 8] + std::to_string(k) + "有限公司";
    } else {
        c.name = std::string(kSurnames[random() % 12]) + kGiven[random() % 14] + kGiven[random() % 14];
    }
    char number[32];
    std::snprintf(number, sizeof number, "44030519%02zu%02zu%02zu%04zu", 50 + k % 50, 1 + k % 12, 1 + k % 28,
                  k % 10000);
    c.id_number = number;
    c.address = std::string("广东省深圳市") + kDistricts[random() % 8] + kRoads[random() % 7] +
                std::to_string(1 + random() % 3000) + "号";
    c.version = 1;
    c.document = "<cachedCustomer xmlns=\"urn:counter:bss:1\"><customer><customerId>" + c.customer_id +
                 "</customerId><kind>" + c.kind + "</kind><name>" + c.name + "</name></customer></cachedCustomer>";
    char service[16];
    std::snprintf(service, sizeof service, "0755%08zu", k);
    c.service_numbers = {service};
    return c;
}

double percentile(std::vector<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1))];
}

template <typename F> std::vector<double> timed(int count, F&& f)
{
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        f(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"cache_lookup: the workstation's cache with a million customers"};
    std::size_t customers = 1000000;
    std::string dir = std::filesystem::temp_directory_path().string();
    app.add_option("--customers", customers);
    app.add_option("--dir", dir);
    CLI11_PARSE(app, argc, argv);

    const auto cache_path = std::filesystem::path(dir) / "cache_lookup.db";
    const auto raw_path = std::filesystem::path(dir) / "cache_raw.db";
    for (const auto& p : {cache_path, raw_path}) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(p.string() + suffix);
        }
    }
    std::vector<store::CachedCustomer> rows;
    rows.reserve(customers);
    std::mt19937 random(2026);
    for (std::size_t k = 0; k < customers; ++k) {
        rows.push_back(make_customer(k, random));
    }
    constexpr std::size_t kPage = 1000; // delta sync stores one page per transaction

    // The raw figure: the same rows into the same tables and indexes (the cache's schema, whose indexes the look-ups
    // need), by plain prepared INSERTs in the same page size: what SQLite itself can take. The text index is left
    // out here; the ingest below pays for it (a rebuild at the end of the load).
    double raw_seconds = 0;
    {
        auto sql = store::open_database(raw_path);
        store::CachedCustomer row;
        std::string service;
        soci::statement insert =
            (sql->prepare << "INSERT INTO customers (customer_id, kind, name, id_number, address, version, "
                             "provisional, cached_at, document) VALUES (:a, :b, :c, :d, :e, :f, 0, "
                             "'2026-11-23T02:00:00Z', :g)",
             soci::use(row.customer_id), soci::use(row.kind), soci::use(row.name), soci::use(row.id_number),
             soci::use(row.address), soci::use(row.version), soci::use(row.document));
        soci::statement insert_service =
            (sql->prepare << "INSERT INTO customer_services (service_number, customer_id) VALUES (:s, :c)",
             soci::use(service), soci::use(row.customer_id));
        const auto start = Clock::now();
        for (std::size_t k = 0; k < rows.size(); k += kPage) {
            soci::transaction tx(*sql);
            for (std::size_t j = k; j < std::min(rows.size(), k + kPage); ++j) {
                row = rows[j];
                insert.execute(true);
                service = row.service_numbers[0];
                insert_service.execute(true);
            }
            tx.commit();
        }
        raw_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }

    auto sql = store::open_database(cache_path);
    store::CustomerCache cache(*sql);
    const auto at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto start = Clock::now();
    {
        store::CustomerCache::BulkLoad bulk(cache); // a first sync, as delta_sync does it
        for (std::size_t k = 0; k < rows.size(); k += kPage) {
            soci::transaction tx(*sql);
            for (std::size_t j = k; j < std::min(rows.size(), k + kPage); ++j) {
                cache.put(rows[j], at);
            }
            tx.commit();
        }
    }
    const double ingest_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double raw_rate = static_cast<double>(customers) / raw_seconds;
    const double ingest_rate = static_cast<double>(customers) / ingest_seconds;
    std::printf("cache_raw_insert: %.0f rows/s (reference)\n", raw_rate);
    std::printf("cache_delta_ingest: %.0f rows/s, %.2f of raw (target >= 0.5 of raw)\n", ingest_rate,
                ingest_rate / raw_rate);

    std::uniform_int_distribution<std::size_t> any(0, customers - 1);
    const auto by_id = timed(10000, [&](int) { (void)cache.by_id(rows[any(random)].customer_id); });
    const auto by_idn = timed(10000, [&](int) { (void)cache.by_id_number(rows[any(random)].id_number); });
    const auto by_service =
        timed(10000, [&](int) { (void)cache.by_service_number(rows[any(random)].service_numbers[0]); });
    std::vector<double> exact;
    exact.insert(exact.end(), by_id.begin(), by_id.end());
    exact.insert(exact.end(), by_idn.begin(), by_idn.end());
    exact.insert(exact.end(), by_service.begin(), by_service.end());
    std::printf("cache_exact_lookup_p99: %.3f ms (target <= 1 ms; p50 %.3f, id %.3f, idNumber %.3f, service %.3f)\n",
                percentile(exact, 0.99), percentile(exact, 0.5), percentile(by_id, 0.99), percentile(by_idn, 0.99),
                percentile(by_service, 0.99));

    // What clerks type: part of a firm's name (three or more characters, often a common word) and part of a street.
    std::vector<std::string> group_queries;
    for (const auto* firm : kFirms) {
        for (const auto* trade : kTrades) {
            group_queries.push_back(std::string(firm) + trade);
        }
    }
    group_queries.emplace_back("有限公司");
    group_queries.emplace_back("深圳市腾飞");
    const auto groups = timed(1000, [&](int i) {
        (void)cache.search_groups(group_queries[static_cast<std::size_t>(i) % group_queries.size()], 50);
    });
    std::vector<std::string> address_queries;
    for (const auto* district : kDistricts) {
        for (const auto* road : kRoads) {
            address_queries.push_back(std::string(district) + road);
        }
    }
    address_queries.emplace_back("科技园路12");
    const auto addresses = timed(1000, [&](int i) {
        (void)cache.search_address(address_queries[static_cast<std::size_t>(i) % address_queries.size()], 50);
    });
    std::printf("cache_group_name_search_p99: %.2f ms (target <= 20 ms; p50 %.2f)\n", percentile(groups, 0.99),
                percentile(groups, 0.5));
    std::printf("cache_address_search_p99: %.2f ms (target <= 20 ms; p50 %.2f)\n", percentile(addresses, 0.99),
                percentile(addresses, 0.5));
    for (const auto& p : {cache_path, raw_path}) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(p.string() + suffix);
        }
    }
    return 0;
}
