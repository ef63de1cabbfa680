// Staff sign-in, sessions, lockout, password change, administration and the permission matrix, against the real
// back office over loopback HTTPS.
#include "../support/scenario.h"
#include "services/contract/operations.h"

#include <set>

using namespace contract;
using testing::Scenario;

TEST_CASE("login gives a session, logout ends it, and no token means E_SESSION", "[integration]")
{
    Scenario scenario;
    auto client = scenario.anonymous();
    const auto login = client->login("1001", "Clerk#1001");
    REQUIRE(login.ok());
    CHECK(login.value().staff.hall_id == "H01");
    CHECK(std::count(login.value().staff.permissions.begin(), login.value().staff.permissions.end(), "order.submit") ==
          1);
    CHECK(client->call(CatalogGetRequest{}).ok());

    CHECK(client->call(LogoutRequest{}).ok());
    const auto after = client->call(CatalogGetRequest{});
    CHECK(after.status == 401);
    CHECK(after.code() == "E_SESSION");

    client->set_token("not-a-token");
    CHECK(client->call(CatalogGetRequest{}).code() == "E_SESSION");
    client->set_token("");
    CHECK(client->call(CatalogGetRequest{}).code() == "E_SESSION");
}

TEST_CASE("a wrong password is refused the same way as an unknown staff id, and five lock the account", "[integration]")
{
    Scenario scenario;
    auto client = scenario.anonymous();
    const auto unknown = client->login("9999", "whatever1");
    const auto wrong = client->login("1001", "wrong-password1");
    CHECK(unknown.code() == "E_SESSION");
    CHECK(wrong.code() == "E_SESSION");
    CHECK(unknown.param("reason") == wrong.param("reason"));

    for (int i = 0; i < 3; ++i) {
        CHECK(client->login("1001", "wrong-password1").param("reason") == "credentials");
    }
    const auto fifth = client->login("1001", "wrong-password1");
    CHECK(fifth.param("reason") == "locked");
    CHECK_FALSE(fifth.param("until").empty());
    // Locked: even the right password is refused until the time passes or a supervisor saves the record.
    CHECK(client->login("1001", "Clerk#1001").param("reason") == "locked");
    CHECK(client->login("1002", "Clerk#1002").ok());

    auto admin = scenario.client_as("admin");
    auto staff = admin->call(StaffListRequest{});
    REQUIRE(staff.ok());
    const auto locked = std::find_if(staff.value().staff.begin(), staff.value().staff.end(),
                                     [](const auto& s) { return s.staff_id == "1001"; });
    REQUIRE(locked != staff.value().staff.end());
    CHECK(locked->locked);
    REQUIRE(admin->call(StaffSaveRequest{*locked, std::nullopt}).ok());
    CHECK(client->login("1001", "Clerk#1001").ok());
}

TEST_CASE("changing the password needs the old one, refuses weak ones and ends the other sessions", "[integration]")
{
    Scenario scenario;
    auto first = scenario.client_as("1001");
    auto second = scenario.client_as("1001");
    CHECK(first->call(ChangePasswordRequest{"wrong-old1", "Better#2027"}).param("reason") == "wrong");
    CHECK(first->call(ChangePasswordRequest{"Clerk#1001", "short1"}).param("reason") == "weak");
    CHECK(first->call(ChangePasswordRequest{"Clerk#1001", "onlyletters"}).param("reason") == "weak");
    REQUIRE(first->call(ChangePasswordRequest{"Clerk#1001", "Better#2027"}).ok());
    CHECK(first->call(CatalogGetRequest{}).ok());
    CHECK(second->call(CatalogGetRequest{}).code() == "E_SESSION");
    CHECK(scenario.anonymous()->login("1001", "Clerk#1001").code() == "E_SESSION");
    CHECK(scenario.anonymous()->login("1001", "Better#2027").ok());
}

TEST_CASE("the administrator manages staff and roles, and built-in ones cannot be deleted", "[integration]")
{
    Scenario scenario;
    auto admin = scenario.client_as("admin");

    StaffRecord clerk{"1009", "王五", "H01", {"clerk"}, true, false, false};
    CHECK(admin->call(StaffSaveRequest{clerk, std::nullopt}).param("field") == "initialPassword");
    REQUIRE(admin->call(StaffSaveRequest{clerk, std::string("Start#1009")}).ok());
    auto fresh = scenario.anonymous();
    const auto first_login = fresh->login("1009", "Start#1009");
    REQUIRE(first_login.ok());
    CHECK(first_login.value().must_change_password);
    // Until the initial password is changed it opens nothing else.
    const auto blocked = fresh->call(CatalogGetRequest{});
    CHECK(blocked.code() == "E_PERMISSION");
    CHECK(blocked.param("reason") == "mustChangePassword");
    REQUIRE(fresh->call(ChangePasswordRequest{"Start#1009", "Mine#10090"}).ok());
    CHECK(fresh->call(CatalogGetRequest{}).ok());

    StaffRecord unknown_role = clerk;
    unknown_role.roles = {"nosuchrole"};
    CHECK(admin->call(StaffSaveRequest{unknown_role, std::nullopt}).param("reason") == "unknown");

    CHECK(admin->call(StaffDeleteRequest{"admin"}).param("reason") == "builtIn");
    REQUIRE(admin->call(StaffDeleteRequest{"1009"}).ok());
    CHECK(fresh->call(CatalogGetRequest{}).code() == "E_SESSION");
    CHECK(scenario.anonymous()->login("1009", "Mine#10090").code() == "E_SESSION");

    const auto roles = admin->call(RoleListRequest{});
    REQUIRE(roles.ok());
    CHECK(roles.value().roles.size() == 4);
    CHECK_FALSE(roles.value().permissions.empty());
    CHECK(admin->call(RoleDeleteRequest{"clerk"}).param("reason") == "builtIn");
    CHECK(admin->call(RoleSaveRequest{{"clerk", "x", false, {}}}).param("reason") == "builtIn");
    CHECK(admin->call(RoleSaveRequest{{"cashier", "收银员", false, {"no.such"}}}).param("reason") == "unknown");
    REQUIRE(admin->call(RoleSaveRequest{{"cashier", "收银员", false, {"payment.take", "order.read"}}}).ok());
    StaffRecord cashier{"1010", "赵六", "H01", {"cashier"}, true, false, false};
    REQUIRE(admin->call(StaffSaveRequest{cashier, std::string("Start#1010")}).ok());
    CHECK(admin->call(RoleSaveRequest{{"auditor", "稽核", false, {"customer.blacklist"}}}).param("reason") ==
          "unknown");
    CHECK(admin->call(RoleDeleteRequest{"cashier"}).param("reason") == "inUse");
}

TEST_CASE("every operation checks its permission for every built-in role", "[integration]")
{
    Scenario scenario;
    // What each demo role may do, per operation's permission (services/backoffice/permissions.cpp is the policy;
    // this table is the expectation written out independently).
    const std::map<std::string, std::set<std::string>> allowed{
        {"1001",
         {"", "customer.read", "customer.write", "number.reserve", "order.read", "order.submit", "payment.take",
          "settlement.own", "sync"}},
        {"3001", {"", "customer.read", "customer.write", "number.reserve", "order.read", "order.submit", "sync"}},
        {"2001",
         {"", "customer.read", "customer.write", "number.reserve", "order.read", "order.submit", "order.cancel",
          "payment.take", "payment.refund", "settlement.own", "report.read", "sync", "workorder.complete"}},
    };
    const std::map<std::string, std::string> needs{
        {"staffList", "admin.staff"},
        {"staffSave", "admin.staff"},
        {"staffDelete", "admin.staff"},
        {"roleList", "admin.staff"},
        {"roleSave", "admin.roles"},
        {"roleDelete", "admin.roles"},
        {"customerFind", "customer.read"},
        {"customerGet", "customer.read"},
        {"customerCreate", "customer.write"},
        {"customerUpdate", "customer.write"},
        {"preCheck", "customer.read"},
        {"numberReserve", "number.reserve"},
        {"numberRelease", "number.reserve"},
        {"orderSubmit", "order.submit"},
        {"orderGet", "order.read"},
        {"orderList", "order.read"},
        {"orderCancel", "order.cancel"},
        {"workOrderComplete", "workorder.complete"},
        {"paymentCreate", "payment.take"},
        {"billingAccountList", "customer.read"},
        {"billingAccountCreate", "customer.write"},
        {"settlementGet", "settlement.own"},
        {"settlementClose", "settlement.own"},
        {"syncChanges", "sync"},
        {"memberList", "customer.read"},
        {"reportVolume", "report.read"},
    };
    for (const auto& [staff, permissions] : allowed) {
        auto client = scenario.client_as(staff);
        for_each_operation([&](auto request) {
            using Request = decltype(request);
            const std::string operation = Request::kOperation;
            if (operation == "login" || operation == "logout" || operation == "refundCreate") {
                return; // login needs no session; refundCreate takes a supervisor's approval inline (own test)
            }
            const auto need = needs.contains(operation) ? needs.at(operation) : std::string();
            // An empty request is enough: the permission is checked before the body is read.
            const auto answer = client->call(Request{});
            INFO(staff << " " << operation << " " << answer.code());
            if (permissions.contains(need)) {
                CHECK(answer.code() != "E_PERMISSION");
            } else {
                CHECK(answer.code() == "E_PERMISSION");
                CHECK(answer.status == 403);
            }
        });
    }
}

TEST_CASE("sessions expire and number reservations lapse with time", "[integration]")
{
    if (testing::BackofficeProcess::backend() != "sqlite") {
        SUCCEED("restarting on the same data at a later time is covered with SQLite");
        return;
    }
    testing::BackofficeOptions options;
    options.data_dir =
        std::filesystem::temp_directory_path() / ("counter-expiry-" + testing::BssTestClient::fresh_key());
    std::string token;
    std::string number;
    {
        Scenario scenario(options);
        auto clerk = scenario.client_as("1001");
        token = clerk->token();
        number = scenario.free_numbers(*clerk, 1).at(0).number;
        REQUIRE(clerk->call(NumberReserveRequest{number}).ok());
        CHECK(scenario.client_as("1002")->call(NumberReserveRequest{number}).code() == "E_NUMBER_TAKEN");
    }
    // Nine hours later: past the 8-hour session and the 30-minute reservation.
    options.demo_data = false;
    options.fixed_time = "2026-11-23T11:00:00Z";
    Scenario later(options);
    auto old_session = later.anonymous();
    old_session->set_token(token);
    const auto expired = old_session->call(CatalogGetRequest{});
    CHECK(expired.code() == "E_SESSION");
    CHECK(expired.status == 401);
    auto other = later.client_as("1002");
    const auto lapsed = other->call(NumberReserveRequest{number});
    INFO(lapsed.code());
    CHECK(lapsed.ok());
    std::filesystem::remove_all(*options.data_dir);
}
