// The back office assembled in-process (training mode's engine and the executable's core): it starts on a loopback
// port over real HTTPS with its own CA, answers logins through the workstation's own client, keeps its data and
// certificate across restarts, and stops cleanly.

#include "services/backoffice/embedded.h"
#include "services/bssclient/bss_client.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {

using backoffice::EmbeddedBackoffice;
using backoffice::EmbeddedOptions;

bss::ClientOptions client_for(const EmbeddedBackoffice& server)
{
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(bss::parse_endpoint(server.url(), false));
    options.ca_file = server.ca_file();
    options.attempts = 1;
    options.connect_timeout = std::chrono::seconds(2);
    options.total_timeout = std::chrono::seconds(10);
    return options;
}

bss::Result<contract::LoginResponse> login(const EmbeddedBackoffice& server, const std::string& staff,
                                           const std::string& password)
{
    bss::BssClient client(client_for(server));
    contract::LoginRequest request;
    request.staff_id = staff;
    request.password = password;
    return client.call(request);
}

std::string file_text(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("the training back office starts on loopback HTTPS and answers the demo logins", "[backoffice][embedded]")
{
    testing::TempDir dir("counter-embedded");
    const auto started = std::chrono::steady_clock::now();
    EmbeddedBackoffice server(EmbeddedOptions::training(dir.path()));
    INFO("start took "
         << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
         << " ms");
    CHECK(server.url().starts_with("https://127.0.0.1:"));
    CHECK(server.url().ends_with("/bss/v1/"));
    CHECK(server.port() != 0);
    CHECK(std::filesystem::exists(server.ca_file()));
    REQUIRE(server.report().demo);
    CHECK(server.report().demo->customers == EmbeddedBackoffice::kTrainingCustomers);
    CHECK(server.report().admin_created);

    for (const auto& demo : backoffice::kDemoLogins) {
        INFO(demo.staff_id);
        const auto answer = login(server, std::string(demo.staff_id), std::string(demo.password));
        REQUIRE(std::holds_alternative<contract::LoginResponse>(answer));
        const auto& response = std::get<contract::LoginResponse>(answer);
        CHECK(response.staff.staff_id == demo.staff_id);
        CHECK_FALSE(response.must_change_password);
    }
    const auto admin = login(server, "admin", EmbeddedBackoffice::kTrainingAdminPassword);
    REQUIRE(std::holds_alternative<contract::LoginResponse>(admin));
    CHECK_FALSE(std::get<contract::LoginResponse>(admin).must_change_password);

    const auto wrong = login(server, "1001", "Clerk#1002");
    REQUIRE(std::holds_alternative<bss::CallError>(wrong));
    CHECK(std::get<bss::CallError>(wrong).code() == "E_SESSION");
    CHECK(std::get<bss::CallError>(wrong).param("reason") == "credentials");

    server.stop();
    server.stop(); // idempotent
    const auto after = login(server, "1001", "Clerk#1001");
    REQUIRE(std::holds_alternative<bss::CallError>(after));
    CHECK(std::get<bss::CallError>(after).kind == bss::FailureKind::transport);
}

TEST_CASE("a restart on the same folder keeps the data and the certificate workstations trust",
          "[backoffice][embedded]")
{
    testing::TempDir dir("counter-embedded");
    std::string ca;
    std::optional<backoffice::DemoSummary> first;
    {
        EmbeddedBackoffice server(EmbeddedOptions::training(dir.path()));
        ca = file_text(server.ca_file());
        first = server.report().demo;
    }
    EmbeddedBackoffice again(EmbeddedOptions::training(dir.path()));
    CHECK(file_text(again.ca_file()) == ca);
    CHECK_FALSE(again.report().admin_created);
    CHECK(again.report().demo == first);
    CHECK(std::holds_alternative<contract::LoginResponse>(login(again, "2001", "Super#2001")));
}

TEST_CASE("a database text that is neither SQLite nor PostgreSQL is refused before anything starts",
          "[backoffice][embedded]")
{
    testing::TempDir dir("counter-embedded");
    EmbeddedOptions options;
    options.data_dir = dir.path();
    options.db = "mysql://somewhere";
    options.admin_password = "Admin#2026";
    CHECK_THROWS_AS(EmbeddedBackoffice(options), std::invalid_argument);
}
