#include "client/store/customer_cache.h"
#include "client/store/database.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

namespace {

const store::UtcTime kNow = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 2h;

store::CachedCustomer customer(std::string id, std::string kind, std::string name, std::string address,
                               std::int64_t version = 1)
{
    store::CachedCustomer c;
    c.customer_id = std::move(id);
    c.kind = std::move(kind);
    c.name = std::move(name);
    c.address = std::move(address);
    c.version = version;
    c.document = "<customer/>";
    return c;
}

std::vector<std::string> ids(const std::vector<store::CachedCustomer>& found)
{
    std::vector<std::string> out;
    for (const auto& c : found) {
        out.push_back(c.customer_id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Fixture
{
    testing::TempDir dir{"counter-cache"};
    std::unique_ptr<soci::session> db = store::open_database(dir.path() / "cache.db");
    store::CustomerCache cache{*db};

    Fixture()
    {
        auto zhang = customer("C1", "individual", "张三", "广东省深圳市南山区科技园路1号");
        zhang.id_number = "11010519491231002X";
        zhang.service_numbers = {"075512345678", "075512345679"};
        cache.put(zhang, kNow);
        cache.put(customer("G1", "group", "深圳市腾讯计算机系统有限公司", "广东省深圳市南山区科技中一路"), kNow);
        cache.put(customer("G2", "group", "华为技术有限公司", "广东省深圳市龙岗区坂田华为基地"), kNow);
        cache.put(customer("G3", "group", "腾讯", "广东省深圳市南山区"), kNow);
        cache.put(customer("C2", "individual", "腾讯明", "广东省广州市天河区"), kNow);
    }
};

} // namespace

TEST_CASE("exact look-ups by customer id, ID number and service number", "[store][cache]")
{
    Fixture f;
    const auto byId = f.cache.by_id("C1");
    REQUIRE(byId);
    CHECK(byId->name == "张三");
    CHECK(byId->service_numbers == std::vector<std::string>{"075512345678", "075512345679"});
    CHECK(ids(f.cache.by_id_number("11010519491231002X")) == std::vector<std::string>{"C1"});
    CHECK(f.cache.by_service_number("075512345679")->customer_id == "C1");
    CHECK_FALSE(f.cache.by_service_number("075500000000"));
    CHECK_FALSE(f.cache.by_id("C9"));
    CHECK(f.cache.count() == 5);
}

TEST_CASE("group names are found by any part, Chinese included, and only groups", "[store][cache]")
{
    Fixture f;
    struct Row
    {
        std::string text;
        std::vector<std::string> expected;
    };
    const std::vector<Row> rows{
        {"腾讯计算机", {"G1"}},
        {"有限公司", {"G1", "G2"}},
        {"腾讯", {"G1", "G3"}}, // two characters: below the trigram index, still found (not the individual C2)
        {"华", {"G2"}},
        {"不存在的公司", {}},
        {"\"有限\" OR \"公司\"", {}}, // query syntax in the clerk's text is text, not syntax
        {"100%", {}},
    };
    for (const auto& row : rows) {
        INFO("search: " << row.text);
        CHECK(ids(f.cache.search_groups(row.text, 20)) == row.expected);
    }
    const auto ranked = f.cache.search_groups("腾讯", 20);
    REQUIRE(ranked.size() == 2);
    CHECK(ranked.front().customer_id == "G3"); // shortest name first
}

TEST_CASE("customers are found by address text", "[store][cache]")
{
    Fixture f;
    CHECK(ids(f.cache.search_address("南山区", 20)) == std::vector<std::string>{"C1", "G1", "G3"});
    CHECK(ids(f.cache.search_address("天河", 20)) == std::vector<std::string>{"C2"});
    CHECK(ids(f.cache.search_address("南山区", 2)).size() == 2);
}

TEST_CASE("an older copy never replaces a newer one, and renames reach the index", "[store][cache]")
{
    Fixture f;
    CHECK(f.cache.put(customer("G2", "group", "华为终端有限公司", "广东省东莞市松山湖", 3), kNow));
    CHECK_FALSE(f.cache.put(customer("G2", "group", "华为技术有限公司", "广东省深圳市龙岗区", 2), kNow));
    CHECK(f.cache.by_id("G2")->name == "华为终端有限公司");
    CHECK(ids(f.cache.search_groups("华为终端", 10)) == std::vector<std::string>{"G2"});
    CHECK(f.cache.search_groups("华为技术", 10).empty());
    CHECK(ids(f.cache.search_address("松山湖", 10)) == std::vector<std::string>{"G2"});
    f.cache.remove("G2");
    CHECK(f.cache.search_groups("华为终端", 10).empty());
}

TEST_CASE("a bulk load indexes its rows once at the end", "[store][cache]")
{
    testing::TempDir dir("counter-cache");
    auto db = store::open_database(dir.path() / "cache.db");
    store::CustomerCache cache(*db);
    {
        store::CustomerCache::BulkLoad bulk(cache);
        for (int k = 0; k < 50; ++k) {
            cache.put(customer("G" + std::to_string(k), "group", "前海星河" + std::to_string(k) + "号科技有限公司",
                               "广东省深圳市前海路" + std::to_string(k) + "号"),
                      kNow);
        }
        CHECK(cache.search_groups("前海星河", 100).empty()); // not yet indexed
    }
    CHECK(cache.search_groups("前海星河", 100).size() == 50);
    CHECK(ids(cache.search_groups("星河7号", 100)) == std::vector<std::string>{"G7"});
    // After the load, changes are indexed as they come.
    cache.put(customer("G7", "group", "南山云帆有限公司", "广东省深圳市南山区", 2), kNow);
    CHECK(ids(cache.search_groups("云帆有限", 10)) == std::vector<std::string>{"G7"});
    CHECK(cache.search_groups("星河7号", 100).empty());
}
