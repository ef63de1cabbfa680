#pragma once
/// Starts the real `backoffice` executable for a test: its own data folder, a loopback port picked by the server,
/// real TLS with the CA it makes, and either a fresh SQLite file or a fresh PostgreSQL database (when the test runs
/// under the `postgres` fixture). Stopped with SIGTERM (graceful) when the object goes away.

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace testing {

struct BackofficeOptions
{
    bool demo_data = true;
    int demo_customers = 300;
    std::string fixed_time = "2026-11-23T02:00:00Z"; ///< a Monday, 10:00 in China, outside the member closing days
    std::vector<std::string> extra_args;
    /// A data folder to use (and keep) instead of a fresh temporary one: for restarting on the same data.
    std::optional<std::filesystem::path> data_dir;
    /// Where to listen; a fixed port lets a client configured with the URL find the server again after a restart.
    std::string listen = "127.0.0.1:0";
    /// Argon2id cost of the passwords it hashes: "minimum" keeps tests fast; "interactive" is production's.
    std::string password_cost = "minimum";
};

class BackofficeProcess
{
public:
    explicit BackofficeProcess(BackofficeOptions options = {});
    ~BackofficeProcess();
    BackofficeProcess(const BackofficeProcess&) = delete;
    BackofficeProcess& operator=(const BackofficeProcess&) = delete;

    [[nodiscard]] const std::string& url() const { return m_url; } ///< https://127.0.0.1:PORT/bss/v1/
    [[nodiscard]] const std::filesystem::path& ca_file() const { return m_ca; }
    [[nodiscard]] const std::filesystem::path& data_dir() const { return m_dir; }
    /// "postgresql" when the test runs against PostgreSQL, else "sqlite".
    [[nodiscard]] static std::string backend();
    /// SIGTERM and wait; returns the exit status.
    int stop();
    /// SIGKILL, no goodbye (for durability tests).
    void kill_hard();
    [[nodiscard]] std::string output() const;
    /// Runs `backoffice ARGS` on this back office's database (as an operator would on the server, e.g.
    /// reset-admin) and returns its exit status, with what it printed in `printed`.
    int run_command(const std::vector<std::string>& args, std::string& printed) const;

private:
    std::string m_db; ///< the --db given (PostgreSQL), empty for the SQLite file in the data folder
    std::filesystem::path m_dir;
    std::filesystem::path m_ca;
    std::string m_url;
    pid_t m_pid = -1;
    bool m_own_dir = true;
};

} // namespace testing
