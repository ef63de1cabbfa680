#pragma once
/// The workstation as the screens see it: the headless workflows::Workstation (cache, back office, signed-in clerk
/// and its expired-session policy, sync worker, reader), with its blocking calls run on a worker thread and its
/// events posted to the UI thread, to whoever registered for them. It translates nothing but the connection's
/// problem and asks the clerk the expired-session question; everything else is the workstation's.

#include "client/ui/base/lifetime.h"
#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/workflows/workstation/workstation.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace ui {

using BackOfficeLink = workflows::BackOfficeLink;
using TrainingLogin = workflows::TrainingLogin;
using ReaderState = workflows::ReaderState;

class Session
{
public:
    /// Starts the back office (training) or only names it (configured); runs on a worker thread, throws on failure.
    using LinkSource = std::function<BackOfficeLink()>;
    using SignInResult = workflows::Workstation::SignInResult;

    /// Opens (or creates) the cache in `data_dir` and the settings in `config_dir` (see workflows::Workstation).
    /// Throws what the workstation throws.
    explicit Session(std::filesystem::path data_dir, const std::filesystem::path& config_dir = {});
    /// Stops the workstation (reader, sync worker), then the worker thread.
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] const std::filesystem::path& data_dir() const { return m_workstation.data_dir(); }
    /// The configured back office, or nothing: then the workstation runs in training mode.
    [[nodiscard]] std::optional<BackOfficeLink> configured_link() const { return m_workstation.configured_link(); }
    /// The reader's address from the settings (a serial device or "sdk:<library>[@port]"); empty when none is set.
    [[nodiscard]] std::string configured_reader() const { return m_workstation.configured_reader(); }
    /// The interface language chosen on the settings page ("zh_CN", "en"); empty to follow the system.
    [[nodiscard]] std::string configured_language() const { return m_workstation.configured_language(); }
    /// Minutes without keyboard or mouse before the screen locks.
    [[nodiscard]] int lock_minutes() const { return m_workstation.lock_minutes(); }

    /// Training mode: the clerk is shown `login`, and the work (orders, outbox) goes to a cache of its own in
    /// `cache_dir`. Before connect().
    void set_training(TrainingLogin login, const std::filesystem::path& cache_dir)
    {
        m_workstation.set_training(std::move(login), cache_dir);
    }
    [[nodiscard]] bool training() const { return m_workstation.training(); }
    [[nodiscard]] const std::optional<TrainingLogin>& training_login() const { return m_workstation.training_login(); }

    /// Runs `source` off the UI thread, then builds the client options and starts the sync worker. `done` runs on
    /// the UI thread with an empty string, or with the reason it failed (already translated for the clerk).
    void connect(LinkSource source, std::function<void(const wxString& problem)> done);
    [[nodiscard]] bool connected() const { return m_workstation.connected(); }
    /// Whether connect() is under way or done (a second login window must not start it again).
    [[nodiscard]] bool connecting() const { return m_connecting; }
    /// Runs `ready` (on the UI thread) once connect() has finished, at once if it has.
    void when_connected(std::function<void(const wxString& problem)> ready);

    /// Signs in off the UI thread; `done` runs on the UI thread. On success the clerk is this session's clerk and
    /// the sync worker sends their writes.
    void sign_in(const std::string& staff_id, const std::string& password,
                 const std::function<void(SignInResult)>& done);
    /// Changes the signed-in clerk's password off the UI thread; `done` gets nothing on success.
    void change_password(const std::string& old_password, const std::string& new_password,
                         const std::function<void(std::optional<workflows::CallError>)>& done);
    /// The signed-in clerk, as of sign-in (the UI thread's copy; the workstation renews the token behind it).
    [[nodiscard]] const std::optional<workflows::StaffSession>& staff() const { return m_staff; }
    /// Signs the clerk out: the sync worker stops sending as them (their writes stay queued for their next sign-in),
    /// the back office ends the session, and `done` runs on the UI thread with staff() empty.
    void sign_out(const std::function<void()>& done);

    /// The sync worker's status, on the UI thread, whenever it changes (one listener: the main frame).
    void on_sync_status(std::function<void(const workflows::SyncStatus&)> listener);
    [[nodiscard]] const workflows::SyncStatus& sync_status() const { return m_sync_status; }

    /// Starts the reader at `address` (a serial device or "sdk:<library>[@port]"); events arrive on the UI thread.
    void start_reader(const std::string& address);

    /// What a business page needs: the cache work goes to (training's own in training mode), a client signed in as
    /// the clerk (none before sign-in or without a back office), the clerk and this workstation's id.
    [[nodiscard]] PageServices page_services() const;
    /// How the expired-session policy asks the clerk for their password: the standard dialog when not set (tests
    /// install an answering fake). Called on the UI thread.
    void set_password_question(std::function<std::optional<wxString>(const wxString& staff_id)> ask);
    /// Something was queued: the sync worker looks now rather than at its next poll.
    void wake_sync();
    void on_reader_state(std::function<void(ReaderState)> listener);
    [[nodiscard]] ReaderState reader_state() const { return m_reader_state; }
    /// Cards placed, read (with their verification), removed and read errors, on the UI thread. One listener: the
    /// main frame, which hands them to the open page.
    void on_card(std::function<void(const idcard::ReaderEvent&)> listener);

    /// Training mode: how to put a sample card (a key of idcard::sample_deck) on the simulated reader, or take it
    /// off (empty key). Set by the app; the frame offers the deck in its Training menu.
    void set_sample_cards(std::function<void(const std::string& key)> place) { m_sample_cards = std::move(place); }
    [[nodiscard]] bool has_sample_cards() const { return static_cast<bool>(m_sample_cards); }
    void place_sample_card(const std::string& key) const
    {
        if (m_sample_cards) {
            m_sample_cards(key);
        }
    }

private:
    void finish_connect(const BackOfficeLink& link);
    void set_reader_state(ReaderState state);
    /// The policy's question, from a desk's worker thread: asked on the UI thread, waited for here.
    std::optional<std::string> ask_password(const std::string& staff_id, const std::function<bool()>& cancelled);

    workflows::Workstation m_workstation;
    bool m_connecting = false;
    std::optional<wxString> m_connect_problem; ///< set once connect() finished: empty on success
    std::vector<std::function<void(const wxString&)>> m_when_connected;
    std::optional<workflows::StaffSession> m_staff;
    workflows::SyncStatus m_sync_status;
    std::function<void(const workflows::SyncStatus&)> m_sync_listener;
    ReaderState m_reader_state = ReaderState::none;
    std::function<void(ReaderState)> m_reader_listener;
    std::function<void(const idcard::ReaderEvent&)> m_card_listener;
    std::function<void(const std::string&)> m_sample_cards;
    std::function<std::optional<wxString>(const wxString&)> m_password_question;
    Lifetime m_lifetime; ///< events from the workstation's threads are dropped once the session is gone
    PageWorker m_worker; ///< sign-in, password, sign-out; last member: joined first, while all it uses still exists
};

} // namespace ui
