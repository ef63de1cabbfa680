// 工号与角色 against the real back office: the administrator lists staff and roles, creates a staff member who must
// change the initial password at first sign-in, edits their roles, disables them (they can no longer sign in) and
// deletes them; a locked-out member is let in again by saving their record; the built-in user and roles cannot be
// deleted (refused here before sending, and by the back office when sent anyway); a clerk is refused with E_PERMISSION;
// bad input gives its Problem and sends nothing.

#include "client/workflows/admin/staff_administration.h"
#include "client/workflows/workstation/sign_in.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/workflows/support/workstation.h"

#include <algorithm>
#include <catch2/catch.hpp>

using workflows::AdminResult;
using workflows::StaffAdministration;

namespace {

template <typename T> T answer_of(AdminResult<T> result)
{
    if (const auto* problem = std::get_if<domain::Problem>(&result)) {
        FAIL("refused: " << problem->to_string());
    }
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        FAIL("failed: " << error->code() << " " << error->detail);
    }
    return std::get<T>(std::move(result));
}

template <typename T> domain::Problem problem_of(const AdminResult<T>& result)
{
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        FAIL("a call error instead of a problem: " << error->code());
    }
    REQUIRE(std::holds_alternative<domain::Problem>(result));
    return std::get<domain::Problem>(result);
}

template <typename T> bss::CallError error_of(const AdminResult<T>& result)
{
    if (const auto* problem = std::get_if<domain::Problem>(&result)) {
        FAIL("a problem instead of a call error: " << problem->to_string());
    }
    REQUIRE(std::holds_alternative<bss::CallError>(result));
    return std::get<bss::CallError>(result);
}

contract::StaffRecord member(const std::string& id, const std::string& name, std::vector<std::string> roles)
{
    contract::StaffRecord staff;
    staff.staff_id = id;
    staff.name = name;
    staff.hall_id = "H01";
    staff.roles = std::move(roles);
    staff.enabled = true;
    return staff;
}

const contract::StaffRecord* find_staff(const std::vector<contract::StaffRecord>& staff, const std::string& id)
{
    const auto found = std::ranges::find(staff, id, &contract::StaffRecord::staff_id);
    return found == staff.end() ? nullptr : &*found;
}

const contract::RoleRecord* find_role(const std::vector<contract::RoleRecord>& roles, const std::string& id)
{
    const auto found = std::ranges::find(roles, id, &contract::RoleRecord::role_id);
    return found == roles.end() ? nullptr : &*found;
}

/// A fresh client signing in as `staff_id`.
std::variant<workflows::StaffSession, bss::CallError>
sign_in_as(testing::Scenario& scenario, const std::string& staff_id, const std::string& password)
{
    bss::BssClient client(testing::options_for(scenario.server()));
    return workflows::sign_in(client, staff_id, password);
}

/// The list as (id, name, enabled, roles), to compare before and after.
std::vector<std::string> summary(const std::vector<contract::StaffRecord>& staff)
{
    std::vector<std::string> lines;
    for (const auto& s : staff) {
        std::string line = s.staff_id + "|" + s.name + "|" + s.hall_id + "|" + (s.enabled ? "on" : "off");
        for (const auto& role : s.roles) {
            line += "|" + role;
        }
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("staff administration: list, create (must change the password), edit roles, disable, delete",
          "[workflows][staff-admin]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "admin");
    StaffAdministration admin(&ws.client, ws.staff, "ws-test");

    const auto staff = answer_of(admin.list_staff());
    REQUIRE(find_staff(staff, "admin"));
    CHECK(find_staff(staff, "admin")->built_in);
    REQUIRE(find_staff(staff, "1001"));
    CHECK(find_staff(staff, "1001")->name == "李晓梅");
    CHECK(find_staff(staff, "1001")->roles == std::vector<std::string>{"clerk"});
    CHECK_FALSE(find_staff(staff, "1001")->built_in);
    CHECK(find_staff(staff, "2001"));
    CHECK(find_staff(staff, "3001"));

    const auto roles = answer_of(admin.list_roles());
    for (const char* id : {"admin", "supervisor", "clerk", "manager"}) {
        INFO(id);
        REQUIRE(find_role(roles.roles, id));
        CHECK(find_role(roles.roles, id)->built_in);
    }
    CHECK(roles.permissions.size() == 15);
    CHECK(std::ranges::find(roles.permissions, std::string("order.cancel")) != roles.permissions.end());
    CHECK(find_role(roles.roles, "admin")->permissions.size() == roles.permissions.size());

    // A new member; the same 工号 again is refused here rather than overwriting them.
    const auto created = answer_of(admin.create_staff(member("1003", "陈志强", {"clerk"}), "Start#2026"));
    CHECK(created.staff_id == "1003");
    CHECK(created.roles == std::vector<std::string>{"clerk"});
    CHECK(created.enabled);
    const auto again = problem_of(admin.create_staff(member("1003", "别人", {"manager"}), "Other#2026"));
    CHECK(again.code == domain::Errc::staff_id);
    CHECK(again.param("reason") == "taken");
    CHECK(find_staff(answer_of(admin.list_staff()), "1003")->name == "陈志强");

    // Their first sign-in leads to changing the password.
    {
        bss::BssClient client(testing::options_for(scenario.server()));
        const auto first = workflows::sign_in(client, "1003", "Start#2026");
        REQUIRE(std::holds_alternative<workflows::StaffSession>(first));
        CHECK(std::get<workflows::StaffSession>(first).must_change_password);
        CHECK_FALSE(workflows::change_password(client, "Start#2026", "Chen#20261").has_value());
        const auto second = sign_in_as(scenario, "1003", "Chen#20261");
        REQUIRE(std::holds_alternative<workflows::StaffSession>(second));
        CHECK_FALSE(std::get<workflows::StaffSession>(second).must_change_password);
    }

    // Roles edited: the whole list is replaced, and signing in gives the new permissions.
    auto edited = created;
    edited.roles = {"clerk", "supervisor"};
    edited.name = "陈志强(班长)";
    const auto saved = answer_of(admin.update_staff(edited));
    CHECK(saved.roles == std::vector<std::string>{"clerk", "supervisor"});
    CHECK(saved.name == "陈志强(班长)");
    {
        const auto session = sign_in_as(scenario, "1003", "Chen#20261");
        REQUIRE(std::holds_alternative<workflows::StaffSession>(session));
        CHECK(std::get<workflows::StaffSession>(session).may("order.cancel"));
    }

    // Disabled: the sessions end and they cannot sign in; enabled again, they can.
    bss::BssClient signed_in(testing::options_for(scenario.server()));
    REQUIRE(std::holds_alternative<workflows::StaffSession>(workflows::sign_in(signed_in, "1003", "Chen#20261")));
    auto disabled = saved;
    disabled.enabled = false;
    CHECK_FALSE(answer_of(admin.update_staff(disabled)).enabled);
    const auto refused = sign_in_as(scenario, "1003", "Chen#20261");
    REQUIRE(std::holds_alternative<bss::CallError>(refused));
    CHECK(std::get<bss::CallError>(refused).code() == "E_SESSION");
    const auto ended = signed_in.call(contract::CatalogGetRequest{});
    REQUIRE(std::holds_alternative<bss::CallError>(ended));
    CHECK(std::get<bss::CallError>(ended).code() == "E_SESSION");
    CHECK_FALSE(find_staff(answer_of(admin.list_staff()), "1003")->enabled);
    disabled.enabled = true;
    CHECK(answer_of(admin.update_staff(disabled)).enabled);
    CHECK(std::holds_alternative<workflows::StaffSession>(sign_in_as(scenario, "1003", "Chen#20261")));

    // Deleted: gone from the list, and no sign-in.
    answer_of(admin.delete_staff(*find_staff(answer_of(admin.list_staff()), "1003")));
    CHECK_FALSE(find_staff(answer_of(admin.list_staff()), "1003"));
    const auto gone = sign_in_as(scenario, "1003", "Chen#20261");
    REQUIRE(std::holds_alternative<bss::CallError>(gone));
    CHECK(std::get<bss::CallError>(gone).code() == "E_SESSION");

    // Five wrong passwords lock a member out; saving their record lets them in again.
    for (int i = 0; i < 5; ++i) {
        CHECK(std::holds_alternative<bss::CallError>(sign_in_as(scenario, "1002", "not-the-password")));
    }
    const auto locked = *find_staff(answer_of(admin.list_staff()), "1002");
    CHECK(locked.locked);
    CHECK(std::holds_alternative<bss::CallError>(sign_in_as(scenario, "1002", "Clerk#1002")));
    CHECK_FALSE(answer_of(admin.update_staff(locked)).locked);
    CHECK(std::holds_alternative<workflows::StaffSession>(sign_in_as(scenario, "1002", "Clerk#1002")));
}

TEST_CASE("staff administration: built-in user and roles are never deleted, roles in use neither, and a clerk may "
          "not administer",
          "[workflows][staff-admin]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "admin");
    StaffAdministration admin(&ws.client, ws.staff, "ws-test");
    const auto staff_before = summary(answer_of(admin.list_staff()));

    // The built-in user: refused here, and by the back office when sent anyway.
    const auto built_in_user = *find_staff(answer_of(admin.list_staff()), "admin");
    const auto user_refused = problem_of(admin.delete_staff(built_in_user));
    CHECK(user_refused.code == domain::Errc::staff_built_in);
    CHECK(user_refused.param("staff") == "admin");
    const auto sent_anyway = ws.client.call(contract::StaffDeleteRequest{"admin"}, bss::new_idempotency_key());
    REQUIRE(std::holds_alternative<bss::CallError>(sent_anyway));
    CHECK(std::get<bss::CallError>(sent_anyway).code() == "E_PERMISSION");
    CHECK(std::get<bss::CallError>(sent_anyway).param("reason") == "builtIn");
    // A record that does not say it is built in (stale) is refused by the back office, read as the same rule.
    auto stale = built_in_user;
    stale.built_in = false;
    StaffAdministration other_admin(&ws.client, "someone-else", "ws-test");
    CHECK(problem_of(other_admin.delete_staff(stale)).code == domain::Errc::staff_built_in);
    // Oneself: refused here.
    auto clerk_record = *find_staff(answer_of(admin.list_staff()), "1001");
    StaffAdministration as_1001(nullptr, "1001", "ws-test");
    const auto self = problem_of(as_1001.delete_staff(clerk_record));
    CHECK(self.code == domain::Errc::staff_self);
    CHECK(self.param("action") == "delete");
    CHECK(summary(answer_of(admin.list_staff())) == staff_before);

    // Built-in roles: neither deleted nor changed, here or at the back office.
    const auto roles = answer_of(admin.list_roles()).roles;
    const auto clerk_role = *find_role(roles, "clerk");
    const auto role_refused = problem_of(admin.delete_role(clerk_role));
    CHECK(role_refused.code == domain::Errc::role_built_in);
    CHECK(role_refused.param("action") == "delete");
    auto renamed = clerk_role;
    renamed.name = "柜员";
    CHECK(problem_of(admin.update_role(renamed)).param("action") == "change");
    const auto role_sent = ws.client.call(contract::RoleDeleteRequest{"clerk"}, bss::new_idempotency_key());
    REQUIRE(std::holds_alternative<bss::CallError>(role_sent));
    CHECK(std::get<bss::CallError>(role_sent).param("reason") == "builtIn");
    renamed.built_in = false; // as if the list were stale: the back office refuses, read as the same rule
    const auto changed = problem_of(admin.update_role(renamed));
    CHECK(changed.code == domain::Errc::role_built_in);
    CHECK(changed.param("action") == "change");
    CHECK(find_role(answer_of(admin.list_roles()).roles, "clerk")->name == "营业员");

    // A role of one's own: created, the same id again refused, edited, refused while held, deleted when free.
    contract::RoleRecord cashier{"cashier", "收银员", false, {"payment.take", "settlement.own"}};
    const auto made = answer_of(admin.create_role(cashier));
    CHECK_FALSE(made.built_in);
    CHECK(made.permissions == std::vector<std::string>{"payment.take", "settlement.own"});
    const auto taken = problem_of(admin.create_role(cashier));
    CHECK(taken.code == domain::Errc::role_id);
    CHECK(taken.param("reason") == "taken");
    cashier.permissions.push_back("order.read");
    cashier.name = "收银";
    const auto edited = answer_of(admin.update_role(cashier));
    CHECK(edited.name == "收银");
    CHECK(edited.permissions.size() == 3);
    const auto holder = answer_of(admin.create_staff(member("1004", "王芳", {"cashier"}), "Start#2026"));
    const auto in_use = error_of(admin.delete_role(edited));
    CHECK(in_use.code() == "E_VALIDATION");
    CHECK(in_use.param("reason") == "inUse");
    CHECK(in_use.param("staff") == "1");
    auto moved = holder;
    moved.roles = {"clerk"};
    answer_of(admin.update_staff(moved));
    answer_of(admin.delete_role(edited));
    CHECK_FALSE(find_role(answer_of(admin.list_roles()).roles, "cashier"));

    // A clerk: every administration call is refused by the back office.
    testing::Workstation clerk_ws(scenario, "1001");
    StaffAdministration clerk(&clerk_ws.client, clerk_ws.staff, "ws-clerk");
    CHECK(error_of(clerk.list_staff()).code() == "E_PERMISSION");
    CHECK(error_of(clerk.list_roles()).code() == "E_PERMISSION");
    CHECK(error_of(clerk.create_staff(member("1005", "赵六", {"clerk"}), "Start#2026")).code() == "E_PERMISSION");
    CHECK(error_of(clerk.update_staff(clerk_record)).code() == "E_PERMISSION");
    CHECK(error_of(clerk.delete_staff(*find_staff(answer_of(admin.list_staff()), "1002"))).code() == "E_PERMISSION");
    CHECK(error_of(clerk.create_role({"clerk2", "营业员二", false, {"order.read"}})).code() == "E_PERMISSION");
    CHECK_FALSE(find_staff(answer_of(admin.list_staff()), "1005"));
    CHECK(find_staff(answer_of(admin.list_staff()), "1002"));
}

TEST_CASE("staff administration: each bad input gives its problem and sends nothing", "[workflows][staff-admin]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "admin");
    StaffAdministration admin(&ws.client, ws.staff, "ws-test");
    const auto staff_before = summary(answer_of(admin.list_staff()));
    const auto roles_before = answer_of(admin.list_roles()).roles.size();
    const std::string good_password = "Start#2026";

    struct Row
    {
        const char* what;
        contract::StaffRecord staff;
        std::optional<std::string> password;
        domain::Errc code;
        std::vector<std::pair<std::string, std::string>> params;
    };
    const auto good = member("1009", "周七", {"clerk"});
    const auto with = [&](auto change) {
        auto staff = good;
        change(staff);
        return staff;
    };
    const std::vector<Row> rows{
        {"no 工号",
         with([](auto& s) { s.staff_id.clear(); }),
         good_password,
         domain::Errc::staff_id,
         {{"reason", "empty"}}},
        {"a space in the 工号",
         with([](auto& s) { s.staff_id = "10 09"; }),
         good_password,
         domain::Errc::staff_id,
         {{"reason", "character"}, {"position", "3"}}},
        {"Chinese in the 工号",
         with([](auto& s) { s.staff_id = "工号9"; }),
         good_password,
         domain::Errc::staff_id,
         {{"reason", "character"}, {"position", "1"}}},
        {"a full-width digit",
         with([](auto& s) { s.staff_id = "100９"; }),
         good_password,
         domain::Errc::staff_id,
         {{"reason", "character"}, {"position", "4"}}},
        {"a 工号 too long",
         with([](auto& s) { s.staff_id = std::string(65, '1'); }),
         good_password,
         domain::Errc::staff_id,
         {{"reason", "long"}, {"maximum", "64"}}},
        {"no name",
         with([](auto& s) { s.name.clear(); }),
         good_password,
         domain::Errc::staff_name,
         {{"reason", "empty"}}},
        {"a blank name",
         with([](auto& s) { s.name = "   "; }),
         good_password,
         domain::Errc::staff_name,
         {{"reason", "empty"}}},
        {"no role",
         with([](auto& s) { s.roles.clear(); }),
         good_password,
         domain::Errc::staff_roles,
         {{"reason", "none"}}},
        {"no initial password", good, std::nullopt, domain::Errc::staff_password, {{"reason", "missing"}}},
        {"an empty initial password", good, std::string(), domain::Errc::staff_password, {{"reason", "missing"}}},
        {"a short initial password",
         good,
         std::string("Abc#123"),
         domain::Errc::staff_password,
         {{"reason", "short"}, {"length", "7"}, {"minimum", "8"}}},
        {"an initial password too long",
         good,
         std::string(129, 'a'),
         domain::Errc::staff_password,
         {{"reason", "long"}, {"maximum", "128"}}},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        const auto problem = problem_of(admin.create_staff(row.staff, row.password.value_or(std::string())));
        CHECK(domain::code_name(problem.code) == domain::code_name(row.code));
        CHECK(problem.params == row.params);
        // The form shows every problem at once, this one among them.
        const auto all = StaffAdministration::check_staff(row.staff, row.password, true, "admin");
        CHECK(std::ranges::find(all, problem) != all.end());
    }

    // Updates: the same checks (no password needed), and nobody disables themselves.
    const auto listed = answer_of(admin.list_staff());
    auto me = *find_staff(listed, "admin");
    me.enabled = false;
    const auto self = problem_of(admin.update_staff(me));
    CHECK(self.code == domain::Errc::staff_self);
    CHECK(self.param("action") == "disable");
    auto nameless = *find_staff(listed, "1001");
    nameless.name.clear();
    CHECK(problem_of(admin.update_staff(nameless)).code == domain::Errc::staff_name);
    auto short_reset = nameless;
    short_reset.name = "李晓梅";
    CHECK(problem_of(admin.update_staff(short_reset, std::string("short"))).code == domain::Errc::staff_password);

    // Every problem of a form at once, in the form's order.
    contract::StaffRecord empty;
    const auto all = StaffAdministration::check_staff(empty, std::nullopt, true, "admin");
    REQUIRE(all.size() == 4);
    CHECK(all[0].code == domain::Errc::staff_id);
    CHECK(all[1].code == domain::Errc::staff_name);
    CHECK(all[2].code == domain::Errc::staff_roles);
    CHECK(all[3].code == domain::Errc::staff_password);
    CHECK(domain::code_name(domain::Errc::staff_password) == "E_STAFF_PASSWORD");

    // Roles.
    struct RoleRow
    {
        const char* what;
        contract::RoleRecord role;
        domain::Errc code;
        std::string reason;
    };
    const std::vector<RoleRow> role_rows{
        {"no role id", {"", "收银员", false, {"payment.take"}}, domain::Errc::role_id, "empty"},
        {"Chinese in the role id", {"收银", "收银员", false, {}}, domain::Errc::role_id, "character"},
        {"a role id too long", {std::string(65, 'r'), "收银员", false, {}}, domain::Errc::role_id, "long"},
        {"no role name", {"cashier", " ", false, {}}, domain::Errc::role_name, "empty"},
    };
    for (const auto& row : role_rows) {
        INFO(row.what);
        const auto problem = problem_of(admin.create_role(row.role));
        CHECK(domain::code_name(problem.code) == domain::code_name(row.code));
        CHECK(problem.param("reason") == row.reason);
    }

    CHECK(summary(answer_of(admin.list_staff())) == staff_before);
    CHECK(answer_of(admin.list_roles()).roles.size() == roles_before);
}

TEST_CASE("staff administration needs the back office", "[workflows][staff-admin]")
{
    StaffAdministration offline(nullptr, "admin", "ws-test");
    const auto listed = offline.list_staff();
    REQUIRE(std::holds_alternative<bss::CallError>(listed));
    CHECK(workflows::is_administration_offline(std::get<bss::CallError>(listed)));
    CHECK(workflows::is_administration_offline(std::get<bss::CallError>(offline.list_roles())));
    const auto saved = offline.create_staff(member("1009", "周七", {"clerk"}), "Start#2026");
    REQUIRE(std::holds_alternative<bss::CallError>(saved));
    CHECK(workflows::is_administration_offline(std::get<bss::CallError>(saved)));
    // Bad input is still told first: it is wrong whether or not the back office answers.
    CHECK(std::holds_alternative<domain::Problem>(offline.create_staff(member("", "周七", {"clerk"}), "Start#2026")));
}
