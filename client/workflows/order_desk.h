#pragma once
/// Accepting an order at the counter: the order, the money taken for it and the write that tells the back office
/// are recorded in one transaction, so after a crash either all of it exists or none of it does. The order is
/// provisional until the sync worker has the back office's answer; the money waits for the order's number.

#include "client/store/order_store.h"
#include "domain/money.h"
#include "services/contract/messages/order.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>

namespace workflows {

struct PaymentTaken
{
    domain::Money amount;
    std::string method = "cash"; ///< cash | card | wechat | alipay
};

struct AcceptedOrder
{
    std::string local_id; ///< also the order's externalId and its write's idempotency key
    std::optional<std::string> payment_local_id;
};

class OrderDesk
{
public:
    /// `workstation_id` prefixes every id made here, so two counters never make the same one.
    OrderDesk(soci::session& sql, std::string workstation_id, std::function<store::UtcTime()> clock = {});

    /// Records `draft` (its externalId is set here) for `staff`, with the payment if money was taken, and queues it.
    AcceptedOrder accept(const std::string& staff, contract::OrderDraft draft,
                         const std::optional<PaymentTaken>& payment = std::nullopt);

    /// Queues the cancellation (撤单) of an order the back office has numbered.
    void cancel(const std::string& staff, const std::string& local_id, const std::string& reason);

    /// A fresh id: "<workstation>-<32 hex>".
    [[nodiscard]] std::string new_id() const;

private:
    [[nodiscard]] store::UtcTime now() const;

    soci::session& m_sql;
    std::string m_workstation;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
