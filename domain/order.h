#pragma once
/// A customer order (定单) as the domain sees it: items, each with an action and a state, and the order's state kept
/// equal to what its items imply. The idempotency key is made once, when the clerk accepts, and travels with every
/// retry so the back office can never create the order twice.

#include "domain/order_state.h"

#include <optional>
#include <string>
#include <vector>

namespace domain {

struct OrderItem
{
    std::string id; ///< unique within the order ("1", "2", …)
    ItemAction action = ItemAction::add;
    std::string offering; ///< product offering code from the catalog
    int quantity = 1;
    ItemState state = ItemState::acknowledged;
};

class Order
{
public:
    /// A new order in state acknowledged with every item acknowledged; E_ORDER_NO_ITEMS without items.
    static Result<Order> create(std::string idempotency_key, std::vector<OrderItem> items);

    [[nodiscard]] const std::string& idempotency_key() const { return m_key; }
    [[nodiscard]] OrderState state() const { return m_state; }
    [[nodiscard]] const std::vector<OrderItem>& items() const { return m_items; }

    /// Moves one item and re-derives the order state. Refused (and nothing changes) when the item's move is not
    /// allowed, the item does not exist, or the order's resulting move is not allowed.
    std::optional<Problem> set_item_state(std::string_view item_id, ItemState to);

    /// Moves every item that is not final to `to` (used for cancellation and rejection of a whole order).
    std::optional<Problem> set_open_items_state(ItemState to);

private:
    std::optional<Problem> apply(std::vector<OrderItem> items);

    std::string m_key;
    std::vector<OrderItem> m_items;
    OrderState m_state = OrderState::acknowledged;
};

} // namespace domain
