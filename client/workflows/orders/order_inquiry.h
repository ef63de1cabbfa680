#pragma once
/// 订单查询 as a screen needs it: OrderTracking's answers turned into the rows the clerk reads (the customer's name
/// looked up in the cache and masked when a person, the state as shown, what may be done with each order), and the
/// cancellation (撤单) of one, with the money handed back. Every rule here is one the back office keeps too: which
/// orders may be cancelled is domain::may_cancel, used by both ends.

#include "client/workflows/money/payment_desk.h"
#include "client/workflows/orders/order_tracking.h"
#include "client/workflows/workstation/desk.h"
#include "domain/money.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// One order as the list shows it.
struct OrderRow
{
    TrackedOrder tracked;
    std::string customer_text; ///< the customer's name, masked when a person; else the customer id
    /// The state to show: the order's, or "provisional" while it waits here unsent (a refusal shows as such).
    std::string shown_state;
    bool may_cancel = false;  ///< numbered, and domain::may_cancel of its state
    bool may_reprint = false; ///< anything but a refused order has a form to sign
};

struct OrderRows
{
    std::vector<OrderRow> rows;
    bool from_cache = false;
    std::string cached_as_of; ///< UTC text: when the newest of the shown copies was stored
    std::optional<CallError> error;
};

/// What a cancellation did.
struct CancelOutcome
{
    std::vector<contract::RefundRecord> refunds;
    domain::Money handed_back; ///< the refunds' total: what the clerk hands back
};

class OrderInquiry
{
public:
    explicit OrderInquiry(Desk& desk) : m_desk(desk) {}

    /// One order by the back office's number or this workstation's id.
    OrderRows find(const std::string& order_ref);
    /// The signed-in clerk's orders (or one customer's, when `query.customer_id` is set), newest first.
    OrderRows list(OrderQuery query);

    /// Cancels a numbered order with `reason`; E_PERMISSION {reason: approval} when money is to be handed back and
    /// a supervisor must approve (ask, then call again with `approval`).
    std::variant<CancelOutcome, CallError> cancel(const std::string& local_id, const std::string& reason,
                                                  const std::optional<Approval>& approval);

    /// Whether `tracked` may be cancelled from this workstation.
    static bool may_cancel(const TrackedOrder& tracked);

private:
    OrderRows rows(std::variant<TrackedOrders, CallError> answer);

    Desk& m_desk;
};

} // namespace workflows
