#pragma once
/// Group commit: one writer thread takes every write that is waiting, runs each in its own savepoint inside one
/// transaction, commits once (one fsync for the lot), and only then reports each outcome. A write that is refused
/// rolls back to its savepoint and leaves the others alone; a failed commit fails them all, so nothing is answered
/// as done that is not on disk. One writer also makes SQLite's single-writer rule a queue instead of lock waits.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <soci/soci.h>
#include <string>
#include <thread>

namespace backoffice {

/// What a write produced: the HTTP status and body to answer with, and whether its changes are kept.
struct Outcome
{
    unsigned status = 200;
    std::string body;
    bool keep = true;
};

class WriteQueue
{
public:
    using Job = std::function<Outcome(soci::session&)>;
    using Done = std::function<void(Outcome)>;

    /// `on_error` makes the answer for a job that threw or a commit that failed (it must not throw).
    WriteQueue(soci::session& writer, std::function<Outcome(const std::string& why)> on_error,
               std::size_t max_batch = 512);
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    /// Queues `job`; `done` is called from the writer thread after the batch holding it committed or failed.
    void submit(Job job, Done done);
    /// Finishes what is queued, then stops the thread. Later submits are answered with an error at once.
    void stop();

    /// Batches committed so far, and jobs in them: their ratio is the group-commit factor (for the benchmark).
    [[nodiscard]] std::size_t batches() const;
    [[nodiscard]] std::size_t jobs() const;

private:
    struct Entry
    {
        Job job;
        Done done;
    };
    void run();
    void run_batch(std::deque<Entry>& batch);

    soci::session& m_sql;
    std::function<Outcome(const std::string&)> m_on_error;
    std::size_t m_max_batch;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Entry> m_queue;
    bool m_stopping = false;
    std::size_t m_batches = 0;
    std::size_t m_jobs = 0;
    std::unique_ptr<soci::statement> m_savepoint; ///< prepared on the writer thread, used only there
    std::unique_ptr<soci::statement> m_release;
    std::unique_ptr<soci::statement> m_rollback;
    std::thread m_thread;
};

} // namespace backoffice
