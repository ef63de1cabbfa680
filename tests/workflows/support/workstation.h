#pragma once
/// A workstation for the workflow tests: a cache of its own, a BssClient signed in at the real back office (or one
/// pointed at a port where nothing listens, for the offline paths), its OrderDesk, and a sync worker to send what was
/// queued. Header-only: each test executable that includes it gets its own copy of these few helpers.

#include "client/store/database.h"
#include "client/store/outbox.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/sign_in.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>

namespace testing {

inline bss::ClientOptions client_options(const std::string& url, const std::filesystem::path& ca)
{
    using namespace std::chrono_literals;
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(bss::parse_endpoint(url, false));
    options.ca_file = ca;
    options.total_timeout = 10s;
    options.connect_timeout = 2s;
    options.attempts = 1;
    return options;
}

inline bss::ClientOptions options_for(const BackofficeProcess& server)
{
    return client_options(server.url(), server.ca_file());
}

/// A back office that is not there: nothing listens on port 1, so every call fails at once with E_TRANSPORT.
inline bss::ClientOptions unreachable_options(const BackofficeProcess& server)
{
    return client_options("https://127.0.0.1:1/bss/v1/", server.ca_file());
}

struct Workstation
{
    Scenario& scenario;
    std::string staff;
    TempDir dir{"counter-wf"};
    std::filesystem::path cache = dir.path() / "cache.db";
    std::unique_ptr<soci::session> sql = store::open_database(cache);
    workflows::OrderDesk desk{*sql, "ws-test"};
    bss::BssClient client{options_for(scenario.server())};
    bss::BssClient offline{unreachable_options(scenario.server())};
    std::string token;

    Workstation(Scenario& s, std::string staff_id, const std::string& password = {})
        : scenario(s), staff(std::move(staff_id))
    {
        const auto session = workflows::sign_in(client, staff, password.empty() ? kDemoPasswords.at(staff) : password);
        REQUIRE(std::holds_alternative<workflows::StaffSession>(session));
        token = std::get<workflows::StaffSession>(session).token;
    }

    /// Sends everything queued through a sync worker signed in as this staff member, until nothing is pending.
    void sync()
    {
        using namespace std::chrono_literals;
        workflows::SyncWorkerOptions quick;
        quick.senders = 2;
        quick.first_retry = 200ms;
        quick.max_retry = 1s;
        quick.idle_poll = 100ms;
        workflows::SyncWorker worker(cache, options_for(scenario.server()), {}, quick);
        worker.start();
        worker.sign_in(staff, token);
        store::Outbox outbox(*sql);
        for (int i = 0; i < 300 && outbox.pending_count() > 0; ++i) {
            worker.wait_drained(100ms);
        }
        worker.stop();
        REQUIRE(outbox.pending_count() == 0);
    }
};

/// A staff member of hall H01 whose only role has `permissions`, signed in with a password already changed.
inline std::string restricted_staff(Scenario& scenario, const std::string& staff_id,
                                    const std::vector<std::string>& permissions)
{
    auto admin = scenario.client_as("admin");
    const std::string role = "r" + staff_id;
    REQUIRE(admin->call(contract::RoleSaveRequest{{role, "受限角色", false, permissions}}).ok());
    REQUIRE(admin
                ->call(contract::StaffSaveRequest{{staff_id, "受限员工", "H01", {role}, true, false, false},
                                                  std::string("Start#") + staff_id})
                .ok());
    auto fresh = scenario.anonymous();
    REQUIRE(fresh->login(staff_id, "Start#" + staff_id).ok());
    const std::string password = "Mine#" + staff_id + "0";
    REQUIRE(fresh->call(contract::ChangePasswordRequest{"Start#" + staff_id, password}).ok());
    return password;
}

} // namespace testing
