// The outbox under faults, with real processes: the workstation core (order_driver) killed with SIGKILL at random
// points while it accepts and sends 1,000 orders, restarted each time; and the back office stopped mid-run and
// started again. Checked at the back office: every order exactly once.

#include "common/sql/sqlite_file.h"
#include "tests/backoffice/support/backoffice_process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <random>
#include <signal.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

struct Driver
{
    pid_t pid = -1;

    static Driver start(const std::vector<std::string>& args, const fs::path& log)
    {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        std::vector<std::string> owned = args;
        std::vector<char*> argv;
        for (auto& arg : owned) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        Driver driver;
        REQUIRE(::posix_spawn(&driver.pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        return driver;
    }

    void kill_hard()
    {
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
    }

    /// Exit status, or -1 if it did not end in time (then it is killed).
    int wait(std::chrono::seconds limit)
    {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        for (;;) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (std::chrono::steady_clock::now() > deadline) {
                kill_hard();
                return -1;
            }
            std::this_thread::sleep_for(50ms);
        }
    }
};

std::string read_file(const fs::path& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

struct Setup
{
    testing::TempDir dir{"counter-outbox-fault"};
    fs::path bo_dir = dir.path() / "backoffice";
    fs::path cache = dir.path() / "cache.db";
    fs::path log = dir.path() / "driver.log";
    testing::BackofficeOptions options;

    explicit Setup(int orders)
    {
        options.data_dir = bo_dir;
        options.demo_customers = 100;
        options.extra_args = {"--load-pool", std::to_string(orders)};
    }

    std::vector<std::string> driver_args(const testing::BackofficeProcess& server, int orders) const
    {
        return {ORDER_DRIVER_PATH,         "--db",        cache.string(), "--url",      server.url(), "--ca",
                server.ca_file().string(), "--staff",     "1001",         "--password", "Clerk#1001", "--orders",
                std::to_string(orders),    "--timeout-s", "240"};
    }

    /// (orders with this workstation's externalIds, distinct externalIds) at the back office.
    std::pair<int, int> backoffice_counts() const
    {
        soci::session local(soci::sqlite3, sql::sqlite_connect_string(cache));
        std::string workstation;
        local << "SELECT value FROM settings WHERE key = 'workstation.id'", soci::into(workstation);
        soci::session remote(soci::sqlite3, sql::sqlite_connect_string(bo_dir / "backoffice.db"));
        const std::string pattern = workstation + "-%";
        int all = 0;
        int distinct = 0;
        remote << "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM orders WHERE external_id LIKE :p",
            soci::use(pattern), soci::into(all), soci::into(distinct);
        return {all, distinct};
    }

    /// (local orders, local orders without a back-office number, pending writes, open sync errors)
    std::tuple<int, int, int, int> local_counts() const
    {
        soci::session local(soci::sqlite3, sql::sqlite_connect_string(cache));
        int orders = 0;
        int unnumbered = 0;
        int pending = 0;
        int errors = 0;
        local << "SELECT COUNT(*), SUM(order_id IS NULL) FROM orders", soci::into(orders), soci::into(unnumbered);
        local << "SELECT COUNT(*) FROM outbox WHERE state = 'pending'", soci::into(pending);
        local << "SELECT COUNT(*) FROM sync_errors WHERE resolution = ''", soci::into(errors);
        return {orders, unnumbered, pending, errors};
    }
};

int free_port()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

} // namespace

TEST_CASE("killed with SIGKILL at random points over 20 rounds, the core loses no order and sends none twice",
          "[outbox][fault]")
{
    constexpr int kOrders = 1000;
    Setup setup(kOrders);
    testing::BackofficeProcess server(setup.options);
    const auto seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delay_ms(150, 1500);
    int kills = 0;
    for (int round = 0; round < 20; ++round) {
        auto driver = Driver::start(setup.driver_args(server, kOrders), setup.log);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
        driver.kill_hard();
        ++kills;
    }
    CHECK(kills == 20);
    const auto [recorded, unnumbered_before, pending_before, errors_before] = setup.local_counts();
    INFO("after the kills: " << recorded << " recorded, " << pending_before << " pending");
    CHECK(recorded > 0); // the rounds did reach the point of accepting orders
    auto last = Driver::start(setup.driver_args(server, kOrders), setup.log);
    const auto status = last.wait(300s);
    INFO(read_file(setup.log));
    REQUIRE(status == 0);

    const auto [orders, unnumbered, pending, errors] = setup.local_counts();
    CHECK(orders == kOrders);
    CHECK(unnumbered == 0);
    CHECK(pending == 0);
    CHECK(errors == 0);
    const auto [all, distinct] = setup.backoffice_counts();
    CHECK(all == kOrders);      // none lost
    CHECK(distinct == kOrders); // none twice
}

TEST_CASE("the back office stopped mid-run and started again: the outbox drains, every order once", "[outbox][fault]")
{
    constexpr int kOrders = 300;
    Setup setup(kOrders);
    setup.options.listen = "127.0.0.1:" + std::to_string(free_port());
    auto server = std::make_unique<testing::BackofficeProcess>(setup.options);
    auto driver = Driver::start(setup.driver_args(*server, kOrders), setup.log);
    std::this_thread::sleep_for(1500ms);
    server->stop();
    std::this_thread::sleep_for(2s); // the driver keeps accepting; its writes wait
    server = std::make_unique<testing::BackofficeProcess>(setup.options);
    const auto status = driver.wait(300s);
    INFO(read_file(setup.log));
    REQUIRE(status == 0);
    const auto [orders, unnumbered, pending, errors] = setup.local_counts();
    CHECK(orders == kOrders);
    CHECK(unnumbered == 0);
    CHECK(pending == 0);
    CHECK(errors == 0);
    const auto [all, distinct] = setup.backoffice_counts();
    CHECK(all == kOrders);
    CHECK(distinct == kOrders);
}
