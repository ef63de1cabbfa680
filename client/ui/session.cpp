#include "client/ui/session.h"

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/ui/error_text.h"
#include "client/workflows/local_clock.h"
#include "idcard/serial_reader.h"

#include <algorithm>
#include <exception>
#include <wx/stdpaths.h>

namespace ui {

namespace {

constexpr int kDefaultLockMinutes = 10;

/// The form templates next to the binary: <prefix>/bin → <prefix>/share/counter/forms when installed,
/// build/<preset>/client/app → build/<preset>/share/counter/forms in the build tree.
std::filesystem::path installed_forms_folder()
{
    const std::filesystem::path exe(wxStandardPaths::Get().GetExecutablePath().utf8_string());
    std::error_code ec;
    for (const auto& candidate :
         {exe.parent_path() / "../share/counter/forms", exe.parent_path() / "../../share/counter/forms"}) {
        if (std::filesystem::is_directory(candidate, ec)) {
            return candidate.lexically_normal();
        }
    }
    return {};
}

} // namespace

Session::Session(std::filesystem::path data_dir) : m_data_dir(std::move(data_dir))
{
    std::filesystem::create_directories(m_data_dir);
    m_cache = m_data_dir / "cache.db";
    m_sql = store::open_database(m_cache);
}

Session::~Session()
{
    // The reader and the sender threads report through guarded callbacks; stop them before anything they use goes.
    if (m_reader) {
        m_reader->stop();
    }
    if (m_sync) {
        m_sync->stop();
    }
}

void Session::set_training(TrainingLogin login, const std::filesystem::path& cache_dir)
{
    m_training = std::move(login);
    std::filesystem::create_directories(cache_dir);
    m_cache = cache_dir / "cache.db";
    // Created and migrated now, on the UI thread, before the sync worker's connections open it; and kept open, so
    // the sender threads never race each other to recover the write-ahead log of a file nobody has open (SQLite
    // then answers "database is locked" to a connection setting WAL mode).
    m_training_sql = store::open_database(m_cache);
}

std::optional<BackOfficeLink> Session::configured_link() const
{
    store::Settings settings(*m_sql);
    BackOfficeLink link;
    link.url = settings.back_office_url();
    if (link.url.empty()) {
        return std::nullopt;
    }
    link.ca_file = settings.ca_file();
    link.client_cert = settings.client_cert();
    link.client_key = settings.client_key();
    link.allow_loopback_http = settings.allow_loopback_http();
    return link;
}

std::string Session::configured_reader_port() const
{
    auto port = store::Settings(*m_sql).reader_port();
    return port.starts_with("sdk:") ? std::string() : port;
}

std::string Session::configured_language() const
{
    return store::Settings(*m_sql).language();
}

int Session::lock_minutes() const
{
    const auto text = store::Settings(*m_sql).get("ui.lock_minutes");
    if (!text) {
        return kDefaultLockMinutes;
    }
    try {
        return std::clamp(std::stoi(*text), 1, 240);
    } catch (const std::exception&) {
        // A hand-edited setting that is not a number must not keep the screen from locking.
        return kDefaultLockMinutes;
    }
}

void Session::connect(LinkSource source, std::function<void(const wxString&)> done)
{
    m_connecting = true;
    when_connected(std::move(done));
    // The link is made on the worker thread and handed back as a value; the UI thread builds everything else.
    auto arrived = m_lifetime.guard(std::function<void(std::optional<BackOfficeLink>, std::string)>(
        [this](std::optional<BackOfficeLink> link, std::string failure) {
            if (link) {
                finish_connect(*link);
                return;
            }
            // Translated here, on the UI thread, where the catalog is read.
            const wxString problem =
                wxString::Format(_("The training back office could not start: %s"), wxString::FromUTF8(failure));
            m_connect_problem = problem;
            for (auto& ready : std::exchange(m_when_connected, {})) {
                ready(problem);
            }
        }));
    m_runner.post([source = std::move(source), arrived]() {
        std::optional<BackOfficeLink> link;
        std::string failure;
        try {
            link = source();
        } catch (const std::exception& e) {
            failure = e.what();
        }
        on_ui_thread([arrived, link, failure] { arrived(link, failure); });
    });
}

void Session::finish_connect(const BackOfficeLink& link)
{
    wxString problem;
    auto endpoint = bss::parse_endpoint(link.url, link.allow_loopback_http);
    if (auto* error = std::get_if<bss::EndpointError>(&endpoint)) {
        problem = endpoint_error_text(*error, link.url);
    } else {
        bss::ClientOptions options;
        options.endpoint = std::get<bss::Endpoint>(endpoint);
        options.ca_file = link.ca_file;
        options.client_cert = link.client_cert;
        options.client_key = link.client_key;
        // A clerk waiting at the login screen should hear within seconds that the back office is not there.
        options.connect_timeout = std::chrono::seconds(3);
        options.total_timeout = std::chrono::seconds(15);
        m_client = options;
        auto listener =
            m_lifetime.guard(std::function<void(workflows::SyncStatus)>([this](const workflows::SyncStatus& status) {
                m_sync_status = status;
                if (m_sync_listener) {
                    m_sync_listener(status);
                }
            }));
        m_sync =
            std::make_unique<workflows::SyncWorker>(m_cache, options, [listener](const workflows::SyncStatus& status) {
                on_ui_thread([listener, status] { listener(status); });
            });
        m_sync->start();
    }
    m_connect_problem = problem;
    for (auto& ready : std::exchange(m_when_connected, {})) {
        ready(problem);
    }
}

void Session::when_connected(std::function<void(const wxString&)> ready)
{
    if (m_connect_problem) {
        ready(*m_connect_problem);
        return;
    }
    m_when_connected.push_back(std::move(ready));
}

void Session::sign_in(const std::string& staff_id, const std::string& password, std::function<void(SignInResult)> done)
{
    if (!m_client) {
        bss::CallError error;
        error.kind = bss::FailureKind::transport;
        error.detail = "no back office yet";
        done(error);
        return;
    }
    auto finished = m_lifetime.guard(std::function<void(SignInResult)>([this, done](SignInResult result) {
        if (auto* staff = std::get_if<workflows::StaffSession>(&result)) {
            m_staff = *staff;
            if (m_sync) {
                m_sync->sign_in(staff->staff.staff_id, staff->token);
            }
        }
        done(std::move(result));
    }));
    m_runner.post([this, options = *m_client, staff_id, password, finished]() {
        if (!m_interactive) {
            m_interactive = std::make_unique<bss::BssClient>(options);
        }
        SignInResult result = workflows::sign_in(*m_interactive, staff_id, password);
        on_ui_thread([finished, result = std::move(result)] { finished(result); });
    });
}

void Session::change_password(const std::string& old_password, const std::string& new_password,
                              std::function<void(std::optional<bss::CallError>)> done)
{
    auto finished = m_lifetime.guard(
        std::function<void(std::optional<bss::CallError>)>([this, done](std::optional<bss::CallError> error) {
            if (!error && m_staff) {
                m_staff->must_change_password = false;
            }
            done(std::move(error));
        }));
    m_runner.post([this, old_password, new_password, finished]() {
        std::optional<bss::CallError> error;
        if (!m_interactive) {
            error = bss::CallError{};
            error->detail = "not signed in";
        } else {
            error = workflows::change_password(*m_interactive, old_password, new_password);
        }
        on_ui_thread([finished, error] { finished(error); });
    });
}

void Session::sign_out(std::function<void()> done)
{
    if (m_sync) {
        m_sync->sign_out();
    }
    m_staff.reset();
    auto finished = m_lifetime.guard(std::move(done));
    m_runner.post([this, finished]() {
        if (m_interactive) {
            // Not being able to tell the back office changes nothing here: the token expires there by itself.
            static_cast<void>(workflows::sign_out(*m_interactive));
        }
        on_ui_thread([finished] { finished(); });
    });
}

void Session::on_sync_status(std::function<void(const workflows::SyncStatus&)> listener)
{
    m_sync_listener = std::move(listener);
}

void Session::start_reader(const std::string& port)
{
    if (m_reader) {
        m_reader->stop();
        m_reader.reset();
    }
    idcard::ReaderServiceOptions options;
    options.reader_id = port;
    options.today = [] { return workflows::local_today(); };
    auto changed =
        m_lifetime.guard(std::function<void(ReaderState)>([this](ReaderState state) { set_reader_state(state); }));
    auto card =
        m_lifetime.guard(std::function<void(const idcard::ReaderEvent&)>([this](const idcard::ReaderEvent& event) {
            if (m_card_listener) {
                m_card_listener(event);
            }
        }));
    m_reader = std::make_unique<idcard::ReaderService>(
        [port]() -> idcard::ReaderResult<std::unique_ptr<idcard::ReaderPort>> {
            auto opened = idcard::SerialReader::open(port);
            if (auto* error = std::get_if<idcard::ReaderError>(&opened)) {
                return *error;
            }
            return std::unique_ptr<idcard::ReaderPort>(
                std::move(std::get<std::unique_ptr<idcard::SerialReader>>(opened)));
        },
        options,
        [changed, card](const idcard::ReaderEvent& event) {
            std::optional<ReaderState> state;
            if (event.kind == idcard::ReaderEventKind::connected) {
                state = ReaderState::connected;
            } else if (event.kind == idcard::ReaderEventKind::unplugged) {
                state = ReaderState::unplugged;
            } else {
                on_ui_thread([card, event] { card(event); });
            }
            if (state) {
                on_ui_thread([changed, state] { changed(*state); });
            }
        });
    set_reader_state(ReaderState::connecting);
    m_reader->start();
}

void Session::on_card(std::function<void(const idcard::ReaderEvent&)> listener)
{
    m_card_listener = std::move(listener);
}

void Session::on_reader_state(std::function<void(ReaderState)> listener)
{
    m_reader_listener = std::move(listener);
}

void Session::set_reader_state(ReaderState state)
{
    m_reader_state = state;
    if (m_reader_listener) {
        m_reader_listener(state);
    }
}

PageServices Session::page_services() const
{
    PageServices services;
    services.open_cache = [cache = m_cache] { return store::open_database(cache); };
    services.open_settings = [cache = m_data_dir / "cache.db"] { return store::open_database(cache); };
    if (m_client && m_staff) {
        services.connect = [options = *m_client, token = m_staff->token] {
            auto client = std::make_unique<bss::BssClient>(options);
            client->set_session_token(token);
            return client;
        };
    }
    services.staff = m_staff ? m_staff->staff.staff_id : std::string();
    services.staff_name = m_staff ? m_staff->staff.name : std::string();
    services.hall_id = m_staff ? m_staff->staff.hall_id : std::string();
    if (m_training) {
        services.default_area_code = "0755"; // the demo data's halls, numbers and groups are in Shenzhen
    }
    services.forms_folder = installed_forms_folder();
    services.archive_folder = m_cache.parent_path() / "archive";
    services.workstation_id = store::Settings(*m_sql).workstation_id();
    return services;
}

void Session::wake_sync()
{
    if (m_sync) {
        m_sync->wake();
    }
}

} // namespace ui
