#include "backoffice_process.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace testing {

namespace {

std::string read_all(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A new, empty PostgreSQL database on the fixture's cluster; returns its connection string.
std::string fresh_pg_database(const std::string& suffix)
{
    const char* file = std::getenv("COUNTER_PG_CONNINFO_FILE");
    if (file == nullptr) {
        throw std::runtime_error("COUNTER_PG_CONNINFO_FILE is not set");
    }
    auto conninfo = read_all(file);
    while (!conninfo.empty() && (conninfo.back() == '\n' || conninfo.back() == ' ')) {
        conninfo.pop_back();
    }
    const auto name = "t_" + suffix;
    soci::session admin(soci::postgresql, conninfo);
    admin << "CREATE DATABASE " + name;
    const auto at = conninfo.find("dbname=");
    const auto end = conninfo.find(' ', at);
    return conninfo.substr(0, at) + "dbname=" + name + (end == std::string::npos ? "" : conninfo.substr(end));
}

} // namespace

std::string BackofficeProcess::backend()
{
    const char* backend = std::getenv("COUNTER_BACKOFFICE_DB");
    return backend != nullptr ? backend : "sqlite";
}

BackofficeProcess::BackofficeProcess(BackofficeOptions options)
{
    std::random_device random;
    const auto suffix = std::to_string(random()) + std::to_string(::getpid());
    m_own_dir = !options.data_dir.has_value();
    m_dir = options.data_dir.value_or(std::filesystem::temp_directory_path() / ("counter-backoffice-" + suffix));
    std::filesystem::create_directories(m_dir);
    const auto ready = m_dir / "ready";
    std::filesystem::remove(ready);

    std::vector<std::string> args{BACKOFFICE_PATH,   "--listen",        options.listen,        "--data-dir",
                                  m_dir.string(),    "--password-cost", options.password_cost, "--admin-password",
                                  "Admin#2026",      "--ready-file",    ready.string(),        "--fixed-time",
                                  options.fixed_time};
    if (backend() == "postgresql") {
        m_db = fresh_pg_database(suffix);
        args.insert(args.end(), {"--db", m_db});
    }
    if (options.demo_data) {
        args.insert(args.end(), {"--demo-data", "--demo-customers", std::to_string(options.demo_customers)});
    }
    args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());

    const auto log = (m_dir / "output.log").string();
    m_pid = ::fork();
    if (m_pid == 0) {
        std::FILE* out = std::freopen(log.c_str(), "w", stdout);
        (void)out;
        ::dup2(::fileno(stdout), 2);
        std::vector<char*> argv;
        for (auto& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        std::_Exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!std::filesystem::exists(ready)) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            throw std::runtime_error("backoffice exited before it was ready:\n" + output());
        }
        if (std::chrono::steady_clock::now() > deadline) {
            kill_hard();
            throw std::runtime_error("backoffice was not ready within 60 s:\n" + output());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::istringstream lines(read_all(ready));
    std::string ca;
    std::getline(lines, m_url);
    std::getline(lines, ca);
    m_ca = ca;
}

BackofficeProcess::~BackofficeProcess()
{
    if (m_pid > 0) {
        stop();
    }
    if (m_own_dir) {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
}

int BackofficeProcess::stop()
{
    if (m_pid <= 0) {
        return -1;
    }
    ::kill(m_pid, SIGTERM);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void BackofficeProcess::kill_hard()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }
}

std::string BackofficeProcess::output() const
{
    return read_all(m_dir / "output.log");
}

int BackofficeProcess::run_command(const std::vector<std::string>& args, std::string& printed) const
{
    std::vector<std::string> argv{BACKOFFICE_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    if (m_db.empty()) {
        argv.insert(argv.end(), {"--data-dir", m_dir.string()});
    } else {
        argv.insert(argv.end(), {"--db", m_db});
    }
    std::string command;
    for (const auto& arg : argv) {
        // Single quotes keep every argument as it is; none of ours holds a single quote.
        command += "'" + arg + "' ";
    }
    command += "2>&1";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return -1;
    }
    printed.clear();
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        printed.append(buffer, got);
    }
    const int status = ::pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace testing
