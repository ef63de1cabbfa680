#pragma once
/// Orders accepted at this counter or learnt of from the back office, with their timelines. `local_id` is the
/// workstation's own id (sent as the order's externalId); `order_id` is the back office's number once known. The
/// back office owns an order's state: what it says replaces what we have, and a provisional order stays provisional
/// until the back office has answered for it.

#include "client/store/utc_text.h"

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace store {

struct OrderEvent
{
    std::string state;
    std::string at;
    std::string staff;
    std::string reason;
};

/// Which stored orders to list (all set conditions apply), newest first.
struct OrderFilter
{
    std::optional<std::string> customer_id;
    std::optional<std::string> staff;
    bool open_only = false; ///< not in a final state (rejected counts as final)
    int limit = 100;
};

struct LocalOrder
{
    std::string local_id;
    std::optional<std::string> order_id;
    std::string customer_id;
    std::string order_type;
    /// provisional (queued, not yet answered), rejected (refused; see the sync errors), or the back office's state
    std::string state;
    bool provisional = true;
    std::int64_t total_fen = 0;
    std::string staff;
    std::string created_at;
    std::string updated_at;
    std::string document; ///< the draft as sent, then the back office's order
    std::vector<OrderEvent> timeline;
};

class OrderStore
{
public:
    explicit OrderStore(soci::session& sql) : m_sql(sql) {}

    /// Records an order accepted at the counter (provisional). Call in the transaction that queues its write.
    void add(const LocalOrder& order, UtcTime now);
    /// What the back office says of an order: its number, state, document and timeline. Matches by local id
    /// (our externalId) first, then by order id; an order not known here is added (delta sync). Returns the local id.
    std::string apply_remote(const std::string& local_id, const std::string& order_id, const std::string& customer_id,
                             const std::string& order_type, const std::string& state, std::int64_t total_fen,
                             const std::string& staff, const std::string& document,
                             const std::vector<OrderEvent>& timeline, UtcTime now);
    /// The back office refused the order's write: it stays for the clerk to retry, edit or discard.
    void mark_rejected(const std::string& local_id, const std::string& code, UtcTime now);
    void set_state(const std::string& local_id, const std::string& state, UtcTime now);
    /// Moves the order to `state` and adds that to its timeline (a local step: rejected, discarded, cancel refused).
    void add_event(const std::string& local_id, const std::string& state, const std::string& staff,
                   const std::string& reason, UtcTime now);
    /// A provisional order's corrected draft (sync error edited): its document and total.
    void replace_draft(const std::string& local_id, const std::string& document, std::int64_t total_fen, UtcTime now);

    [[nodiscard]] std::optional<LocalOrder> by_local_id(const std::string& local_id) const;
    [[nodiscard]] std::optional<LocalOrder> by_order_id(const std::string& order_id) const;
    [[nodiscard]] std::vector<LocalOrder> for_customer(const std::string& customer_id) const;
    /// Orders matching `filter`, newest first, with their timelines.
    [[nodiscard]] std::vector<LocalOrder> list(const OrderFilter& filter) const;

private:
    void replace_timeline(const std::string& local_id, const std::vector<OrderEvent>& timeline);
    [[nodiscard]] std::optional<LocalOrder> select_one(const std::string& where, const std::string& key) const;

    soci::session& m_sql;
};

} // namespace store
