#pragma once
/// 同步异常 as a screen needs it: the refused writes waiting for the clerk, each with the money that discarding it
/// would hand back (the payments taken for its orders, or the payment itself), and the steps the clerk takes — send
/// again, send again with another number (an order) or another name (a customer), or give it up. The rules live in
/// SyncErrorDesk; this puts them together for the queue's page.

#include "client/workflows/sync/sync_error_desk.h"
#include "client/workflows/workstation/desk.h"
#include "domain/money.h"

#include <optional>
#include <string>
#include <vector>

namespace workflows {

/// A refused write as the queue lists it.
struct QueuedProblem
{
    SyncProblem problem;
    domain::Money money; ///< taken for it and still held: handed back if it is discarded
    /// Whether the clerk corrects it here: an order refused for its number, a customer refused for its name.
    bool editable_here = false;
};

struct SyncQueueView
{
    std::vector<QueuedProblem> rows;
    int pending = 0; ///< writes waiting in the outbox
};

class SyncQueue
{
public:
    explicit SyncQueue(Desk& desk) : m_desk(desk) {}

    /// The signed-in clerk's open problems and the outbox's count.
    SyncQueueView read();
    /// Sends the refused write again under a new key.
    std::optional<SyncDeskRefusal> retry(std::int64_t error_id);
    /// Gives the write up (and what waits for it); its money is no longer taken.
    std::optional<SyncDeskRefusal> discard(std::int64_t error_id);
    /// Sends a refused order again with `number` where it had `old_number` (its items and the service changed).
    std::optional<SyncDeskRefusal> resend_with_number(const SyncProblem& problem, const std::string& old_number,
                                                      const std::string& number);
    /// Sends a refused customer again under `name`.
    std::optional<SyncDeskRefusal> resend_with_name(const SyncProblem& problem, const std::string& name);

    /// The refused number of an order problem ({number}), empty when it was not refused for one.
    static std::string refused_number(const SyncProblem& problem);

private:
    [[nodiscard]] SyncErrorDesk desk() const;
    [[nodiscard]] domain::Money money_for(const SyncProblem& problem) const;

    Desk& m_desk;
};

} // namespace workflows
