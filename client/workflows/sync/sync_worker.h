#pragma once
/// Sends the outbox to the back office, off any UI thread: a few sender threads, each with its own connection and
/// its own connection to the cache, take the writes that are due (oldest first; writes on one subject in order, one
/// at a time), send them with their keys, and record each answer with its local effects in one transaction. No
/// answer (transport, time-out, 5xx) → the write waits and is sent again with the same key; a refusal → the sync
/// error queue; an expired session → everything waits until the clerk signs in again. Nothing here blocks the
/// caller: status changes are reported to a listener, on a worker thread.

#include "client/store/outbox.h"
#include "client/store/utc_text.h"
#include "client/workflows/sync/write_dispatch.h"
#include "services/bssclient/bss_client.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <soci/soci.h>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace workflows {

struct SyncStatus
{
    enum class Link
    {
        idle,       ///< signed in, nothing to send (or everything sent)
        sending,    ///< writes in flight
        offline,    ///< the back office does not answer; writes wait and are retried
        signed_out, ///< no session (or it expired): writes wait for the clerk
    };
    Link link = Link::signed_out;
    int pending = 0;          ///< writes queued, all clerks
    int errors = 0;           ///< refused writes waiting for the clerk
    std::string last_problem; ///< code of the last failure (E_TIMEOUT, E_TRANSPORT, E_SESSION…)
};

struct SyncWorkerOptions
{
    int senders = 4;
    std::chrono::milliseconds first_retry{1000};
    std::chrono::milliseconds max_retry{60000};
    std::chrono::milliseconds idle_poll{1000}; ///< how often an idle worker looks for due retries
    std::function<store::UtcTime()> clock;     ///< now (UTC); the system clock when empty
};

class SyncWorker
{
public:
    using Listener = std::function<void(const SyncStatus&)>;

    SyncWorker(std::filesystem::path database, bss::ClientOptions client, Listener listener = {},
               SyncWorkerOptions options = {});
    /// Stops and joins (a call in flight is cancelled; its write stays queued with its key).
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    void stop();
    /// Sends `staff`'s writes with this session token from now on.
    void sign_in(const std::string& staff, const std::string& token);
    void sign_out();
    /// Something was queued: look now rather than at the next poll.
    void wake();
    /// Waits until no write of the signed-in clerk is due or in flight (or `timeout`); true when drained.
    bool wait_drained(std::chrono::milliseconds timeout);
    [[nodiscard]] SyncStatus status() const;

private:
    struct Claim
    {
        store::OutboxItem item;
        std::string staff;
        std::string token;
    };

    /// A write sent, with what came back, waiting to be written down.
    struct Outcome
    {
        store::OutboxItem item;
        std::variant<SentWrite, bss::CallError> sent;
        store::UtcTime at;
    };

    /// A connection to the cache for a worker thread; none once stopping.
    std::unique_ptr<soci::session> open_cache();
    void run_sender(int index);
    void run_recorder();
    void record(soci::session& sql, const Outcome& outcome, std::optional<SyncStatus::Link>& link,
                std::string& problem);
    /// The next due write nobody else is sending, or none. Writes are fetched a few dozen at a time into a ready
    /// queue shared by the senders (claimed as they are fetched), rather than one query per write per sender.
    std::optional<Claim> claim(soci::session& sql);
    void release(std::int64_t id);
    /// Forgets the fetched writes nobody has taken yet (the session changed); they stay pending on disk.
    void drop_ready_locked();
    void report(soci::session& sql, std::optional<SyncStatus::Link> link, const std::string& problem);
    [[nodiscard]] store::UtcTime now() const;
    [[nodiscard]] std::chrono::milliseconds retry_delay(int attempts) const;

    std::filesystem::path m_database;
    bss::ClientOptions m_client;
    Listener m_listener;
    SyncWorkerOptions m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    bool m_stopping = false;
    std::uint64_t m_wakes = 0;       ///< bumped by wake() and sign_in(): idle senders look again
    std::uint64_t m_idle_rounds = 0; ///< bumped when a sender finds nothing due and nothing in flight
    std::string m_staff;
    std::string m_token;
    std::set<std::int64_t> m_in_flight; ///< claimed: in the ready queue, being sent, or waiting to be recorded
    std::deque<store::OutboxItem> m_ready;
    std::mutex m_fetch_mutex; ///< one fetch at a time: the other senders take what it fetched
    /// Recorded since the last fetch began: its query may have read them as pending, but they are not to be claimed.
    std::set<std::int64_t> m_settled_since_fetch;
    SyncStatus m_status;
    std::chrono::steady_clock::time_point m_last_report{};
    std::vector<std::thread> m_threads;
    std::condition_variable m_record;
    std::vector<Outcome> m_outcomes;
    bool m_recorder_stopping = false;
    std::thread m_recorder;
    std::vector<bss::BssClient*> m_clients; ///< for cancel() on stop; owned by their threads
};

} // namespace workflows
