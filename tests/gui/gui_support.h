#pragma once
/// What the GUI tests share: the catalogs, letting the event loop run until something is true, finding widgets by
/// name, and one training back office (TrainingMode, started once per run) that every
/// test's session connects to, as the workstation does.

#include "client/app/training_mode.h"
#include "client/ui/shell/language.h"
#include "client/ui/shell/session.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>
#include <wx/app.h>
#include <wx/stattext.h>
#include <wx/utils.h>
#include <wx/window.h>

namespace gui_testing {

/// Called by gui_main.cpp before main returns.
extern void (*before_exit)();

inline std::vector<wxString> locale_dirs()
{
    const char* dir = std::getenv("COUNTER_LOCALE_DIR");
    return {dir ? wxString::FromUTF8(dir) : wxString()};
}

/// Lets pending events run so windows are laid out and painted as a clerk would see them.
inline void settle(int rounds = 5)
{
    for (int i = 0; i < rounds; ++i) {
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    }
}

/// Runs the event loop until `done` or `timeout`; returns whether `done` became true.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) {
            return false;
        }
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    }
    return true;
}

template <typename T> T* find(wxWindow* root, const char* name)
{
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, root));
}

/// A label's text as one line (messages are wrapped at spaces to fit their window).
inline wxString label_of(wxWindow* root, const char* name)
{
    auto* text = find<wxStaticText>(root, name);
    wxString label = text ? text->GetLabel() : wxString();
    label.Replace("\n", " ");
    return label;
}

inline wxString zh(const char* utf8)
{
    return wxString::FromUTF8(utf8);
}

/// The run's training back office and simulated reader, started on first use (from the session's worker thread).
class SharedTraining
{
public:
    static SharedTraining& get()
    {
        static std::once_flag created;
        std::call_once(created, [] {
            instance().reset(new SharedTraining());
            before_exit = &shutdown;
        });
        return *instance();
    }

    /// Stops the back office (its writer and simulated installer threads) and the reader before main returns. Left
    /// to static destruction, it outlived a static of SOCI's SQLite backend, made later and so destroyed first,
    /// which the installer's query was still using (AddressSanitizer: heap-use-after-free at exit).
    static void shutdown() { instance().reset(); }

    ui::BackOfficeLink link()
    {
        std::call_once(m_started, [this] { m_link = m_training.start_back_office(); });
        return m_link;
    }

    /// The simulated reader's device (one per run).
    std::string reader()
    {
        std::call_once(m_reader_started, [this] { m_device = m_training.start_reader().value_or(std::string()); });
        return m_device;
    }

    /// Places the deck's card `key` on the simulated reader, or takes the card off (empty), as the Training menu does.
    void place_card(const std::string& key)
    {
        if (key.empty()) {
            m_training.cards().remove();
        } else {
            REQUIRE(m_training.cards().place(key));
        }
    }

private:
    SharedTraining() : m_training(m_dir.path()) {}
    static std::unique_ptr<SharedTraining>& instance()
    {
        static std::unique_ptr<SharedTraining> slot;
        return slot;
    }

    testing::TempDir m_dir{"counter-gui-training"};
    app::TrainingMode m_training;
    std::once_flag m_started;
    std::once_flag m_reader_started;
    ui::BackOfficeLink m_link;
    std::string m_device;
};

/// A workstation's session in a folder of its own, in training mode, connecting to the shared back office.
struct TrainingSession
{
    testing::TempDir dir{"counter-gui"};
    ui::Session session{dir.path()};

    TrainingSession()
    {
        session.set_training(app::TrainingMode::login(), dir.path() / "training");
        session.connect([] { return SharedTraining::get().link(); }, [](const wxString&) {});
    }

    /// Signs `staff` in without the login window (for the main frame's tests).
    void sign_in(const std::string& staff = "1001", const std::string& password = "Clerk#1001")
    {
        REQUIRE(wait_until([this] { return session.connected(); }));
        bool done = false;
        session.sign_in(staff, password, [&done](const ui::Session::SignInResult& result) {
            CHECK(std::holds_alternative<workflows::StaffSession>(result));
            done = true;
        });
        REQUIRE(wait_until([&done] { return done; }));
        REQUIRE(session.staff());
    }
};

} // namespace gui_testing
