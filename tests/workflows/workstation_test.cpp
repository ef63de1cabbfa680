// The headless workstation against the real back office: its desks' clients and the one expired-session policy.
// The back office ends a session when it is logged out (here by a second client holding the same token, as a
// sign-in elsewhere or a time-out would); the next call of any desk then signs in again once — asking the clerk, or
// with the trainee's stored login — and is sent again, and the sync worker goes on with the new token. A clerk who
// declines is asked once, and every call then answers E_SESSION.

#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/workstation/desk.h"
#include "client/workflows/workstation/workstation.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/support/temp_dir.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

namespace {

using workflows::Desk;
using workflows::Workstation;

workflows::BackOfficeLink link_to(testing::Scenario& scenario)
{
    workflows::BackOfficeLink link;
    link.url = scenario.server().url();
    link.ca_file = scenario.server().ca_file();
    return link;
}

/// The back office forgets `token`, as when the clerk's session times out there.
void end_session(testing::Scenario& scenario, const std::string& token)
{
    auto other = scenario.anonymous();
    other->set_token(token);
    REQUIRE(other->call(contract::LogoutRequest{}).ok());
}

/// A read every clerk may make; the error, or nothing when it was answered.
std::optional<workflows::CallError> read_catalog(Desk& desk)
{
    REQUIRE(desk.client() != nullptr);
    auto answer = desk.client()->call(contract::CatalogGetRequest{std::nullopt});
    if (auto* error = std::get_if<workflows::CallError>(&answer)) {
        return *error;
    }
    return std::nullopt;
}

struct Counted
{
    std::atomic<int> asked{0};
    std::optional<std::string> answer;

    Workstation::PasswordPrompt prompt()
    {
        return [this](const std::string& staff_id, const std::function<bool()>&) -> std::optional<std::string> {
            CHECK(staff_id == "1001");
            ++asked;
            return answer;
        };
    }
};

/// Connects `workstation` to the scenario's back office with `clerk` as its password prompt and signs 1001 in;
/// the session's token.
std::string sign_in_1001(Workstation& workstation, testing::Scenario& scenario, Counted& clerk)
{
    workstation.set_password_prompt(clerk.prompt());
    REQUIRE_FALSE(workstation.connect(link_to(scenario), {}));
    auto signed_in = workstation.sign_in("1001", testing::kDemoPasswords.at("1001"));
    REQUIRE(std::holds_alternative<workflows::StaffSession>(signed_in));
    return std::get<workflows::StaffSession>(signed_in).token;
}

/// The desk's next call is refused for the ended session.
void check_session_refused(Desk& desk)
{
    auto refused = read_catalog(desk);
    REQUIRE(refused);
    CHECK(refused->is(contract::ResultCode::session));
}

} // namespace

TEST_CASE("After the back office ends the session, a desk's call signs in again once, asking the clerk, and is "
          "sent again",
          "[workstation][session]")
{
    testing::Scenario scenario;
    testing::TempDir dir("counter-ws");
    Workstation workstation(dir.path());
    Counted clerk;
    clerk.answer = testing::kDemoPasswords.at("1001");
    const auto first_token = sign_in_1001(workstation, scenario, clerk);

    Desk desk(workstation.desk_services());
    CHECK_FALSE(read_catalog(desk));
    CHECK(clerk.asked == 0);

    end_session(scenario, first_token);

    SECTION("one desk: asked once, answered")
    {
        CHECK_FALSE(read_catalog(desk));
        CHECK(clerk.asked == 1);
        REQUIRE(workstation.staff());
        CHECK(workstation.staff()->token != first_token);
        CHECK(workstation.staff()->staff.staff_id == "1001");
        // The renewed session serves the next calls without asking again.
        CHECK_FALSE(read_catalog(desk));
        CHECK(clerk.asked == 1);
    }
    SECTION("four desks at once: asked once, every call answered")
    {
        std::vector<std::unique_ptr<Desk>> desks;
        for (int i = 0; i < 4; ++i) {
            desks.push_back(std::make_unique<Desk>(workstation.desk_services()));
            REQUIRE(desks.back()->client() != nullptr); // made here, with the old token
        }
        std::atomic<int> answered{0};
        std::vector<std::thread> threads;
        for (auto& each : desks) {
            threads.emplace_back([&answered, &each] {
                auto answer = each->client()->call(contract::CatalogGetRequest{std::nullopt});
                if (std::holds_alternative<contract::CatalogGetResponse>(answer)) {
                    ++answered;
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        CHECK(answered == 4);
        CHECK(clerk.asked == 1);
    }
    SECTION("the sync worker sends with the renewed token")
    {
        // An install queued while the session is ended waits (the sender is refused with E_SESSION)...
        auto clerk_client = scenario.client_as("1001");
        const auto number = scenario.free_numbers(*clerk_client, 1).at(0).number;
        const auto customer = scenario.new_individual(*clerk_client, "李四");
        const auto building = scenario.building_with_free_ports(*clerk_client, 1);
        auto sql = desk.services().open_cache();
        workflows::OrderDesk orders(*sql, desk.services().workstation_id);
        const auto accepted =
            orders.accept("1001", testing::Scenario::install_draft(customer.customer_id, number, building.address_id));
        workstation.wake_sync();
        // ...until a desk's call renews the session, which hands the sender threads the new token.
        CHECK_FALSE(read_catalog(desk));
        store::Outbox outbox(*sql);
        for (int i = 0; i < 300 && outbox.pending_count() > 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        CHECK(outbox.pending_count() == 0);
        CHECK(store::OrderStore(*sql).by_local_id(accepted.local_id)->order_id.has_value());
        CHECK(clerk.asked == 1);
    }
}

TEST_CASE("A clerk who declines to sign in again is asked once, and the calls answer E_SESSION",
          "[workstation][session]")
{
    testing::Scenario scenario;
    testing::TempDir dir("counter-ws");
    Workstation workstation(dir.path());
    Counted clerk; // answers nothing: declined
    end_session(scenario, sign_in_1001(workstation, scenario, clerk));

    Desk desk(workstation.desk_services());
    check_session_refused(desk);
    CHECK(clerk.asked == 1);

    Desk another(workstation.desk_services());
    check_session_refused(another);
    CHECK(clerk.asked == 1);

    SECTION("a wrong password counts as declining")
    {
        testing::TempDir other_dir("counter-ws");
        Workstation other(other_dir.path());
        Counted wrong;
        wrong.answer = "not-the-password";
        end_session(scenario, sign_in_1001(other, scenario, wrong));
        Desk desk_two(other.desk_services());
        check_session_refused(desk_two);
        check_session_refused(desk_two);
        CHECK(wrong.asked == 1);
    }
}

TEST_CASE("In training mode the trainee's stored login renews the session without asking", "[workstation][session]")
{
    testing::Scenario scenario;
    testing::TempDir dir("counter-ws");
    Workstation workstation(dir.path());
    workstation.set_training({"1001", testing::kDemoPasswords.at("1001")}, dir.path() / "training");
    Counted clerk;
    end_session(scenario, sign_in_1001(workstation, scenario, clerk));

    Desk desk(workstation.desk_services());
    CHECK_FALSE(read_catalog(desk));
    CHECK(clerk.asked == 0);
    // Training's work goes to its own cache, made when training mode was set.
    CHECK(std::filesystem::exists(dir.path() / "training" / "cache.db"));
}

TEST_CASE("Without a sign-in a desk has no client, and login itself is never renewed", "[workstation][session]")
{
    testing::Scenario scenario;
    testing::TempDir dir("counter-ws");
    Workstation workstation(dir.path());
    Counted clerk;
    clerk.answer = testing::kDemoPasswords.at("1001");
    workstation.set_password_prompt(clerk.prompt());
    REQUIRE_FALSE(workstation.connect(link_to(scenario), {}));
    Desk before(workstation.desk_services());
    CHECK(before.client() == nullptr);

    auto refused = workstation.sign_in("1001", "wrong password");
    REQUIRE(std::holds_alternative<workflows::CallError>(refused));
    CHECK(clerk.asked == 0);
    CHECK_FALSE(workstation.staff());
}
