#pragma once
/// The whole reference back office assembled in one object: database, built-ins, demo data, TLS material, router,
/// HTTPS server and the simulated installer. The `backoffice` executable is this plus flags and signals; the
/// workstation's training mode is this inside the counter process, on loopback, over the same real HTTPS.

#include "services/backoffice/demo_data.h"
#include "services/backoffice/http/tls_material.h"
#include "services/backoffice/password_hasher.h"
#include "services/contract/field_types.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace backoffice {

class Router;
class SimulatedInstaller;
namespace db {
class Database;
}
namespace http {
class HttpServer;
}

/// How to assemble the back office; the defaults are the executable's defaults.
struct EmbeddedOptions
{
    std::filesystem::path data_dir = "backoffice-data"; ///< the SQLite file (unless `db`) and tls/
    std::string db;                                     ///< "sqlite:PATH" or PostgreSQL; empty: DATA-DIR/backoffice.db
    std::string host = "127.0.0.1";
    unsigned short port = 0;             ///< 0: any free port
    std::vector<std::string> host_names; ///< extra names in a self-made server certificate
    std::optional<http::TlsFiles> tls;   ///< the operator's own files instead of self-made ones
    unsigned io_threads = 2;
    unsigned work_threads = 4;
    std::string admin_password;    ///< the built-in administrator's first password
    bool admin_must_change = true; ///< a generated password is to be changed at first login
    PasswordHasher::Cost password_cost = PasswordHasher::interactive();
    bool demo_data = false;
    std::size_t demo_customers = 10000;
    std::size_t load_pool = 0; ///< installs' worth of load-test resources; 0: none
    std::size_t max_body_bytes = std::size_t{1024} * 1024;
    std::chrono::milliseconds request_timeout{10000};
    int reservation_minutes = 0;             ///< 0: keep the database's setting
    std::chrono::seconds installer_delay{0}; ///< 0: no simulated installer
    /// The back office's idea of now; the real UTC time when empty.
    std::function<contract::Timestamp()> clock;

    /// Training mode's back office in `data_dir`: demo data small enough to start in a second or two, the minimum
    /// password cost (logins are instant on a slow laptop), the demo logins of kDemoLogins, a fixed administrator
    /// password that need not be changed, and a simulated installer so orders move on while the trainee watches.
    static EmbeddedOptions training(std::filesystem::path data_dir);
};

/// What the start did, for whoever reports it (the executable prints it).
struct EmbeddedStartReport
{
    bool admin_created = false;           ///< the administrator was made with options.admin_password
    std::optional<DemoSummary> demo;      ///< when demo data was asked for
    std::optional<std::size_t> load_pool; ///< installs' worth held at the load building
};

class EmbeddedBackoffice
{
public:
    /// The training administrator's password (EmbeddedOptions::training).
    static constexpr const char* kTrainingAdminPassword = "Admin#2026";
    /// Customers seeded for training: enough to search and browse, few enough to seed in about a second.
    static constexpr std::size_t kTrainingCustomers = 2000;

    /// Assembles and starts everything; listening when it returns. Throws std::invalid_argument for a bad `db`
    /// text, std::runtime_error for what could not be opened, made or bound (database, certificate, port).
    explicit EmbeddedBackoffice(EmbeddedOptions options);
    /// Stops gracefully (see stop()).
    ~EmbeddedBackoffice();
    EmbeddedBackoffice(const EmbeddedBackoffice&) = delete;
    EmbeddedBackoffice& operator=(const EmbeddedBackoffice&) = delete;

    /// "https://127.0.0.1:PORT/bss/v1/"
    [[nodiscard]] const std::string& url() const { return m_url; }
    /// The CA certificate clients must trust.
    [[nodiscard]] const std::filesystem::path& ca_file() const { return m_tls.ca_cert; }
    [[nodiscard]] unsigned short port() const;
    [[nodiscard]] const EmbeddedStartReport& report() const { return m_report; }

    /// Stops taking requests, answers those in flight, stops the installer, finishes queued writes. Idempotent.
    void stop();

private:
    EmbeddedOptions m_options;
    EmbeddedStartReport m_report;
    http::TlsFiles m_tls;
    std::string m_url;
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<http::HttpServer> m_server;
    std::unique_ptr<SimulatedInstaller> m_installer;
    bool m_stopped = false;
};

} // namespace backoffice
