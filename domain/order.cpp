#include "domain/order.h"

#include <algorithm>

namespace domain {
namespace {

Problem item_transition(const OrderItem& item, ItemState to)
{
    return problem(
        Errc::order_item_transition,
        {{"item", item.id}, {"from", std::string(to_string(item.state))}, {"to", std::string(to_string(to))}});
}

} // namespace

Result<Order> Order::create(std::string idempotency_key, std::vector<OrderItem> items)
{
    if (items.empty()) {
        return problem(Errc::order_no_items);
    }
    for (auto& item : items) {
        item.state = ItemState::acknowledged;
    }
    Order order;
    order.m_key = std::move(idempotency_key);
    order.m_items = std::move(items);
    order.m_state = OrderState::acknowledged;
    return order;
}

std::optional<Problem> Order::set_item_state(std::string_view item_id, ItemState to)
{
    auto items = m_items;
    const auto it = std::find_if(items.begin(), items.end(), [&](const OrderItem& i) { return i.id == item_id; });
    if (it == items.end()) {
        return problem(Errc::order_item_transition, {{"item", std::string(item_id)}, {"from", ""}, {"to", ""}});
    }
    if (!can_transition_item(it->state, to)) {
        return item_transition(*it, to);
    }
    it->state = to;
    return apply(std::move(items));
}

std::optional<Problem> Order::set_open_items_state(ItemState to)
{
    auto items = m_items;
    for (auto& item : items) {
        if (is_final(item.state)) {
            continue;
        }
        if (!can_transition_item(item.state, to)) {
            return item_transition(item, to);
        }
        item.state = to;
    }
    return apply(std::move(items));
}

std::optional<Problem> Order::apply(std::vector<OrderItem> items)
{
    std::vector<ItemState> states;
    states.reserve(items.size());
    for (const auto& item : items) {
        states.push_back(item.state);
    }
    const auto derived = derive_order_state(states);
    if (!derived) {
        return derived.error();
    }
    if (*derived != m_state && !can_transition(m_state, *derived)) {
        return problem(Errc::order_transition,
                       {{"from", std::string(to_string(m_state))}, {"to", std::string(to_string(*derived))}});
    }
    m_items = std::move(items);
    m_state = *derived;
    return std::nullopt;
}

} // namespace domain
