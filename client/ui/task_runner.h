#pragma once
/// One worker thread that runs the screens' interactive back-office calls (start the training back office, sign in,
/// change password) one after another, so the UI thread never waits for the network. Its thread is joined on
/// destruction; tasks still queued then are dropped.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace ui {

class TaskRunner
{
public:
    TaskRunner();
    /// Drops queued tasks and waits for the one running.
    ~TaskRunner();
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;

    void post(std::function<void()> task);

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ui
