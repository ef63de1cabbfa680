#pragma once
/// The durable outbox: the workstation's one path for writes to the back office. A write is added in the same
/// transaction as the local record it belongs to (the caller holds that transaction), with the idempotency key it
/// will be sent with on every attempt. The sync worker takes the oldest pending writes, sends them, and records the
/// answer; a refused write moves to the sync error queue, where the clerk retries (with a new key: the refusal was
/// final), edits, or discards it. Survives kill -9: every state change is one committed SQLite transaction.

#include "client/store/utc_text.h"

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace store {

/// A write to queue.
struct NewWrite
{
    std::string idem_key;  ///< unique; the back office answers a repeat with its first answer
    std::string operation; ///< the contract's operation name, e.g. "orderSubmit"
    std::string body;      ///< the encoded request
    std::string subject;   ///< what it changes locally, e.g. "order:<local id>"; writes on one subject keep order
    std::string staff;     ///< who accepted it: it is sent only in that clerk's session
};

struct OutboxItem
{
    std::int64_t id = 0;
    std::string idem_key;
    std::string operation;
    std::string body;
    std::string subject;
    std::string staff;
    std::string state; ///< pending | done | rejected | discarded
    int attempts = 0;
    std::string created_at;
    std::string next_attempt_at;
    std::string last_error;
};

/// A refused write waiting for the clerk.
struct SyncError
{
    std::int64_t id = 0;
    std::int64_t outbox_id = 0;
    std::string operation;
    std::string subject;
    std::string code;   ///< the back office's result code, e.g. E_NUMBER_TAKEN
    std::string params; ///< "name=value" lines
    std::string at;
    std::string body; ///< the refused request, for editing
};

class Outbox
{
public:
    explicit Outbox(soci::session& sql) : m_sql(sql) {}

    /// Queues a write; call inside the transaction that records what it is about. Returns its id.
    std::int64_t add(const NewWrite& write, UtcTime now);

    /// Up to `limit` pending writes of `staff` that are due, oldest first, at most one per subject and none whose
    /// subject has an older pending write (so writes on one subject are sent in order, one at a time).
    [[nodiscard]] std::vector<OutboxItem> due(const std::string& staff, UtcTime now, int limit) const;

    /// The back office accepted it; `response` is its answer, kept for the record. False, and nothing changed,
    /// when the write was no longer pending (an answer already recorded): its effects must not be applied twice.
    [[nodiscard]] bool mark_done(std::int64_t id, const std::string& response);
    /// No answer yet (transport, time-out, 5xx): try again at `next_at` with the same key.
    void mark_retry(std::int64_t id, const std::string& error, UtcTime next_at);
    /// The back office refused it: moves it to the sync error queue. Returns the error's id, or none, and nothing
    /// changed, when the write was no longer pending (its answer already recorded: one refusal, one error).
    std::optional<std::int64_t> mark_rejected(std::int64_t id, const std::string& code, const std::string& params,
                                              UtcTime now);

    [[nodiscard]] std::optional<OutboxItem> find(std::int64_t id) const;
    [[nodiscard]] std::optional<OutboxItem> find_by_key(const std::string& idem_key) const;
    /// Pending writes (all clerks), oldest first.
    [[nodiscard]] std::vector<OutboxItem> pending(int limit) const;
    [[nodiscard]] int pending_count() const;

    [[nodiscard]] std::vector<SyncError> open_errors() const;
    [[nodiscard]] int open_error_count() const;
    [[nodiscard]] std::optional<SyncError> find_error(std::int64_t error_id) const;
    /// Sends a refused write again, possibly edited (`body`), under a new key. Returns the new outbox id. Call
    /// this and discard() inside a transaction with the local record they change.
    std::int64_t retry(std::int64_t error_id, const std::string& new_key, const std::string& body, UtcTime now);
    /// The clerk gave up on a refused write.
    void discard(std::int64_t error_id, UtcTime now);

private:
    soci::session& m_sql;
};

} // namespace store
