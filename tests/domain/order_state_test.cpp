#include "domain/order_state.h"

#include <array>
#include <catch2/catch.hpp>
#include <vector>

using namespace domain;
using S = OrderState;

namespace {
constexpr std::array kAll{
    S::acknowledged,         S::rejected,  S::pending,   S::held,   S::in_progress, S::assessing_cancellation,
    S::pending_cancellation, S::cancelled, S::completed, S::failed, S::partial};
}

TEST_CASE("state names are TMF622's and round-trip", "[order]")
{
    CHECK(to_string(S::in_progress) == "inProgress");
    CHECK(to_string(S::assessing_cancellation) == "assessingCancellation");
    CHECK(to_string(ItemAction::remove) == "delete");
    CHECK(to_string(CancelState::terminated_with_error) == "terminatedWithError");
    for (const auto state : kAll) {
        CHECK(order_state_from_string(to_string(state)) == state);
    }
    for (const auto action : {ItemAction::add, ItemAction::modify, ItemAction::remove, ItemAction::no_change}) {
        CHECK(item_action_from_string(to_string(action)) == action);
    }
    CHECK_FALSE(order_state_from_string("InProgress"));
    CHECK_FALSE(order_state_from_string(""));
    CHECK_FALSE(item_action_from_string("remove"));
}

TEST_CASE("the order lifecycle", "[order]")
{
    CHECK(can_transition(S::acknowledged, S::in_progress));
    CHECK(can_transition(S::acknowledged, S::rejected));
    CHECK(can_transition(S::in_progress, S::completed));
    CHECK(can_transition(S::in_progress, S::held));
    CHECK(can_transition(S::held, S::in_progress));
    CHECK(can_transition(S::in_progress, S::assessing_cancellation));
    CHECK(can_transition(S::assessing_cancellation, S::pending_cancellation));
    CHECK(can_transition(S::assessing_cancellation, S::in_progress)); // cancellation refused
    CHECK(can_transition(S::pending_cancellation, S::cancelled));

    CHECK_FALSE(can_transition(S::acknowledged, S::completed));
    CHECK_FALSE(can_transition(S::in_progress, S::cancelled)); // only through the cancellation states
    CHECK_FALSE(can_transition(S::in_progress, S::acknowledged));
    CHECK_FALSE(can_transition(S::in_progress, S::in_progress));
}

TEST_CASE("nothing leaves a final state", "[order]")
{
    for (const auto from : kAll) {
        if (!is_final(from)) {
            continue;
        }
        for (const auto to : kAll) {
            INFO(to_string(from) << " -> " << to_string(to));
            CHECK_FALSE(can_transition(from, to));
        }
    }
    CHECK_FALSE(is_final(S::in_progress));
    CHECK(is_final(S::partial));
}

TEST_CASE("a cancellation may be asked exactly where the lifecycle can still reach cancelled", "[order]")
{
    // may_cancel is the one rule both ends use; it must agree with the state machine: from a state where it holds,
    // the order can enter the cancellation states, and from the others it cannot start one.
    for (const auto state : kAll) {
        INFO(to_string(state));
        const bool starts = can_transition(state, S::assessing_cancellation) ||
                            can_transition(state, S::pending_cancellation) || can_transition(state, S::cancelled);
        const bool under_way = state == S::assessing_cancellation || state == S::pending_cancellation;
        CHECK(may_cancel(state) == (starts && !under_way));
    }
    CHECK(may_cancel(S::acknowledged));
    CHECK(may_cancel(S::held));
    CHECK_FALSE(may_cancel(S::completed));
    CHECK_FALSE(may_cancel(S::pending_cancellation));
}

TEST_CASE("an item is never partial", "[order]")
{
    CHECK(can_transition(S::in_progress, S::partial));
    CHECK_FALSE(can_transition_item(S::in_progress, S::partial));
    CHECK(can_transition_item(S::in_progress, S::completed));
}

TEST_CASE("the order state is derived from its items", "[order]")
{
    struct Row
    {
        std::vector<S> items;
        S expected;
    };
    const Row rows[] = {
        {{S::acknowledged}, S::acknowledged},
        {{S::acknowledged, S::acknowledged}, S::acknowledged},
        {{S::acknowledged, S::in_progress}, S::in_progress},
        {{S::completed, S::in_progress}, S::in_progress},
        {{S::completed, S::held}, S::held},
        {{S::pending, S::in_progress}, S::pending},
        {{S::held, S::pending}, S::held},
        {{S::completed, S::completed}, S::completed},
        {{S::completed, S::failed}, S::partial},
        {{S::completed, S::cancelled}, S::partial},
        {{S::failed, S::failed}, S::failed},
        {{S::failed, S::cancelled}, S::failed},
        {{S::cancelled, S::cancelled}, S::cancelled},
        {{S::rejected}, S::rejected},
        {{S::in_progress, S::assessing_cancellation}, S::assessing_cancellation},
        {{S::cancelled, S::pending_cancellation}, S::pending_cancellation},
    };
    for (const auto& row : rows) {
        std::string items;
        for (auto s : row.items) {
            items += std::string(to_string(s)) + " ";
        }
        INFO("items: " << items);
        const auto derived = derive_order_state(row.items);
        REQUIRE(derived);
        CHECK(to_string(*derived) == to_string(row.expected));
    }
    CHECK(derive_order_state({}).error().code == Errc::order_no_items);
}
