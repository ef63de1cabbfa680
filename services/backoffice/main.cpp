// backoffice: the reference back office. Serves the XML contract (docs/CONTRACT.md) over HTTPS from an SQLite file
// or a PostgreSQL database; the peer of every test, the engine of training mode, and enough for a small operator.

#include "counter_version.h"
#include "services/backoffice/bootstrap.h"
#include "services/backoffice/db/database.h"
#include "services/backoffice/embedded.h"
#include "services/backoffice/listen_address.h"
#include "services/backoffice/load_pool.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sodium.h>
#include <sys/stat.h>

namespace {

struct Flags
{
    std::string listen = "127.0.0.1:8443";
    std::string db;
    std::string data_dir = "backoffice-data";
    std::string cert;
    std::string key;
    std::string ca;
    std::vector<std::string> host_names;
    bool demo_data = false;
    std::size_t demo_customers = 10000;
    std::size_t load_pool = 0;
    unsigned io_threads = 2;
    unsigned work_threads = 4;
    std::string admin_password;
    std::string password_cost = "interactive";
    std::size_t max_body_bytes = 1024 * 1024;
    long request_timeout_ms = 10000;
    int reservation_minutes = 0;
    std::string ready_file;
    std::string fixed_time;
    int installer_seconds = 0;
};

using Clock = std::function<contract::Timestamp()>;

/// The real time, or time running on from `--fixed-time` (tests pin business days, e.g. a month's closing days).
Clock make_clock(const std::string& fixed_time)
{
    const auto real = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
    if (fixed_time.empty()) {
        return real;
    }
    const auto start = contract::parse_timestamp(fixed_time);
    if (!start) {
        throw CLI::ValidationError("--fixed-time", "expected UTC like 2026-11-23T08:30:00Z");
    }
    const auto offset = *start - real();
    return [real, offset] { return real() + offset; };
}

std::string random_password()
{
    unsigned char bytes[9];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

int run(const Flags& flags)
{
    namespace fs = std::filesystem;
    const auto address = std::get<backoffice::ListenAddress>(backoffice::parse_listen(flags.listen));
    backoffice::EmbeddedOptions options;
    options.data_dir = flags.data_dir;
    options.db = flags.db;
    options.host = address.host;
    options.port = address.port;
    options.host_names = flags.host_names;
    if (!flags.cert.empty()) {
        options.tls = backoffice::http::TlsFiles{flags.ca, flags.cert, flags.key};
    }
    options.io_threads = flags.io_threads;
    options.work_threads = flags.work_threads;
    options.admin_password = flags.admin_password.empty() ? random_password() : flags.admin_password;
    // A generated password was shown on this console and must be changed at first login; one the operator chose
    // on the command line is theirs already.
    options.admin_must_change = flags.admin_password.empty();
    options.password_cost = flags.password_cost == "minimum" ? backoffice::PasswordHasher::minimum()
                                                             : backoffice::PasswordHasher::interactive();
    options.demo_data = flags.demo_data;
    options.demo_customers = flags.demo_customers;
    options.load_pool = flags.load_pool;
    options.max_body_bytes = flags.max_body_bytes;
    options.request_timeout = std::chrono::milliseconds(flags.request_timeout_ms);
    options.reservation_minutes = flags.reservation_minutes;
    options.installer_delay = std::chrono::seconds(flags.installer_seconds);
    options.clock = make_clock(flags.fixed_time);

    std::unique_ptr<backoffice::EmbeddedBackoffice> server;
    try {
        server = std::make_unique<backoffice::EmbeddedBackoffice>(options);
    } catch (const std::invalid_argument& e) {
        std::cerr << "backoffice: " << e.what() << "\n";
        return 2;
    }
    const auto& report = server->report();
    if (report.admin_created) {
        std::cout << "Created the administrator: staff id admin, password " << options.admin_password
                  << (options.admin_must_change ? " (to be changed at first login)\n" : "\n");
    }
    if (report.demo) {
        const auto& summary = *report.demo;
        std::cout << "Demo data: " << summary.customers << " customers, " << summary.groups << " groups, "
                  << summary.offerings << " offerings, " << summary.buildings << " buildings, " << summary.numbers
                  << " numbers, " << summary.staff << " staff\n";
    }
    if (report.load_pool) {
        std::cout << "Load pool: " << *report.load_pool << " installs at " << backoffice::kLoadPoolBuilding << "\n";
    }
    std::cout << "Back office listening on " << server->url() << "\n"
              << "Workstations must trust the CA in " << server->ca_file().string() << "\n"
              << std::flush;
    if (!flags.ready_file.empty()) {
        // Written last and renamed into place, so whoever waits for it sees both lines or nothing.
        const auto temp = flags.ready_file + ".tmp";
        std::ofstream(temp) << server->url() << "\n" << server->ca_file().string() << "\n";
        fs::rename(temp, flags.ready_file);
    }

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int received = 0;
    sigwait(&signals, &received);
    std::cout << "Stopping: finishing requests in flight\n" << std::flush;
    server->stop();
    std::cout << "Stopped\n";
    return 0;
}

/// `backoffice reset-admin`: the recovery when administration is lost (a forgotten password, a locked or
/// mis-edited administrator). It needs the server's own database, which is the point: the contract has no way to it.
int reset_admin(const Flags& flags, const std::string& password)
{
    namespace fs = std::filesystem;
    const auto db_text =
        flags.db.empty() ? "sqlite:" + (fs::path(flags.data_dir) / "backoffice.db").string() : flags.db;
    if (flags.db.empty() && !fs::exists(fs::path(flags.data_dir) / "backoffice.db")) {
        std::cerr << "backoffice: no database in " << flags.data_dir << " (give --data-dir or --db)\n";
        return 2;
    }
    const auto target = backoffice::db::parse_target(db_text);
    if (!target) {
        std::cerr << "backoffice: --db must be sqlite:PATH or a PostgreSQL connection string\n";
        return 2;
    }
    backoffice::db::Database database(*target, 1);
    const auto chosen = password.empty() ? random_password() : password;
    const auto cost = flags.password_cost == "minimum" ? backoffice::PasswordHasher::minimum()
                                                       : backoffice::PasswordHasher::interactive();
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    backoffice::reset_admin(database.writer(), backoffice::PasswordHasher(cost), chosen,
                            contract::format_timestamp(now));
    std::cout << "The administrator is reset: staff id admin, password " << chosen
              << " (to be changed at first login); its sessions have ended. Written to the audit log.\n";
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    // Block the stop signals in every thread (threads inherit the mask); main waits for them with sigwait.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    // Everything the back office writes (its database with password hashes and personal data, its TLS key) is for
    // its own user only.
    umask(077);

    CLI::App app{"backoffice: the counter workstation's reference back office (XML over HTTPS)"};
    app.set_version_flag("--version", "backoffice " COUNTER_VERSION);
    Flags flags;
    app.add_option("--listen", flags.listen, "Address and port to listen on, HOST:PORT (port 0: any free port)")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](const std::string& text) {
                const auto parsed = backoffice::parse_listen(text);
                const auto* problem = std::get_if<std::string>(&parsed);
                return problem != nullptr ? *problem : std::string();
            },
            "HOST:PORT"));
    app.add_option("--db", flags.db,
                   "Database: sqlite:PATH (default: DATA-DIR/backoffice.db) or a PostgreSQL connection string "
                   "(\"host=… dbname=… user=…\" or postgresql://…)");
    app.add_option("--data-dir", flags.data_dir,
                   "Folder for the SQLite file and the self-made CA, server certificate and key (tls/)")
        ->capture_default_str();
    auto* cert = app.add_option("--cert", flags.cert, "Server certificate (PEM) instead of the self-made one")
                     ->check(CLI::ExistingFile);
    auto* key = app.add_option("--key", flags.key, "Private key (PEM) of --cert")->check(CLI::ExistingFile);
    auto* ca = app.add_option("--ca", flags.ca, "CA certificate workstations trust, printed at start with --cert")
                   ->check(CLI::ExistingFile);
    cert->needs(key)->needs(ca);
    key->needs(cert);
    ca->needs(cert);
    app.add_option("--host-name", flags.host_names,
                   "Extra name or address in the self-made server certificate (repeatable; only when it is made)");
    app.add_flag("--demo-data", flags.demo_data,
                 "Seed demo data on an empty database: staff and roles, catalog, number pools, addresses with "
                 "ports, customers, groups with members");
    app.add_option("--load-pool", flags.load_pool,
                   "For load tests and drills: a building (LOAD-B01) with ports, free numbers (9xxxxxxx) and "
                   "customers (LOAD-Cxxxxxx) for this many fixed-line installs; kept if already there")
        ->capture_default_str();
    app.add_option("--demo-customers", flags.demo_customers, "Individual customers seeded by --demo-data")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{0}, std::size_t{2000000}));
    app.add_option("--io-threads", flags.io_threads, "Threads doing network I/O")
        ->capture_default_str()
        ->check(CLI::Range(1, 64));
    app.add_option("--work-threads", flags.work_threads, "Threads running requests (and database readers)")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    app.add_option("--admin-password", flags.admin_password,
                   "Initial password of the built-in administrator (first start only; default: random, printed)");
    app.add_option("--password-cost", flags.password_cost,
                   "Argon2id cost: interactive (production) or minimum (tests and training)")
        ->check(CLI::IsMember({"interactive", "minimum"}))
        ->capture_default_str();
    app.add_option("--max-body-bytes", flags.max_body_bytes, "Largest request body accepted (larger: 413)")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{4096}, std::size_t{64} << 20)); // below a login's size nothing gets through
    app.add_option("--request-timeout-ms", flags.request_timeout_ms, "Time allowed per request")
        ->capture_default_str()
        ->check(CLI::Range(100L, 600000L));
    app.add_option("--reservation-minutes", flags.reservation_minutes, "How long a number reservation lasts")
        ->check(CLI::Range(1, 10080));
    app.add_option("--ready-file", flags.ready_file,
                   "Write the URL and the CA file's path here once listening (for scripts and tests)");
    app.add_option("--installer-seconds", flags.installer_seconds,
                   "Simulated installer: take accepted orders into work after this many seconds and complete them "
                   "after as many again (0: off, a supervisor completes work orders)")
        ->capture_default_str()
        ->check(CLI::Range(0, 86400 * 7));
    app.add_option("--fixed-time", flags.fixed_time,
                   "Pretend it is this UTC time at start (2026-11-25T02:00:00Z), time running on from there: for "
                   "tests and training replays, never in production");
    auto* reset = app.add_subcommand("reset-admin",
                                     "Recovery on the server: give the built-in administrator a new password (random "
                                     "and printed unless --password), enable, unlock and restore its admin role; "
                                     "audited. Uses --db / --data-dir like the server");
    std::string reset_password;
    reset->add_option("--password", reset_password, "The new password (default: random, printed)");
    reset->add_option("--db", flags.db, "Database, as for the server");
    reset->add_option("--data-dir", flags.data_dir, "Data folder, as for the server")->capture_default_str();
    reset->add_option("--password-cost", flags.password_cost, "Argon2id cost, as for the server")
        ->check(CLI::IsMember({"interactive", "minimum"}));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        if (sodium_init() < 0) {
            std::cerr << "backoffice: libsodium could not initialise\n";
            return 1;
        }
        if (reset->parsed()) {
            return reset_admin(flags, reset_password);
        }
        return run(flags);
    } catch (const std::exception& e) {
        std::cerr << "backoffice: " << e.what() << "\n";
        return 1;
    }
}
