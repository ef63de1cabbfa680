#include "client/workflows/sync/sync_worker.h"

#include "client/store/database.h"
#include "client/store/outbox.h"
#include "client/store/write_transaction.h"
#include "client/workflows/sync/write_dispatch.h"
#include "client/workflows/sync/write_effects.h"

#include <algorithm>
#include <random>

namespace workflows {
namespace {

constexpr std::size_t kMaxBatch = 32;

std::string fault_params(const bss::CallError& error)
{
    std::string params;
    for (const auto& [name, value] : error.fault.params) {
        params.append(name).append("=").append(value).append("\n");
    }
    return params;
}

/// Whether the write must wait and go again with its key (no final answer), rather than be refused.
bool must_retry(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::malformed) {
        // Garbage from the network is not an answer: the write may have happened; asking again with the same key
        // gets the first answer. Only a write this program cannot send at all (no HTTP exchange) is refused.
        return error.http_status != 0;
    }
    return error.retryable() || error.outcome_unknown();
}

} // namespace

SyncWorker::SyncWorker(std::filesystem::path database, bss::ClientOptions client, Listener listener,
                       SyncWorkerOptions options)
    : m_database(std::move(database)), m_client(std::move(client)), m_listener(std::move(listener)),
      m_options(std::move(options))
{
    m_options.senders = std::max(1, m_options.senders);
}

SyncWorker::~SyncWorker()
{
    stop();
}

void SyncWorker::start()
{
    const std::lock_guard lock(m_mutex);
    if (!m_threads.empty()) {
        return;
    }
    m_stopping = false;
    m_clients.assign(static_cast<std::size_t>(m_options.senders), nullptr);
    m_recorder_stopping = false;
    m_recorder = std::thread([this] { run_recorder(); });
    for (int i = 0; i < m_options.senders; ++i) {
        m_threads.emplace_back([this, i] { run_sender(i); });
    }
}

void SyncWorker::stop()
{
    std::vector<std::thread> threads;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (auto* client : m_clients) {
            if (client != nullptr) {
                client->cancel();
            }
        }
        threads.swap(m_threads);
    }
    m_wake.notify_all();
    for (auto& thread : threads) {
        thread.join();
    }
    // The senders are gone; the recorder writes down what they had sent, then ends.
    {
        const std::lock_guard lock(m_mutex);
        m_recorder_stopping = true;
    }
    m_record.notify_all();
    if (m_recorder.joinable()) {
        m_recorder.join();
    }
}

void SyncWorker::sign_in(const std::string& staff, const std::string& token)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_staff != staff || m_token != token) {
            drop_ready_locked();
        }
        m_staff = staff;
        m_token = token;
        ++m_wakes;
        m_status.link = SyncStatus::Link::sending;
    }
    m_wake.notify_all();
}

void SyncWorker::sign_out()
{
    const std::lock_guard lock(m_mutex);
    drop_ready_locked();
    m_staff.clear();
    m_token.clear();
    m_status.link = SyncStatus::Link::signed_out;
}

void SyncWorker::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_wakes;
    }
    m_wake.notify_all();
}

bool SyncWorker::wait_drained(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    // A sender that found nothing due after this call began, with nothing in flight, has seen the queue drained.
    const auto start = m_idle_rounds;
    return m_drained.wait_for(lock, timeout, [&] { return m_idle_rounds > start; });
}

SyncStatus SyncWorker::status() const
{
    const std::lock_guard lock(m_mutex);
    return m_status;
}

store::UtcTime SyncWorker::now() const
{
    return m_options.clock ? m_options.clock()
                           : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::chrono::milliseconds SyncWorker::retry_delay(int attempts) const
{
    // Doubling from first_retry up to max_retry, with ±25 % jitter so many counters coming back online after an
    // outage do not all knock at once.
    const auto doublings = std::min(attempts, 16);
    const auto delay =
        std::min<std::chrono::milliseconds>(m_options.first_retry * (1LL << doublings), m_options.max_retry);
    thread_local std::mt19937 random{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.75, 1.25);
    return std::chrono::milliseconds(static_cast<long long>(static_cast<double>(delay.count()) * jitter(random)));
}

std::optional<SyncWorker::Claim> SyncWorker::claim(soci::session& sql)
{
    const std::lock_guard fetching(m_fetch_mutex);
    std::string staff;
    std::string token;
    {
        const std::lock_guard lock(m_mutex);
        staff = m_staff;
        token = m_token;
        if (staff.empty() || token.empty()) {
            return std::nullopt;
        }
        if (!m_ready.empty()) {
            Claim claim{std::move(m_ready.front()), staff, token};
            m_ready.pop_front();
            return claim;
        }
        m_settled_since_fetch.clear();
    }
    // Each fetched write is claimed at once: it cannot be fetched again until it is recorded, and by then it is
    // no longer pending, so a write is never sent twice at the same time.
    std::vector<store::OutboxItem> due;
    try {
        due = store::Outbox(sql).due(staff, now(), m_options.senders * 4);
    } catch (const std::exception&) {
        return std::nullopt; // the cache is busy or failing: look again at the next round
    }
    const std::lock_guard lock(m_mutex);
    if (m_staff != staff || m_token != token) {
        return std::nullopt; // signed out or in as someone else meanwhile: fetch again for the new session
    }
    for (auto& item : due) {
        // A write whose answer was recorded while the query ran was read as pending but is no longer in flight:
        // without this it would be claimed and sent a second time.
        if (m_settled_since_fetch.contains(item.id)) {
            continue;
        }
        if (m_in_flight.insert(item.id).second) {
            m_ready.push_back(std::move(item));
        }
    }
    if (m_ready.empty()) {
        return std::nullopt;
    }
    Claim claim{std::move(m_ready.front()), staff, token};
    m_ready.pop_front();
    return claim;
}

void SyncWorker::drop_ready_locked()
{
    for (const auto& item : m_ready) {
        m_in_flight.erase(item.id);
    }
    m_ready.clear();
}

void SyncWorker::release(std::int64_t id)
{
    const std::lock_guard lock(m_mutex);
    m_in_flight.erase(id);
}

void SyncWorker::report(soci::session& sql, std::optional<SyncStatus::Link> link, const std::string& problem)
{
    SyncStatus status;
    {
        const std::lock_guard lock(m_mutex);
        const bool changed = (link && *link != m_status.link) || (!problem.empty() && problem != m_status.last_problem);
        const auto at = std::chrono::steady_clock::now();
        // Counting is cheap but not free: while thousands of writes stream out, a few reports a second are enough.
        if (!changed && at - m_last_report < std::chrono::milliseconds(250)) {
            return;
        }
        m_last_report = at;
        if (link) {
            m_status.link = *link;
        }
        if (!problem.empty()) {
            m_status.last_problem = problem;
        }
        m_status.pending = store::Outbox(sql).pending_count();
        m_status.errors = store::Outbox(sql).open_error_count();
        status = m_status;
    }
    if (m_listener) {
        m_listener(status);
    }
}

std::unique_ptr<soci::session> SyncWorker::open_cache()
{
    // An exception leaving a worker thread would end the program: a cache that cannot be opened (locked by another
    // program, disk full) is reported and tried again until it opens or the worker stops.
    for (;;) {
        try {
            return store::open_database(m_database);
        } catch (const std::exception&) {
            std::unique_lock lock(m_mutex);
            m_status.last_problem = "E_STORE";
            if (m_stopping || m_recorder_stopping) {
                return nullptr;
            }
            m_wake.wait_for(lock, m_options.idle_poll, [&] { return m_stopping || m_recorder_stopping; });
        }
    }
}

void SyncWorker::run_sender(int index)
{
    auto sql = open_cache();
    if (!sql) {
        return;
    }
    bss::BssClient client(m_client);
    {
        const std::lock_guard lock(m_mutex);
        m_clients[static_cast<std::size_t>(index)] = &client;
        if (m_stopping) {
            client.cancel();
        }
    }
    for (;;) {
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopping) {
                break;
            }
        }
        auto claim = this->claim(*sql);
        if (!claim) {
            bool signed_in = false;
            {
                const std::lock_guard lock(m_mutex);
                signed_in = !m_token.empty();
                if (signed_in && m_in_flight.empty() && m_status.link == SyncStatus::Link::sending) {
                    m_status.link = SyncStatus::Link::idle;
                    m_last_report = {}; // the final figures are always reported
                }
            }
            if (signed_in) {
                report(*sql, std::nullopt, {});
            }
            std::unique_lock lock(m_mutex);
            if (m_in_flight.empty()) {
                ++m_idle_rounds;
                m_drained.notify_all();
            }
            const auto woken = m_wakes;
            m_wake.wait_for(lock, m_options.idle_poll, [&] { return m_stopping || m_wakes != woken; });
            continue;
        }
        auto& item = claim->item;
        client.set_session_token(claim->token);
        auto sent = send_write(client, item);
        if (const auto* error = std::get_if<bss::CallError>(&sent)) {
            if (error->cancelled) {
                release(item.id);
                break;
            }
            if (error->kind == bss::FailureKind::fault && error->code() == "E_SESSION") {
                // The session ended: the write waits, unchanged, for the clerk to sign in again.
                {
                    const std::lock_guard lock(m_mutex);
                    if (m_token == claim->token) {
                        m_token.clear();
                        drop_ready_locked();
                    }
                }
                release(item.id);
                report(*sql, SyncStatus::Link::signed_out, error->code());
                continue;
            }
        }
        // The recorder writes the answer down (with others, in one transaction) and only then lets the write's
        // subject move on; until then the write stays claimed here and pending on disk, so a crash resends it
        // with its key and gets the same answer.
        {
            const std::lock_guard lock(m_mutex);
            m_outcomes.push_back({std::move(item), std::move(sent), now()});
        }
        m_record.notify_one();
    }
    const std::lock_guard lock(m_mutex);
    m_clients[static_cast<std::size_t>(index)] = nullptr;
}

void SyncWorker::record(soci::session& sql, const Outcome& outcome, std::optional<SyncStatus::Link>& link,
                        std::string& problem)
{
    store::Outbox outbox(sql);
    const auto& item = outcome.item;
    if (const auto* sent = std::get_if<SentWrite>(&outcome.sent)) {
        // A write answered twice (it cannot be, but the cache is the record) has its effects applied once.
        if (outbox.mark_done(item.id, sent->response)) {
            apply_accepted(sql, item, *sent, outcome.at);
        }
        if (!link) {
            link = SyncStatus::Link::sending;
        }
        return;
    }
    const auto& error = std::get<bss::CallError>(outcome.sent);
    problem = error.code();
    if (must_retry(error)) {
        outbox.mark_retry(item.id, error.code(),
                          outcome.at + std::chrono::ceil<std::chrono::seconds>(retry_delay(item.attempts)));
        link = SyncStatus::Link::offline;
        return;
    }
    if (outbox.mark_rejected(item.id, error.code(), fault_params(error), outcome.at)) {
        apply_refused(sql, item, error.code(), outcome.at);
    }
}

void SyncWorker::run_recorder()
{
    auto sql = open_cache();
    if (!sql) {
        return;
    }
    for (;;) {
        std::vector<Outcome> batch;
        {
            std::unique_lock lock(m_mutex);
            m_record.wait(lock, [this] { return m_recorder_stopping || !m_outcomes.empty(); });
            if (m_outcomes.empty()) {
                break; // stopping, and everything sent has been written down
            }
            // Bounded, so the write lock is never held long enough to keep a clerk's own save waiting.
            const auto take = std::min<std::size_t>(m_outcomes.size(), kMaxBatch);
            batch.assign(std::make_move_iterator(m_outcomes.begin()),
                         std::make_move_iterator(m_outcomes.begin() + static_cast<std::ptrdiff_t>(take)));
            m_outcomes.erase(m_outcomes.begin(), m_outcomes.begin() + static_cast<std::ptrdiff_t>(take));
        }
        std::optional<SyncStatus::Link> link;
        std::string problem;
        try {
            // One commit (one fsync) for every answer that arrived meanwhile: the cache's disk, not the network,
            // would otherwise set the pace.
            store::WriteTransaction tx(*sql);
            for (const auto& outcome : batch) {
                record(*sql, outcome, link, problem);
            }
            tx.commit();
        } catch (const std::exception&) {
            // Nothing of the batch was written: its writes stay pending with their keys and go again.
            problem = "E_STORE";
        }
        bool settled = false;
        {
            const std::lock_guard lock(m_mutex);
            for (const auto& outcome : batch) {
                m_in_flight.erase(outcome.item.id);
                m_settled_since_fetch.insert(outcome.item.id);
            }
            settled = m_in_flight.empty() && m_outcomes.empty();
            if (settled) {
                m_last_report = {}; // the figures after the last answer are always reported
            }
        }
        m_wake.notify_all();
        report(*sql, link, problem);
    }
}

} // namespace workflows
