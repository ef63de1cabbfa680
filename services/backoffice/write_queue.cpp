#include "services/backoffice/write_queue.h"

#include <exception>
#include <pthread.h>
#include <vector>

namespace backoffice {

WriteQueue::WriteQueue(soci::session& writer, std::function<Outcome(const std::string&)> on_error,
                       std::size_t max_batch)
    : m_sql(writer), m_on_error(std::move(on_error)), m_max_batch(max_batch), m_thread([this] { run(); })
{
}

WriteQueue::~WriteQueue()
{
    stop();
}

void WriteQueue::submit(Job job, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back({std::move(job), std::move(done)});
            m_wake.notify_one();
            return;
        }
    }
    done(m_on_error("the back office is shutting down"));
}

void WriteQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wake.notify_one();
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

std::size_t WriteQueue::batches() const
{
    std::lock_guard lock(m_mutex);
    return m_batches;
}

std::size_t WriteQueue::jobs() const
{
    std::lock_guard lock(m_mutex);
    return m_jobs;
}

void WriteQueue::run()
{
    pthread_setname_np(pthread_self(), "bo-writer"); // shows in top, perf and core dumps
    for (;;) {
        std::deque<Entry> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                return; // stopping, and everything queued before stop() has been written
            }
            while (!m_queue.empty() && batch.size() < m_max_batch) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        run_batch(batch);
    }
}

void WriteQueue::run_batch(std::deque<Entry>& batch)
{
    std::vector<Outcome> outcomes;
    outcomes.reserve(batch.size());
    try {
        // The savepoint statements run twice per write: prepared once where the database can (PostgreSQL cannot
        // prepare SAVEPOINT, and SOCI prepares server-side there).
        if (!m_savepoint && m_sql.get_backend_name() == "sqlite3") {
            m_savepoint = std::make_unique<soci::statement>(m_sql.prepare << "SAVEPOINT job");
            m_release = std::make_unique<soci::statement>(m_sql.prepare << "RELEASE SAVEPOINT job");
            m_rollback = std::make_unique<soci::statement>(m_sql.prepare << "ROLLBACK TO SAVEPOINT job");
        }
        m_sql.begin();
        for (auto& entry : batch) {
            m_savepoint ? void(m_savepoint->execute(true)) : void(m_sql << "SAVEPOINT job");
            Outcome outcome;
            try {
                outcome = entry.job(m_sql);
            } catch (const std::exception& e) {
                outcome = m_on_error(e.what());
                outcome.keep = false;
            }
            if (!outcome.keep) {
                m_rollback ? void(m_rollback->execute(true)) : void(m_sql << "ROLLBACK TO SAVEPOINT job");
            }
            m_release ? void(m_release->execute(true)) : void(m_sql << "RELEASE SAVEPOINT job");
            outcomes.push_back(std::move(outcome));
        }
        m_sql.commit();
    } catch (const std::exception& e) {
        try {
            m_sql.rollback();
        } catch (const std::exception&) {
            // The connection is already out of its transaction; nothing more to undo.
        }
        const auto failed = m_on_error(std::string("commit failed: ") + e.what());
        outcomes.assign(batch.size(), failed);
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_batches;
        m_jobs += batch.size();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i].done(std::move(outcomes[i]));
    }
}

} // namespace backoffice
