#include "domain/order_state.h"

#include "domain/name_table.h"

#include <algorithm>
#include <array>
#include <utility>

namespace domain {
namespace {

using S = OrderState;

constexpr NameTable<S, 11> kStateNames{{
    {S::acknowledged, "acknowledged"},
    {S::rejected, "rejected"},
    {S::pending, "pending"},
    {S::held, "held"},
    {S::in_progress, "inProgress"},
    {S::assessing_cancellation, "assessingCancellation"},
    {S::pending_cancellation, "pendingCancellation"},
    {S::cancelled, "cancelled"},
    {S::completed, "completed"},
    {S::failed, "failed"},
    {S::partial, "partial"},
}};

constexpr NameTable<ItemAction, 4> kActionNames{{
    {ItemAction::add, "add"},
    {ItemAction::modify, "modify"},
    {ItemAction::remove, "delete"},
    {ItemAction::no_change, "noChange"},
}};

constexpr NameTable<CancelState, 4> kCancelNames{{
    {CancelState::acknowledged, "acknowledged"},
    {CancelState::in_progress, "inProgress"},
    {CancelState::done, "done"},
    {CancelState::terminated_with_error, "terminatedWithError"},
}};

/// The TMF622 order state machine. Cancellation can be asked for in any non-final state; a refused cancellation
/// returns the order to where work stands (in progress, pending or held).
constexpr std::array<std::pair<S, S>, 26> kOrderTransitions{{
    {S::acknowledged, S::in_progress},
    {S::acknowledged, S::rejected},
    {S::acknowledged, S::pending},
    {S::acknowledged, S::held},
    {S::acknowledged, S::assessing_cancellation},
    {S::in_progress, S::pending},
    {S::in_progress, S::held},
    {S::in_progress, S::completed},
    {S::in_progress, S::failed},
    {S::in_progress, S::partial},
    {S::in_progress, S::assessing_cancellation},
    {S::pending, S::in_progress},
    {S::pending, S::held},
    {S::pending, S::failed},
    {S::pending, S::assessing_cancellation},
    {S::held, S::in_progress},
    {S::held, S::pending},
    {S::held, S::failed},
    {S::held, S::assessing_cancellation},
    {S::assessing_cancellation, S::pending_cancellation},
    {S::assessing_cancellation, S::acknowledged},
    {S::assessing_cancellation, S::in_progress},
    {S::assessing_cancellation, S::pending},
    {S::assessing_cancellation, S::held},
    {S::pending_cancellation, S::cancelled},
    // Items finished before the cancellation stay finished, so such an order ends partial, not cancelled.
    {S::pending_cancellation, S::partial},
}};

} // namespace

std::string_view to_string(OrderState state)
{
    return name_of(kStateNames, state, "unknown");
}

std::string_view to_string(ItemAction action)
{
    return name_of(kActionNames, action, "unknown");
}

std::string_view to_string(CancelState state)
{
    return name_of(kCancelNames, state, "unknown");
}

std::optional<OrderState> order_state_from_string(std::string_view text)
{
    return value_of(kStateNames, text);
}

std::optional<ItemAction> item_action_from_string(std::string_view text)
{
    return value_of(kActionNames, text);
}

std::optional<CancelState> cancel_state_from_string(std::string_view text)
{
    return value_of(kCancelNames, text);
}

bool is_final(OrderState state)
{
    return state == S::rejected || state == S::cancelled || state == S::completed || state == S::failed ||
           state == S::partial;
}

bool may_cancel(OrderState state)
{
    return !is_final(state) && state != OrderState::assessing_cancellation && state != OrderState::pending_cancellation;
}

bool can_transition(OrderState from, OrderState to)
{
    return std::find(kOrderTransitions.begin(), kOrderTransitions.end(), std::pair{from, to}) !=
           kOrderTransitions.end();
}

bool can_transition_item(ItemState from, ItemState to)
{
    // Items follow the order machine, except that an item cannot end `partial`: it either completes or fails.
    return to != S::partial && can_transition(from, to);
}

Result<OrderState> derive_order_state(std::span<const ItemState> items)
{
    if (items.empty()) {
        return problem(Errc::order_no_items);
    }
    const auto any = [&](S s) { return std::find(items.begin(), items.end(), s) != items.end(); };
    const auto all = [&](S s) { return std::all_of(items.begin(), items.end(), [s](S i) { return i == s; }); };

    if (any(S::assessing_cancellation)) {
        return S::assessing_cancellation;
    }
    if (any(S::pending_cancellation)) {
        return S::pending_cancellation;
    }
    if (std::all_of(items.begin(), items.end(), is_final)) {
        if (all(S::completed)) {
            return S::completed;
        }
        if (all(S::rejected)) {
            return S::rejected;
        }
        if (any(S::completed)) {
            return S::partial;
        }
        return any(S::failed) ? S::failed : S::cancelled;
    }
    if (any(S::held)) {
        return S::held;
    }
    if (any(S::pending)) {
        return S::pending;
    }
    if (all(S::acknowledged)) {
        return S::acknowledged;
    }
    return S::in_progress;
}

} // namespace domain
