#pragma once
/// Order tracking (订单查询): where an order is, with its timeline, asked of the back office and kept in the cache;
/// when the back office cannot be reached, the cache answers and says so. An order still queued here has no number
/// yet and nothing to ask: it is shown as queued. Unfinished installs past their due moment (the 48-hour promise)
/// are flagged overdue. Group member orders are tracked the same way: their state is the member's confirmation.

#include "client/store/order_store.h"
#include "client/store/utc_text.h"
#include "services/bssclient/bss_client.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

struct TrackedOrder
{
    store::LocalOrder order;                      ///< as stored after the refresh, with its timeline
    std::optional<contract::ProductOrder> record; ///< the back office's copy, or the draft as queued
    bool queued = false;                          ///< not numbered yet: waiting in the outbox (or for its customer)
    bool overdue = false;                         ///< unfinished and past its due moment
};

struct TrackedOrders
{
    std::vector<TrackedOrder> orders;
    bool from_cache = false;               ///< the back office did not answer; these are the cached copies
    std::optional<bss::CallError> offline; ///< why it did not answer
};

struct OrderQuery
{
    std::optional<std::string> customer_id;
    std::optional<std::string> staff; ///< the clerk who accepted them
    bool open_only = false;           ///< 未完工业务
    bool overdue_only = false;
    int limit = 50; ///< at most 500 (the back office's page)
};

class OrderTracking
{
public:
    /// `client` may be null (no back office configured or signed out): the cache answers.
    OrderTracking(soci::session& sql, bss::BssClient* client, std::string staff,
                  std::function<store::UtcTime()> clock = {});

    /// One order by the back office's number or this workstation's id, refreshed from the back office when it has
    /// a number. E_NOT_FOUND {orderId} when neither knows it.
    std::variant<TrackedOrders, bss::CallError> refresh(const std::string& order_ref);
    /// Orders matching `query`, newest first; what the back office answers replaces the cached copies. Orders
    /// queued here and not yet numbered are listed too (the back office cannot know them).
    std::variant<TrackedOrders, bss::CallError> list(const OrderQuery& query);

private:
    [[nodiscard]] store::UtcTime now() const;
    [[nodiscard]] TrackedOrder tracked(store::LocalOrder order) const;
    void store_answer(const std::vector<contract::ProductOrder>& orders);
    void settle_left_out(const OrderQuery& query, const contract::OrderListResponse& answer);
    [[nodiscard]] std::vector<TrackedOrder> from_store(const OrderQuery& query, bool queued_only) const;

    soci::session& m_sql;
    bss::BssClient* m_client;
    std::string m_staff;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
