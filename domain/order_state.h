#pragma once
/// Order and order-item states in the TM Forum TMF622 (Product Ordering) vocabulary, the transitions allowed between
/// them, and the rule that derives an order's state from its items. The names are the wire names: never rename.

#include "domain/result.h"

#include <optional>
#include <span>
#include <string_view>

namespace domain {

enum class OrderState
{
    acknowledged,
    rejected,
    pending,
    held,
    in_progress,
    assessing_cancellation,
    pending_cancellation,
    cancelled,
    completed,
    failed,
    partial,
};

/// Items share the order's vocabulary except `partial`, which only an order with several items can be.
using ItemState = OrderState;

/// What an order item does to the customer's inventory (TMF622 itemAction).
enum class ItemAction
{
    add,
    modify,
    remove,
    no_change
};

/// TMF622 cancelProductOrder task states: a cancellation is its own request with its own life.
enum class CancelState
{
    acknowledged,
    in_progress,
    done,
    terminated_with_error
};

std::string_view to_string(OrderState state);  ///< "inProgress"
std::string_view to_string(ItemAction action); ///< "add", "modify", "delete", "noChange"
std::string_view to_string(CancelState state); ///< "terminatedWithError"
std::optional<OrderState> order_state_from_string(std::string_view text);
std::optional<ItemAction> item_action_from_string(std::string_view text);
std::optional<CancelState> cancel_state_from_string(std::string_view text);

/// rejected, cancelled, completed, failed and partial are final: nothing leaves them.
bool is_final(OrderState state);

/// Whether a cancellation (撤单) may be asked for an order in `state`: not once it is final, nor while a
/// cancellation is already under way. The back office refuses the rest; the workstation offers only these.
bool may_cancel(OrderState state);

bool can_transition(OrderState from, OrderState to);
bool can_transition_item(ItemState from, ItemState to);

/// The order state implied by its items: cancellation in progress wins, then final outcomes (all completed →
/// completed, some completed → partial, none completed → failed or cancelled), then held, pending, acknowledged,
/// in progress. E_ORDER_NO_ITEMS for an empty list.
Result<OrderState> derive_order_state(std::span<const ItemState> items);

} // namespace domain
