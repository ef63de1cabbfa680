#pragma once
/// Ties callbacks from worker threads to a window's lifetime: a window holds a Lifetime, hands out guarded
/// callbacks, and when the window is destroyed those callbacks become no-ops. The flag is only read and written on
/// the UI thread (callbacks arrive there through CallAfter); worker threads merely copy the shared pointer.

#include <functional>
#include <memory>
#include <utility>
#include <wx/app.h>

namespace ui {

class Lifetime
{
public:
    Lifetime() = default;
    ~Lifetime() { *m_alive = false; }
    Lifetime(const Lifetime&) = delete;
    Lifetime& operator=(const Lifetime&) = delete;

    /// `callback`, run only while the owner lives.
    template <typename... Args> std::function<void(Args...)> guard(std::function<void(Args...)> callback) const
    {
        return [alive = m_alive, callback = std::move(callback)](Args... args) {
            if (*alive) {
                callback(std::forward<Args>(args)...);
            }
        };
    }

private:
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

/// Runs `work` on the UI thread at the next turn of the event loop; safe from any thread.
inline void on_ui_thread(const std::function<void()>& work)
{
    if (wxTheApp != nullptr) {
        wxTheApp->CallAfter(work);
    }
}

} // namespace ui
