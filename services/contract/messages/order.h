#pragma once
/// Product orders (TMF622): submit, get, list, cancel (its own request with its own states), the work-order
/// timeline and its completion.

#include "services/contract/messages/customer.h"

namespace contract {

struct Characteristic
{
    std::string name;
    std::string value;

    template <class V> void visit(V& v)
    {
        v("name", name, kShortText);
        v("value", value);
    }
};

struct OrderItem
{
    std::string item_id;
    std::string action; ///< add | modify | delete | noChange
    std::string offering_id;
    std::optional<std::string> service_number;
    std::vector<Characteristic> characteristics;
    std::optional<std::string> state; ///< set by the back office

    template <class V> void visit(V& v)
    {
        v("itemId", item_id, kShortText);
        v("action", action, kShortText);
        v("offeringId", offering_id, kShortText);
        v("serviceNumber", service_number, kShortText);
        v("characteristic", characteristics);
        v("state", state, kShortText);
    }
};

/// A member of a family bundle (亲情1+) or of a group's short-number network.
struct MemberEntry
{
    std::string number;
    std::optional<std::string> short_number;
    std::optional<std::string> name;

    template <class V> void visit(V& v)
    {
        v("number", number, kShortText);
        v("shortNumber", short_number, kShortText);
        v("name", name);
    }
};

struct Fee
{
    std::string name;
    domain::Money amount;

    template <class V> void visit(V& v)
    {
        v("name", name);
        v("amount", amount);
    }
};

struct StatusChange
{
    std::string state;
    Timestamp at{};
    std::string staff_id;
    std::optional<std::string> reason;

    template <class V> void visit(V& v)
    {
        v("state", state, kShortText);
        v("at", at);
        v("staffId", staff_id, kShortText);
        v("reason", reason);
    }
};

/// What the workstation sends. Order types: install, move, vasChange, accountChange, familyBundle, memberAdd,
/// memberRemove.
struct OrderDraft
{
    std::string external_id; ///< the workstation's own key for the order (its outbox id)
    std::string order_type;
    std::string customer_id;
    std::optional<std::string> service_number; ///< the service changed (move, vasChange, accountChange, bundle main)
    std::vector<OrderItem> items;
    std::optional<std::string> address_id; ///< install address, or the new address of a move
    std::optional<domain::Date> appointment;
    std::optional<std::string> billing_account_id; ///< accountChange: the account the service moves to
    std::optional<std::string> payment_method;     ///< accountChange: cash | collection | directDebit
    std::vector<MemberEntry> members;
    std::vector<Fee> fees;
    std::optional<std::string> note;

    template <class V> void visit(V& v)
    {
        v("externalId", external_id, kShortText);
        v("orderType", order_type, kShortText);
        v("customerId", customer_id, kShortText);
        v("serviceNumber", service_number, kShortText);
        v("item", items);
        v("addressId", address_id, kShortText);
        v("appointment", appointment);
        v("billingAccountId", billing_account_id, kShortText);
        v("paymentMethod", payment_method, kShortText);
        v("member", members);
        v("fee", fees);
        v("note", note, kLongText);
    }
};

/// What the back office keeps and answers with.
struct ProductOrder
{
    std::string order_id;
    std::string state;
    OrderDraft draft;
    domain::Money total;
    Timestamp created_at{};
    Timestamp due_by{}; ///< 48 hours after acceptance for installs
    std::string staff_id;
    std::string hall_id;
    std::vector<StatusChange> timeline;

    template <class V> void visit(V& v)
    {
        v("orderId", order_id, kShortText);
        v("state", state, kShortText);
        v("draft", draft);
        v("total", total);
        v("createdAt", created_at);
        v("dueBy", due_by);
        v("staffId", staff_id, kShortText);
        v("hallId", hall_id, kShortText);
        v("statusChange", timeline);
    }
};

struct OrderResponse
{
    ProductOrder order;

    template <class V> void visit(V& v) { v("productOrder", order); }
};

struct OrderSubmitResponse : OrderResponse
{
    static constexpr const char* kRoot = "orderSubmitResponse";
};

struct OrderSubmitRequest
{
    static constexpr const char* kRoot = "orderSubmitRequest";
    static constexpr const char* kOperation = "orderSubmit";
    static constexpr bool kWrite = true;
    using Response = OrderSubmitResponse;
    OrderDraft order;

    template <class V> void visit(V& v) { v("productOrder", order); }
};

struct OrderGetResponse : OrderResponse
{
    static constexpr const char* kRoot = "orderGetResponse";
};

struct OrderGetRequest
{
    static constexpr const char* kRoot = "orderGetRequest";
    static constexpr const char* kOperation = "orderGet";
    static constexpr bool kWrite = false;
    using Response = OrderGetResponse;
    std::string order_id;

    template <class V> void visit(V& v) { v("orderId", order_id, kShortText); }
};

struct OrderListResponse
{
    static constexpr const char* kRoot = "orderListResponse";
    std::vector<ProductOrder> orders;
    /// More orders match than this page holds (its row limit or its byte limit was reached): ask again with a
    /// narrower filter. Absent when the page is complete.
    std::optional<bool> has_more;

    template <class V> void visit(V& v)
    {
        v("productOrder", orders);
        v("hasMore", has_more);
    }
};

/// Orders by customer, state or clerk, newest first; unfinished ones with `openOnly` (未完工业务), late ones with
/// `overdueOnly`.
struct OrderListRequest
{
    static constexpr const char* kRoot = "orderListRequest";
    static constexpr const char* kOperation = "orderList";
    static constexpr bool kWrite = false;
    using Response = OrderListResponse;
    std::optional<std::string> customer_id;
    std::optional<std::string> state;
    std::optional<std::string> staff_id;
    std::optional<bool> open_only;     ///< default false
    std::optional<bool> overdue_only;  ///< unfinished and past dueBy (the 48-hour install target missed)
    std::optional<std::int64_t> limit; ///< default 50, at most 500

    template <class V> void visit(V& v)
    {
        v("customerId", customer_id, kShortText);
        v("state", state, kShortText);
        v("staffId", staff_id, kShortText);
        v("openOnly", open_only);
        v("overdueOnly", overdue_only);
        v("limit", limit);
    }
};

struct OrderCancelResponse
{
    static constexpr const char* kRoot = "orderCancelResponse";
    std::string cancel_id;
    std::string cancel_state; ///< TMF622 cancelProductOrder: acknowledged, inProgress, done, terminatedWithError
    std::string order_state;

    template <class V> void visit(V& v)
    {
        v("cancelId", cancel_id, kShortText);
        v("cancelState", cancel_state, kShortText);
        v("orderState", order_state, kShortText);
    }
};

/// 撤单: a cancellation request of its own; refused once the order is final.
struct OrderCancelRequest
{
    static constexpr const char* kRoot = "orderCancelRequest";
    static constexpr const char* kOperation = "orderCancel";
    static constexpr bool kWrite = true;
    using Response = OrderCancelResponse;
    std::string order_id;
    std::string reason;

    template <class V> void visit(V& v)
    {
        v("orderId", order_id, kShortText);
        v("reason", reason);
    }
};

struct WorkOrderCompleteResponse : OrderResponse
{
    static constexpr const char* kRoot = "workOrderCompleteResponse";
};

/// A supervisor (or the simulated installer) reports the work order's outcome: completed or failed. 竣工.
struct WorkOrderCompleteRequest
{
    static constexpr const char* kRoot = "workOrderCompleteRequest";
    static constexpr const char* kOperation = "workOrderComplete";
    static constexpr bool kWrite = true;
    using Response = WorkOrderCompleteResponse;
    std::string order_id;
    std::string outcome; ///< inProgress | completed | failed | held | cancelled (ends a pending cancellation)
    std::optional<std::string> reason;

    template <class V> void visit(V& v)
    {
        v("orderId", order_id, kShortText);
        v("outcome", outcome, kShortText);
        v("reason", reason);
    }
};

} // namespace contract
