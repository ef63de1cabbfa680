#pragma once
/// The one way a screen runs work off the UI thread. One worker thread per page (and one for the session's
/// sign-in calls): the workflow calls run there one after another (each with the page's own cache session, since
/// SQLite sessions stay on the thread that opened them), and their results come back to the UI thread through
/// CallAfter, dropped when the page is gone; closing the page cancels the call in flight (set_on_stop). Pages and
/// panels count their calls with run_counted (their busy()) and report a call that threw on their status line.

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <wx/app.h>
#include <wx/intl.h>
#include <wx/string.h>

namespace ui {

class PageWorker
{
public:
    PageWorker() : m_thread([this] { loop(); }) {}
    /// Drops queued tasks, runs `on_stop` (e.g. cancel a call in flight), and joins. On the UI thread.
    ~PageWorker()
    {
        *m_alive = false;
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_tasks.clear();
        }
        if (m_on_stop) {
            m_on_stop();
        }
        m_wake.notify_all();
        m_thread.join();
    }
    PageWorker(const PageWorker&) = delete;
    PageWorker& operator=(const PageWorker&) = delete;

    /// Runs on the UI thread while the worker stops, before it is joined (from any thread's point of view: keep it
    /// thread-safe, like BssClient::cancel).
    void set_on_stop(std::function<void()> on_stop) { m_on_stop = std::move(on_stop); }

    /// Runs `work()` on the worker thread, then `done(result)` on the UI thread if the owner still lives; if `work`
    /// throws, `failed(what)` runs there instead.
    template <typename Work, typename Done>
    void run(Work work, Done done, std::function<void(const std::string&)> failed)
    {
        using Result = std::invoke_result_t<Work&>;
        post([alive = m_alive, work = std::move(work), done = std::move(done), failed = std::move(failed)]() mutable {
            std::shared_ptr<Result> result;
            std::string problem;
            try {
                result = std::make_shared<Result>(work());
            } catch (const std::exception& e) {
                problem = e.what();
            } catch (...) {
                problem = "unknown error";
            }
            if (wxTheApp == nullptr) {
                return;
            }
            wxTheApp->CallAfter([alive, done, failed, result, problem]() mutable {
                if (!*alive) {
                    return;
                }
                if (result) {
                    done(std::move(*result));
                } else if (failed) {
                    failed(problem);
                }
            });
        });
    }

    /// Tasks queued or running (UI thread's view: counts down when the task has finished on the worker).
    [[nodiscard]] bool busy() const
    {
        const std::lock_guard lock(m_mutex);
        return m_running || !m_tasks.empty();
    }

private:
    void post(std::function<void()> task)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_tasks.push_back(std::move(task));
        }
        m_wake.notify_one();
    }

    void loop()
    {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock lock(m_mutex);
                m_running = false;
                m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
                if (m_stopping) {
                    return;
                }
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
                m_running = true;
            }
            task();
        }
    }

    /// Read and written on the UI thread only (the destructor, and the CallAfter callbacks).
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    std::function<void()> m_on_stop;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    bool m_running = false;
    std::thread m_thread;
};

/// How every page and panel runs a call: counted in `pending` while under way (their busy()), `done` with the
/// result, a throw told as "Something went wrong: …" through `tell`. `alive` is the caller's own flag when it is a
/// panel sharing its page's worker (the worker's own guard covers the page); null for the page itself.
template <typename Work, typename Done, typename Tell>
void run_counted(PageWorker& worker, int& pending, const std::shared_ptr<bool>& alive, Work work, Done done, Tell tell)
{
    ++pending;
    worker.run(
        std::move(work),
        [&pending, alive, done = std::move(done)](auto result) mutable {
            if (alive && !*alive) {
                return;
            }
            --pending;
            done(std::move(result));
        },
        [&pending, alive, tell = std::move(tell)](const std::string& what) {
            if (alive && !*alive) {
                return;
            }
            --pending;
            tell(wxString::Format(_("Something went wrong: %s"), wxString::FromUTF8(what)));
        });
}

/// The calls of a panel that shares its page's worker (the install's steps, the line-change panels): counted while
/// under way (the panel's busy()), and dropped when they answer after the panel is gone, which its destruction marks.
class PanelTasks
{
public:
    /// `tell` says in the panel's message line that a call threw ("Something went wrong: …").
    PanelTasks(PageWorker& worker, std::function<void(const wxString&)> tell)
        : m_worker(worker), m_tell(std::move(tell))
    {
    }
    ~PanelTasks() { *m_alive = false; }
    PanelTasks(const PanelTasks&) = delete;
    PanelTasks& operator=(const PanelTasks&) = delete;

    template <typename Work, typename Done> void run(Work work, Done done)
    {
        run_counted(m_worker, m_pending, m_alive, std::move(work), std::move(done), m_tell);
    }
    [[nodiscard]] bool busy() const { return m_pending > 0; }
    /// The page's worker, for what the panel hands on or runs without waiting for.
    [[nodiscard]] PageWorker& worker() const { return m_worker; }

private:
    PageWorker& m_worker;
    std::function<void(const wxString&)> m_tell;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    int m_pending = 0;
};

} // namespace ui
