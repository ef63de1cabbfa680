#include "domain/order.h"

#include <catch2/catch.hpp>

using namespace domain;
using S = OrderState;

namespace {

Order two_item_order()
{
    return Order::create("key-1", {{"1", ItemAction::add, "FIXED_LINE", 1, S::acknowledged},
                                   {"2", ItemAction::add, "CALLER_ID", 1, S::acknowledged}})
        .value();
}

} // namespace

TEST_CASE("a new order is acknowledged with its key", "[order]")
{
    const Order order = two_item_order();
    CHECK(order.state() == S::acknowledged);
    CHECK(order.idempotency_key() == "key-1");
    CHECK(order.items().size() == 2);
    CHECK(Order::create("key-2", {}).error().code == Errc::order_no_items);
}

TEST_CASE("items move the order through its lifecycle", "[order]")
{
    Order order = two_item_order();
    REQUIRE_FALSE(order.set_item_state("1", S::in_progress));
    CHECK(order.state() == S::in_progress);
    REQUIRE_FALSE(order.set_item_state("2", S::in_progress));
    REQUIRE_FALSE(order.set_item_state("1", S::completed));
    CHECK(order.state() == S::in_progress);
    REQUIRE_FALSE(order.set_item_state("2", S::failed));
    CHECK(order.state() == S::partial);
}

TEST_CASE("a refused move changes nothing", "[order]")
{
    Order order = two_item_order();
    const auto refused = order.set_item_state("1", S::completed); // acknowledged → completed skips the work
    REQUIRE(refused);
    CHECK(refused->code == Errc::order_item_transition);
    CHECK(refused->param("from") == "acknowledged");
    CHECK(refused->param("to") == "completed");
    CHECK(order.items()[0].state == S::acknowledged);
    CHECK(order.state() == S::acknowledged);

    const auto unknown = order.set_item_state("9", S::in_progress);
    REQUIRE(unknown);
    CHECK(unknown->param("item") == "9");
}

TEST_CASE("cancelling an order in progress", "[order]")
{
    Order order = two_item_order();
    REQUIRE_FALSE(order.set_item_state("1", S::in_progress));
    REQUIRE_FALSE(order.set_item_state("1", S::completed));
    REQUIRE_FALSE(order.set_open_items_state(S::assessing_cancellation));
    CHECK(order.state() == S::assessing_cancellation);
    CHECK(order.items()[0].state == S::completed); // finished work is not undone
    REQUIRE_FALSE(order.set_open_items_state(S::pending_cancellation));
    REQUIRE_FALSE(order.set_open_items_state(S::cancelled));
    CHECK(order.state() == S::partial);
}
