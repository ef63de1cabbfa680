#pragma once
/// The sync error queue as the clerk works it (同步异常): writes the back office refused, with the reason and what
/// they were about, and the three ways out. Retry sends the write again under a new key once its cause is dealt with
/// elsewhere (arrears paid, a number released); edit sends a corrected order or customer; discard gives up, and what
/// hung on the write gives up with it: an order's money (to be handed back, logged), the orders that waited for a
/// customer opened offline. Each step is one transaction with its local records, and audited. The sync worker picks
/// retried writes up at its next look (call SyncWorker::wake to make it now).

#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "services/contract/messages/customer.h"
#include "services/contract/messages/order.h"

#include <functional>
#include <map>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// A refused write and what it was about.
struct SyncProblem
{
    store::SyncError error;
    std::string kind;     ///< order | payment | customer | cancel (the write's subject)
    std::string local_id; ///< the local record it changes
    std::map<std::string, std::string> params;
    std::optional<store::LocalOrder> order;  ///< for an order or a cancellation
    std::vector<std::string> waiting_orders; ///< for a customer opened offline: its orders not yet sent
};

/// Why a step on the queue was not taken: E_SYNC_ERROR_UNKNOWN {errorId} (no open error with that id: resolved
/// already, perhaps at another window), E_SYNC_ERROR_KIND {errorId, kind} (an edit that does not fit the write).
struct SyncDeskRefusal
{
    std::string code;
    std::map<std::string, std::string> params;
};

class SyncErrorDesk
{
public:
    SyncErrorDesk(soci::session& sql, std::string staff, std::function<store::UtcTime()> clock = {});

    /// The open errors, oldest first.
    [[nodiscard]] std::vector<SyncProblem> list() const;

    /// Sends the write again as it was, under a new key. Returns the new write's outbox id.
    std::variant<std::int64_t, SyncDeskRefusal> retry(std::int64_t error_id);
    /// Sends a refused order again with a corrected draft (its externalId and customer stay the order's).
    std::variant<std::int64_t, SyncDeskRefusal> edit_order(std::int64_t error_id, contract::OrderDraft draft);
    /// Sends a refused customer creation or update again with corrected details.
    std::variant<std::int64_t, SyncDeskRefusal> edit_customer(std::int64_t error_id, contract::CustomerRecord customer);
    /// Gives up on the write and on what depended on it.
    std::optional<SyncDeskRefusal> discard(std::int64_t error_id);

private:
    [[nodiscard]] store::UtcTime now() const;
    [[nodiscard]] std::optional<SyncProblem> open_problem(std::int64_t error_id) const;
    std::variant<std::int64_t, SyncDeskRefusal> send_again(const SyncProblem& problem, const std::string& body,
                                                           const char* audit_action);

    soci::session& m_sql;
    std::string m_staff;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
