#include "services/backoffice/embedded.h"

#include "services/backoffice/bootstrap.h"
#include "services/backoffice/db/database.h"
#include "services/backoffice/http/http_server.h"
#include "services/backoffice/installer.h"
#include "services/backoffice/load_pool.h"
#include "services/backoffice/router.h"

#include <sodium.h>
#include <stdexcept>

namespace backoffice {

namespace {

contract::Timestamp system_now()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

/// The data folder holds password hashes, unmasked personal data and the TLS key: the folder is its owner's alone
/// (0700) and so are the database files in it (0600), whatever the umask was when they were made.
void restrict_to_owner(const std::filesystem::path& data_dir)
{
    namespace fs = std::filesystem;
    std::error_code ignored;
    fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace, ignored);
    for (const char* name : {"backoffice.db", "backoffice.db-wal", "backoffice.db-shm"}) {
        const auto file = data_dir / name;
        if (fs::exists(file, ignored)) {
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ignored);
        }
    }
}

} // namespace

EmbeddedOptions EmbeddedOptions::training(std::filesystem::path data_dir)
{
    EmbeddedOptions options;
    options.data_dir = std::move(data_dir);
    options.io_threads = 1;
    // Two cores shared with the workstation's own threads: more would only queue.
    options.work_threads = 2;
    options.admin_password = EmbeddedBackoffice::kTrainingAdminPassword;
    options.admin_must_change = false;
    options.password_cost = PasswordHasher::minimum();
    options.demo_data = true;
    options.demo_customers = EmbeddedBackoffice::kTrainingCustomers;
    options.installer_delay = std::chrono::seconds(60);
    return options;
}

EmbeddedBackoffice::EmbeddedBackoffice(EmbeddedOptions options) : m_options(std::move(options))
{
    namespace fs = std::filesystem;
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not initialise (no entropy source)");
    }
    if (!m_options.clock) {
        m_options.clock = system_now;
    }
    fs::create_directories(m_options.data_dir);
    const auto db_text =
        m_options.db.empty() ? "sqlite:" + (m_options.data_dir / "backoffice.db").string() : m_options.db;
    const auto target = db::parse_target(db_text);
    if (!target) {
        throw std::invalid_argument("--db must be sqlite:PATH or a PostgreSQL connection string, not '" + db_text +
                                    "'");
    }
    m_database = std::make_unique<db::Database>(*target, m_options.work_threads);
    restrict_to_owner(m_options.data_dir);
    auto& writer = m_database->writer();

    m_report.admin_created = ensure_built_ins(writer, PasswordHasher(m_options.password_cost), m_options.admin_password,
                                              m_options.admin_must_change);
    if (m_options.reservation_minutes > 0) {
        const std::string name = "reservation_minutes";
        const std::string value = std::to_string(m_options.reservation_minutes);
        writer << "UPDATE settings SET value = :v WHERE name = :n", soci::use(value), soci::use(name);
    }
    if (m_options.demo_data) {
        m_report.demo = seed_demo_data(writer, {m_options.demo_customers, DemoOptions{}.seed, m_options.clock()});
    }
    if (m_options.load_pool > 0) {
        m_report.load_pool = seed_load_pool(writer, m_options.load_pool, m_options.clock());
    }

    m_tls = m_options.tls ? *m_options.tls : http::ensure_tls_material(m_options.data_dir, m_options.host_names);

    m_router = std::make_unique<Router>(
        *m_database, RouterOptions{m_options.work_threads, m_options.password_cost, m_options.clock});
    http::ServerOptions server;
    server.host = m_options.host;
    server.port = m_options.port;
    server.threads = m_options.io_threads;
    server.cert = m_tls.server_cert;
    server.key = m_tls.server_key;
    server.max_body_bytes = m_options.max_body_bytes;
    server.request_timeout = m_options.request_timeout;
    m_server = std::make_unique<http::HttpServer>(server, [router = m_router.get()](auto request, auto reply) {
        router->handle(std::move(request), std::move(reply));
    });
    if (m_options.installer_delay.count() > 0) {
        m_installer = std::make_unique<SimulatedInstaller>(*m_router, m_options.installer_delay);
    }
    m_server->start();

    const auto& host = m_options.host;
    const auto url_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    m_url = "https://" + url_host + ":" + std::to_string(m_server->port()) + "/bss/v1/";
}

EmbeddedBackoffice::~EmbeddedBackoffice()
{
    try {
        stop();
    } catch (...) {
        // A destructor must not throw; stop() has done what it could (threads are joined by their own owners).
    }
}

unsigned short EmbeddedBackoffice::port() const
{
    return m_server ? m_server->port() : 0;
}

void EmbeddedBackoffice::stop()
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    // Order matters: no new requests, then no installer writing, then the queued writes committed.
    m_server->stop();
    m_installer.reset();
    m_router->stop();
}

} // namespace backoffice
