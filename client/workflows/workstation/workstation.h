#pragma once
/// The workstation, headless: everything the screens share while it runs. It owns the local cache (the
/// workstation's own, and training's), the back office's address and the client options made from it, the signed-in
/// clerk, the one policy for a session the back office has ended, the sync worker sending the outbox, the ID-card
/// reader service, and what each screen's desk is given (DeskServices). It draws nothing and knows no UI thread: its
/// blocking calls run on whatever worker thread the caller chooses, and its events come on the threads that raise
/// them, so the UI's adapter (ui::Session) posts them to the UI thread. Tested without a display.
///
/// **An expired session** (E_SESSION on any call of any desk): every client the workstation hands out asks it for a
/// new token and sends the call once more. The workstation signs in again once for all of them — with the trainee's
/// stored login in training mode, otherwise by asking the clerk for their password through the prompt the UI
/// installed — and gives the sync worker the new token too. A clerk who declines (or types a wrong password) is not
/// asked again for that session: the calls return E_SESSION, which every screen words the same way.

#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/desk.h"
#include "client/workflows/workstation/session_keeper.h"
#include "client/workflows/workstation/sign_in.h"
#include "idcard/reader_service.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>

namespace workflows {

/// Where the back office is and how to trust it.
struct BackOfficeLink
{
    std::string url;
    std::filesystem::path ca_file;
    std::filesystem::path client_cert;
    std::filesystem::path client_key;
    bool allow_loopback_http = false;
};

/// The demo login a trainee is shown on the login screen (and signed in again with when the session ends).
struct TrainingLogin
{
    std::string staff_id;
    std::string password;
};

/// The reader as the status bar shows it.
enum class ReaderState
{
    none,
    connecting,
    connected,
    unplugged
};

class Workstation
{
public:
    using SignInResult = std::variant<StaffSession, CallError>;
    /// Asks the clerk `staff_id` for their password after the back office ended their session; nothing when they
    /// decline or `cancelled()` turns true (the screen that asked is closing). Called on a desk's worker thread.
    using PasswordPrompt = SessionKeeper::PasswordPrompt;
    using ReaderListener = std::function<void(ReaderState)>;
    using CardListener = std::function<void(const idcard::ReaderEvent&)>;

    /// Opens (or creates) the cache in `data_dir`/cache.db and the settings in `config_dir`/settings.db; with no
    /// config folder (or the same one) the settings live in the cache, as they did before they had a folder of
    /// their own. Settings an older workstation kept in its cache are adopted on the first start. Throws what
    /// store::open_database throws.
    explicit Workstation(std::filesystem::path data_dir, const std::filesystem::path& config_dir = {});
    /// Stops the reader and the sync worker.
    ~Workstation();
    Workstation(const Workstation&) = delete;
    Workstation& operator=(const Workstation&) = delete;

    [[nodiscard]] const std::filesystem::path& data_dir() const { return m_data_dir; }
    /// Where the form templates are (the UI finds them beside the program).
    void set_forms_folder(std::filesystem::path folder) { m_forms_folder = std::move(folder); }

    // What the workstation's settings say (read from its own cache). On the thread that made the workstation.
    /// The configured back office, or nothing: then the workstation runs in training mode.
    [[nodiscard]] std::optional<BackOfficeLink> configured_link() const;
    /// The reader's address (a serial device or "sdk:<library>[@port]", see idcard/reader_address.h); empty when
    /// none is set.
    [[nodiscard]] std::string configured_reader() const;
    /// The interface language chosen on the settings page ("zh_CN", "en"); empty to follow the system.
    [[nodiscard]] std::string configured_language() const;
    /// Minutes without keyboard or mouse before the screen locks (setting ui.lock_minutes, 1–240, default 10).
    [[nodiscard]] int lock_minutes() const;

    /// Training mode: the work (orders, outbox) goes to a cache of its own in `cache_dir`, so that nothing practised
    /// is ever sent once a real back office is configured; the trainee's login signs them in again when their
    /// session ends. Before connect().
    void set_training(TrainingLogin login, const std::filesystem::path& cache_dir);
    [[nodiscard]] bool training() const { return m_training.has_value(); }
    [[nodiscard]] const std::optional<TrainingLogin>& training_login() const { return m_training; }

    /// Builds the client options for `link` and starts the sync worker, which reports to `sync_listener` (on its
    /// own threads). The endpoint's problem when the address is refused; then nothing started.
    std::optional<bss::EndpointError> connect(const BackOfficeLink& link,
                                              std::function<void(const SyncStatus&)> sync_listener);
    [[nodiscard]] bool connected() const;

    /// Signs in (blocking: on a worker thread). On success the clerk is this workstation's clerk, and the sync
    /// worker sends their writes.
    SignInResult sign_in(const std::string& staff_id, const std::string& password);
    /// Changes the signed-in clerk's password (blocking); nothing on success.
    std::optional<CallError> change_password(const std::string& old_password, const std::string& new_password);
    /// Signs the clerk out (blocking): the sync worker stops sending as them (their writes stay queued for their
    /// next sign-in) and the back office ends the session; not being able to tell it changes nothing here.
    void sign_out();
    /// The signed-in clerk (a copy: the token changes when the session is renewed).
    [[nodiscard]] std::optional<StaffSession> staff() const;
    /// Marks the signed-in clerk's password as changed (after change_password succeeded).
    void password_changed();

    /// The expired-session policy's question to the clerk (outside training mode). None installed: declined.
    void set_password_prompt(PasswordPrompt prompt);

    /// What a screen's desk is given: the cache the work goes to, a client signed in as the clerk with the
    /// expired-session policy installed (none before sign-in or without a back office), the clerk, folders, clock.
    [[nodiscard]] DeskServices desk_services() const;
    /// Something was queued: the sync worker looks now rather than at its next poll.
    void wake_sync();

    /// Starts the reader at `address` (idcard::open_reader's syntax); the listeners are called on the reader's
    /// thread. Replaces a reader already running.
    void start_reader(const std::string& address, const ReaderListener& state, const CardListener& card);

private:
    [[nodiscard]] soci::session& settings_sql() const { return m_sql ? *m_sql : *m_cache_sql; }

    std::filesystem::path m_data_dir;
    std::filesystem::path m_settings_file;         ///< settings.db in the config folder, or the cache itself
    std::filesystem::path m_cache;                 ///< where the work goes: the workstation's cache, or training's own
    std::unique_ptr<soci::session> m_cache_sql;    ///< the creating thread's own connection to the cache
    std::unique_ptr<soci::session> m_sql;          ///< and to settings.db, when the settings have a folder
    std::unique_ptr<soci::session> m_training_sql; ///< training's cache, held open while the workstation lives
    std::optional<TrainingLogin> m_training;
    std::string m_workstation_id;
    std::filesystem::path m_forms_folder;
    std::optional<bss::ClientOptions> m_client;
    std::unique_ptr<bss::BssClient> m_interactive; ///< sign-in, password change, sign-out: one caller thread at a time
    std::shared_ptr<SessionKeeper> m_keeper;       ///< made by connect(); shared with the clients handed out
    PasswordPrompt m_prompt;

    std::unique_ptr<SyncWorker> m_sync;
    std::unique_ptr<idcard::ReaderService> m_reader;
};

} // namespace workflows
