#include "client/store/audit_log.h"
#include "client/store/database.h"
#include "client/store/order_store.h"
#include "client/store/payment_store.h"
#include "client/store/reference_cache.h"
#include "client/store/settings.h"
#include "client/store/sync_state.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace std::chrono_literals;

namespace {
const store::UtcTime kNow = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 2h;
}

TEST_CASE("times are stored as sortable UTC text and read back", "[store]")
{
    CHECK(store::utc_text(kNow) == "2026-11-23T02:00:00Z");
    CHECK(store::parse_utc_text("2026-11-23T02:00:00Z") == kNow);
    for (const char* bad : {"", "2026-11-23", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z",
                            "2026-11-23T02:00:00+08", "2026-11-23 02:00:00Z"}) {
        INFO(bad);
        CHECK_FALSE(store::parse_utc_text(bad));
    }
}

TEST_CASE("settings: typed accessors, any key, a workstation id made once", "[store]")
{
    testing::TempDir dir("counter-settings");
    auto db = store::open_database(dir.path() / "cache.db");
    store::Settings settings(*db);
    CHECK(settings.back_office_url().empty()); // none: training mode
    settings.set_back_office_url("https://bss.example.cn/bss/v1");
    settings.set_reader_port("/dev/ttyUSB0");
    settings.set_allow_loopback_http(true);
    settings.set("print.offset.LQ-1900K.acceptance", "1.5,-0.5");
    const auto id = settings.workstation_id();
    CHECK(id.size() == 12);

    store::Settings again(*db);
    CHECK(again.back_office_url() == "https://bss.example.cn/bss/v1");
    CHECK(again.reader_port() == "/dev/ttyUSB0");
    CHECK(again.allow_loopback_http());
    CHECK(again.get("print.offset.LQ-1900K.acceptance") == "1.5,-0.5");
    CHECK(again.workstation_id() == id);
    again.erase("print.offset.LQ-1900K.acceptance");
    CHECK_FALSE(again.get("print.offset.LQ-1900K.acceptance"));
}

TEST_CASE("an order is provisional until the back office answers, then takes its number and timeline", "[store]")
{
    testing::TempDir dir("counter-orders");
    auto db = store::open_database(dir.path() / "cache.db");
    store::OrderStore orders(*db);
    store::LocalOrder order;
    order.local_id = "ws1-0001";
    order.customer_id = "C1";
    order.order_type = "install";
    order.state = "provisional";
    order.total_fen = 10000;
    order.staff = "1001";
    order.document = "<draft/>";
    orders.add(order, kNow);
    CHECK(orders.by_local_id("ws1-0001")->provisional);

    const auto id =
        orders.apply_remote("ws1-0001", "O100", "C1", "install", "acknowledged", 10000, "1001", "<productOrder/>",
                            {{"acknowledged", "2026-11-23T02:00:01Z", "1001", ""}}, kNow + 1s);
    CHECK(id == "ws1-0001");
    const auto stored = orders.by_order_id("O100");
    REQUIRE(stored);
    CHECK_FALSE(stored->provisional);
    CHECK(stored->state == "acknowledged");
    REQUIRE(stored->timeline.size() == 1);
    CHECK(stored->timeline[0].at == "2026-11-23T02:00:01Z");

    // An order learnt of by delta sync (accepted at another counter) is added.
    const auto remote =
        orders.apply_remote("", "O200", "C1", "move", "inProgress", 0, "1002", "<productOrder/>", {}, kNow);
    CHECK(remote == "remote:O200");
    CHECK(orders.for_customer("C1").size() == 2);

    orders.mark_rejected("ws1-0001", "E_NUMBER_TAKEN", kNow);
    const auto rejected = orders.by_local_id("ws1-0001");
    CHECK(rejected->state == "rejected");
    CHECK(rejected->timeline.back().reason == "E_NUMBER_TAKEN");
}

TEST_CASE("payments, catalog, addresses, sync cursors and the audit log keep what they are given", "[store]")
{
    testing::TempDir dir("counter-records");
    auto db = store::open_database(dir.path() / "cache.db");

    store::PaymentStore payments(*db);
    payments.add({"p1", {}, "ws1-0001", "", 10000, "cash", "awaitingOrder", "key-p1", "1001", "", ""}, kNow);
    CHECK(payments.for_order("ws1-0001").size() == 1);
    payments.accepted("p1", "P9", "<payment/>");
    const auto paid = payments.by_local_id("p1");
    CHECK(paid->state == "accepted");
    CHECK(paid->payment_id == "P9");
    CHECK(paid->account_id.empty());

    store::ReferenceCache reference(*db);
    CHECK_FALSE(reference.catalog());
    reference.put_catalog(7, "<catalog/>", kNow);
    reference.put_catalog(8, "<catalog v8/>", kNow);
    CHECK(reference.catalog()->version == 8);
    reference.put_address({"44", "", "province", "广东省", "广东省"});
    reference.put_address({"4403", "44", "city", "深圳市", "广东省深圳市"});
    reference.put_address({"440305", "4403", "district", "南山区", "广东省深圳市南山区"});
    CHECK(reference.address_children("").size() == 1);
    CHECK(reference.address_children("4403").front().name == "南山区");
    CHECK(reference.search_addresses("深圳市南山", 10).size() == 1);

    store::SyncState sync(*db);
    CHECK(sync.cursor("3001").cursor == 0);
    CHECK(sync.cursor("3001").as_of.empty());
    sync.advance("3001", 42, kNow);
    CHECK(sync.cursor("3001").cursor == 42);
    CHECK(sync.cursor("3001").as_of == "2026-11-23T02:00:00Z");

    store::AuditLog audit(*db);
    audit.append("1001", "customer.view", "C1", "", kNow);
    audit.append("1001", "print.reprint", "O100", "acceptance", kNow);
    CHECK(audit.recent("", 10).size() == 2);
    CHECK(audit.recent("O100", 10).front().action == "print.reprint");
}

TEST_CASE("an order accepted for a provisional customer moves to the customer's real id with its answer", "[store]")
{
    testing::TempDir dir("counter-orders");
    auto db = store::open_database(dir.path() / "cache.db");
    store::OrderStore orders(*db);
    store::LocalOrder order;
    order.local_id = "ws1-0002";
    order.customer_id = "ws1-customer";
    order.order_type = "install";
    order.state = "awaitingCustomer";
    order.staff = "1001";
    order.document = "<draft/>";
    orders.add(order, kNow);
    orders.apply_remote("ws1-0002", "O300", "C42", "install", "acknowledged", 0, "1001", "<productOrder/>", {}, kNow);
    CHECK(orders.for_customer("ws1-customer").empty());
    REQUIRE(orders.for_customer("C42").size() == 1);
    CHECK(orders.for_customer("C42")[0].order_id == "O300");
}

TEST_CASE("orders are listed newest first by customer, clerk and openness", "[store]")
{
    testing::TempDir dir("counter-order-list");
    auto db = store::open_database(dir.path() / "cache.db");
    store::OrderStore orders(*db);
    struct Row
    {
        const char* id;
        const char* customer;
        const char* staff;
        const char* state;
    };
    const Row rows[] = {{"o1", "C1", "1001", "completed"},
                        {"o2", "C1", "1002", "inProgress"},
                        {"o3", "C2", "1001", "provisional"},
                        {"o4", "C1", "1001", "rejected"},
                        {"o5", "C1", "1001", "held"}};
    auto at = kNow;
    for (const auto& row : rows) {
        store::LocalOrder order;
        order.local_id = row.id;
        order.customer_id = row.customer;
        order.staff = row.staff;
        order.state = row.state;
        order.order_type = "install";
        orders.add(order, at);
        at += 1min;
    }
    const auto ids = [&](const store::OrderFilter& filter) {
        std::vector<std::string> found;
        for (const auto& order : orders.list(filter)) {
            found.push_back(order.local_id);
        }
        return found;
    };
    using V = std::vector<std::string>;
    CHECK(ids({}) == V{"o5", "o4", "o3", "o2", "o1"});
    CHECK(ids({std::string("C1"), std::nullopt, false, 100}) == V{"o5", "o4", "o2", "o1"});
    CHECK(ids({std::string("C1"), std::nullopt, true, 100}) == V{"o5", "o2"});
    CHECK(ids({std::nullopt, std::string("1001"), true, 100}) == V{"o5", "o3"});
    CHECK(ids({std::nullopt, std::nullopt, false, 2}) == V{"o5", "o4"});
    CHECK(ids({std::string("C9"), std::nullopt, false, 100}).empty());
}

TEST_CASE("addresses are found by part of their full name, short texts by a scan that takes wildcards literally",
          "[store]")
{
    testing::TempDir dir("counter-addresses");
    auto db = store::open_database(dir.path() / "cache.db");
    store::ReferenceCache cache(*db);
    cache.put_address({"S1", "D1", "street", "科技园路", "广东省深圳市南山区科技园路"});
    cache.put_address({"B1", "S1", "building", "1栋", "广东省深圳市南山区科技园路1栋"});
    cache.put_address({"B2", "S1", "building", "100%_楼", "广东省深圳市南山区科技园路100%_楼"});
    const auto ids = [&](const std::string& text) {
        std::vector<std::string> found;
        for (const auto& a : cache.search_addresses(text, 10)) {
            found.push_back(a.address_id);
        }
        std::sort(found.begin(), found.end());
        return found;
    };
    using V = std::vector<std::string>;
    CHECK(ids("科技园路1") == V{"B1", "B2"});
    CHECK(ids("1栋") == V{"B1"});
    CHECK(ids("%_") == V{"B2"});
    CHECK(ids("%") == V{"B2"});
    CHECK(ids("_楼") == V{"B2"});
    CHECK(ids("科研").empty());
    // Buildings first when a short text matches a street and its buildings.
    const auto mixed = cache.search_addresses("技园", 10);
    REQUIRE(mixed.size() == 3);
    CHECK(mixed.back().address_id == "S1");
}
