#pragma once
/// Accepting an order at the counter: the order, the money taken for it and the write that tells the back office
/// are recorded in one transaction, so after a crash either all of it exists or none of it does. The order is
/// provisional until the sync worker has the back office's answer; the money waits for the order's number. An order
/// for a customer opened offline (still provisional in the cache) cannot name its customer yet: it waits as
/// "awaitingCustomer", unqueued, until the customer's creation is accepted (see write_effects).

#include "client/store/order_store.h"
#include "client/workflows/workstation/desk.h"
#include "domain/money.h"
#include "domain/payment_method.h"
#include "services/contract/messages/order.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>

namespace workflows {

struct PaymentTaken
{
    domain::Money amount;
    domain::Tender method = domain::Tender::cash;
};

struct AcceptedOrder
{
    std::string local_id; ///< also the order's externalId and its write's idempotency key
    std::optional<std::string> payment_local_id;
    bool awaiting_customer = false; ///< not queued yet: its customer has no back-office id
};

/// The state of an order kept back until its provisional customer has been created at the back office.
inline constexpr const char* kAwaitingCustomer = "awaitingCustomer";

class OrderDesk
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit OrderDesk(Desk& desk);
    /// `workstation_id` prefixes every id made here, so two counters never make the same one.
    OrderDesk(soci::session& sql, std::string workstation_id, std::function<store::UtcTime()> clock = {});

    /// Records `draft` (its externalId is set here) for `staff`, with the payment if money was taken, and queues it;
    /// an order for a provisional customer is recorded awaitingCustomer and queued when the customer is created.
    AcceptedOrder accept(const std::string& staff, contract::OrderDraft draft,
                         const std::optional<PaymentTaken>& payment = std::nullopt);

    /// Accepts several orders (no money taken) in one transaction: a batch import is queued whole or not at all.
    std::vector<AcceptedOrder> accept_all(const std::string& staff, std::vector<contract::OrderDraft> drafts);

    /// Queues the cancellation (撤单) of an order the back office has numbered.
    void cancel(const std::string& staff, const std::string& local_id, const std::string& reason);

    /// A fresh id: "<workstation>-<32 hex>".
    [[nodiscard]] std::string new_id() const;
    /// The workstation's time (its clock, the system's unless one was given), which its records are stamped with.
    [[nodiscard]] store::UtcTime now() const;

private:
    /// accept() without its transaction.
    AcceptedOrder record(const std::string& staff, contract::OrderDraft draft,
                         const std::optional<PaymentTaken>& payment, store::UtcTime at);

    soci::session& m_sql;
    std::string m_workstation;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
