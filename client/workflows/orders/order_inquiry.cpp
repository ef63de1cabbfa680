#include "client/workflows/orders/order_inquiry.h"

#include "client/store/customer_cache.h"
#include "client/workflows/orders/order_desk.h"
#include "domain/masking.h"
#include "domain/order_state.h"

#include <algorithm>

namespace workflows {

bool OrderInquiry::may_cancel(const TrackedOrder& tracked)
{
    if (tracked.queued || !tracked.order.order_id) {
        return false; // not numbered: nothing the back office could cancel yet
    }
    const auto state = domain::order_state_from_string(tracked.order.state);
    return state && domain::may_cancel(*state);
}

OrderRows OrderInquiry::find(const std::string& order_ref)
{
    const auto& services = m_desk.services();
    OrderTracking tracking(m_desk.sql(), m_desk.client(), services.staff, services.clock);
    return rows(tracking.refresh(order_ref));
}

OrderRows OrderInquiry::list(OrderQuery query)
{
    const auto& services = m_desk.services();
    if (!query.customer_id) {
        query.staff = services.staff;
    }
    OrderTracking tracking(m_desk.sql(), m_desk.client(), services.staff, services.clock);
    return rows(tracking.list(query));
}

OrderRows OrderInquiry::rows(std::variant<TrackedOrders, CallError> answer)
{
    OrderRows out;
    if (auto* error = std::get_if<CallError>(&answer)) {
        out.error = std::move(*error);
        return out;
    }
    auto& tracked = std::get<TrackedOrders>(answer);
    out.from_cache = tracked.from_cache;
    store::CustomerCache customers(m_desk.sql());
    for (auto& order : tracked.orders) {
        OrderRow row;
        row.customer_text = order.order.customer_id;
        if (const auto customer = customers.by_id(order.order.customer_id)) {
            row.customer_text = customer->kind == "individual" ? domain::mask_name(customer->name) : customer->name;
        }
        const bool rejected = order.order.state == "rejected";
        row.shown_state = order.queued && !rejected ? "provisional" : order.order.state;
        row.may_cancel = may_cancel(order);
        row.may_reprint = !rejected;
        out.cached_as_of = std::max(out.cached_as_of, order.order.updated_at);
        row.tracked = std::move(order);
        out.rows.push_back(std::move(row));
    }
    return out;
}

std::variant<CancelOutcome, CallError> OrderInquiry::cancel(const std::string& local_id, const std::string& reason,
                                                            const std::optional<Approval>& approval)
{
    const auto& services = m_desk.services();
    OrderDesk orders(m_desk.sql(), services.workstation_id);
    PaymentDesk payments(m_desk.sql(), m_desk.client(), orders, services.staff);
    auto result = payments.cancel_order(local_id, reason, approval);
    if (auto* error = std::get_if<CallError>(&result)) {
        return std::move(*error);
    }
    CancelOutcome outcome;
    outcome.refunds = std::move(std::get<CancelResult>(result).refunds);
    for (const auto& refund : outcome.refunds) {
        outcome.handed_back = outcome.handed_back + refund.amount;
    }
    return outcome;
}

} // namespace workflows
