#include "client/workflows/workstation/workstation.h"

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/workflows/workstation/local_clock.h"
#include "idcard/reader_address.h"

namespace workflows {

Workstation::Workstation(std::filesystem::path data_dir, const std::filesystem::path& config_dir)
    : m_data_dir(std::move(data_dir))
{
    std::filesystem::create_directories(m_data_dir);
    m_cache = m_data_dir / "cache.db";
    // Created and migrated now, before any worker thread opens it, and held open while the workstation lives.
    m_cache_sql = store::open_database(m_cache);
    if (config_dir.empty() || config_dir == m_data_dir) {
        m_settings_file = m_cache;
    } else {
        std::filesystem::create_directories(config_dir);
        m_settings_file = config_dir / "settings.db";
        m_sql = store::open_database(m_settings_file);
        store::Settings(settings_sql()).adopt(m_cache);
    }
    m_workstation_id = store::Settings(settings_sql()).workstation_id();
}

Workstation::~Workstation()
{
    // The reader and the sender threads report through their listeners; stop them before anything they use goes.
    if (m_reader) {
        m_reader->stop();
    }
    if (m_keeper) {
        m_keeper->on_renewed({});
    }
    if (m_sync) {
        m_sync->stop();
    }
}

void Workstation::set_training(TrainingLogin login, const std::filesystem::path& cache_dir)
{
    m_training = std::move(login);
    std::filesystem::create_directories(cache_dir);
    m_cache = cache_dir / "cache.db";
    // Created and migrated now, before the sync worker's connections open it; and kept open, so the sender threads
    // never race each other to recover the write-ahead log of a file nobody has open (SQLite then answers "database
    // is locked" to a connection setting WAL mode).
    m_training_sql = store::open_database(m_cache);
}

std::optional<BackOfficeLink> Workstation::configured_link() const
{
    store::Settings settings(settings_sql());
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

std::string Workstation::configured_reader() const
{
    return store::Settings(settings_sql()).reader_port();
}

std::string Workstation::configured_language() const
{
    return store::Settings(settings_sql()).language();
}

int Workstation::lock_minutes() const
{
    return store::Settings(settings_sql()).lock_minutes();
}

std::optional<bss::EndpointError> Workstation::connect(const BackOfficeLink& link,
                                                       std::function<void(const SyncStatus&)> sync_listener)
{
    auto endpoint = bss::parse_endpoint(link.url, link.allow_loopback_http);
    if (auto* error = std::get_if<bss::EndpointError>(&endpoint)) {
        return *error;
    }
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(endpoint);
    options.ca_file = link.ca_file;
    options.client_cert = link.client_cert;
    options.client_key = link.client_key;
    // A clerk waiting at the login screen should hear within seconds that the back office is not there.
    options.connect_timeout = std::chrono::seconds(3);
    options.total_timeout = std::chrono::seconds(15);
    m_client = options;
    m_keeper = std::make_shared<SessionKeeper>(options);
    if (m_training) {
        m_keeper->set_stored_password(m_training->password);
    }
    m_keeper->set_prompt(m_prompt);
    m_sync = std::make_unique<SyncWorker>(m_cache, options, std::move(sync_listener));
    m_keeper->on_renewed([sync = m_sync.get()](const StaffSession& staff) {
        // The sender threads went quiet on E_SESSION; they send as the clerk again with the new token.
        sync->sign_in(staff.staff.staff_id, staff.token);
    });
    m_sync->start();
    return std::nullopt;
}

bool Workstation::connected() const
{
    return m_client.has_value();
}

Workstation::SignInResult Workstation::sign_in(const std::string& staff_id, const std::string& password)
{
    if (!m_client) {
        CallError error;
        error.kind = bss::FailureKind::transport;
        error.detail = "no back office yet";
        return error;
    }
    if (!m_interactive) {
        m_interactive = std::make_unique<bss::BssClient>(*m_client);
    }
    SignInResult result = workflows::sign_in(*m_interactive, staff_id, password);
    if (auto* staff = std::get_if<StaffSession>(&result)) {
        m_keeper->signed_in(*staff);
        m_sync->sign_in(staff->staff.staff_id, staff->token);
    }
    return result;
}

std::optional<CallError> Workstation::change_password(const std::string& old_password, const std::string& new_password)
{
    auto staff = this->staff();
    if (!m_interactive || !staff) {
        CallError error;
        error.detail = "not signed in";
        return error;
    }
    m_interactive->set_session_token(staff->token); // renewed by a desk since sign-in, perhaps
    auto error = workflows::change_password(*m_interactive, old_password, new_password);
    if (!error) {
        m_keeper->password_changed();
    }
    return error;
}

void Workstation::sign_out()
{
    auto staff = this->staff();
    if (m_sync) {
        m_sync->sign_out();
    }
    if (m_keeper) {
        m_keeper->signed_out();
    }
    if (m_interactive && staff) {
        m_interactive->set_session_token(staff->token);
        // Not being able to tell the back office changes nothing here: the token expires there by itself.
        static_cast<void>(workflows::sign_out(*m_interactive));
    }
}

std::optional<StaffSession> Workstation::staff() const
{
    return m_keeper ? m_keeper->staff() : std::nullopt;
}

void Workstation::password_changed()
{
    if (m_keeper) {
        m_keeper->password_changed();
    }
}

void Workstation::set_password_prompt(PasswordPrompt prompt)
{
    m_prompt = std::move(prompt);
    if (m_keeper) {
        m_keeper->set_prompt(m_prompt);
    }
}

DeskServices Workstation::desk_services() const
{
    DeskServices services;
    services.open_cache = [cache = m_cache] { return store::open_database(cache); };
    services.open_settings = [settings = m_settings_file] { return store::open_database(settings); };
    const auto staff = this->staff();
    if (m_keeper && staff) {
        services.connect = [keeper = m_keeper] { return keeper->client(); };
    }
    if (staff) {
        services.staff = staff->staff.staff_id;
        services.staff_name = staff->staff.name;
        services.hall_id = staff->staff.hall_id;
    }
    if (m_training) {
        services.default_area_code = "0755"; // the demo data's halls, numbers and groups are in Shenzhen
    }
    services.forms_folder = m_forms_folder;
    services.archive_folder = m_cache.parent_path() / "archive";
    services.workstation_id = m_workstation_id;
    return services;
}

void Workstation::wake_sync()
{
    if (m_sync) {
        m_sync->wake();
    }
}

void Workstation::start_reader(const std::string& address, const ReaderListener& state, const CardListener& card)
{
    if (m_reader) {
        m_reader->stop();
        m_reader.reset();
    }
    idcard::ReaderServiceOptions options;
    options.reader_id = address;
    options.today = [] { return local_today(); };
    m_reader =
        std::make_unique<idcard::ReaderService>([address] { return idcard::open_reader(address); }, options,
                                                [state, card](const idcard::ReaderEvent& event) {
                                                    if (event.kind == idcard::ReaderEventKind::connected) {
                                                        state(ReaderState::connected);
                                                    } else if (event.kind == idcard::ReaderEventKind::unplugged) {
                                                        state(ReaderState::unplugged);
                                                    } else {
                                                        card(event);
                                                    }
                                                });
    state(ReaderState::connecting);
    m_reader->start();
}

} // namespace workflows
