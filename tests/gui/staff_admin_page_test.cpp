// 工号与角色 in a bare frame against the real back office over loopback HTTPS, in Chinese, signed in as the
// administrator: the list shows the demo staff; one is added, edited, disabled and deleted through the page's methods
// (the delete asks first: once answered no, nothing is deleted); a locked-out clerk shows as 已锁定 until saved; the
// built-in user's Delete is disabled and says why; bad input is told and changes nothing; the roles tab lists the
// built-in roles, and the role form names every permission in Chinese; the staff form shows each bad field's problem
// under it. A clerk is told they may not.
// Screenshots: staff_admin_zh.png, staff_admin_roles_zh.png, staff_edit_dialog_zh.png, role_edit_dialog_zh.png.

#include "client/ui/admin/role_edit_dialog.h"
#include "client/ui/admin/staff_admin_page.h"
#include "client/ui/admin/staff_edit_dialog.h"
#include "pages_support.h"

#include <wx/button.h>
#include <wx/notebook.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

struct AdminWindow
{
    Host host;
    ui::StaffAdminPage* page = nullptr;

    AdminWindow(testing::Workstation& ws, ScriptedPrompts& prompts)
    {
        page = new ui::StaffAdminPage(host.frame, services_for(ws, true, prompts));
        host.frame->SetSize(1100, 700);
        host.show();
        wait();
    }

    void wait()
    {
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    [[nodiscard]] wxListCtrl* staff_list() const { return find<wxListCtrl>(page, "staff_admin_staff_list"); }
    [[nodiscard]] wxListCtrl* role_list() const { return find<wxListCtrl>(page, "staff_admin_role_list"); }

    /// The row of `id` in `list` (first column), or -1.
    static long row_of(wxListCtrl* list, const char* id)
    {
        for (long row = 0; row < list->GetItemCount(); ++row) {
            if (cell(list, row, 0) == zh(id)) {
                return row;
            }
        }
        return -1;
    }

    [[nodiscard]] wxString message() const { return label_of(page, "staff_admin_message"); }
};

contract::StaffRecord member(const std::string& id, const std::string& name, std::vector<std::string> roles)
{
    contract::StaffRecord staff;
    staff.staff_id = id;
    staff.name = name;
    staff.hall_id = "H01";
    staff.roles = std::move(roles);
    return staff;
}

} // namespace

TEST_CASE("工号与角色: staff are listed, added, edited, disabled and deleted (asking first); built-in ones stay; "
          "roles name their permissions in Chinese",
          "[gui][pages][staff-admin]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "admin");
    ScriptedPrompts prompts;
    AdminWindow window(ws, prompts);
    auto* list = window.staff_list();
    REQUIRE(list);
    INFO(window.message().utf8_string());

    // The demo staff, with their roles and state in Chinese.
    const long clerk = AdminWindow::row_of(list, "1001");
    REQUIRE(clerk >= 0);
    CHECK(cell(list, clerk, 1) == zh("李晓梅"));
    CHECK(cell(list, clerk, 2) == "H01");
    CHECK(cell(list, clerk, 3) == zh("营业员"));
    CHECK(cell(list, clerk, 4) == zh("启用"));
    CHECK(AdminWindow::row_of(list, "2001") >= 0);
    CHECK(AdminWindow::row_of(list, "admin") >= 0);
    CHECK(list->HasFocus());

    // Added through the page, as the form would.
    window.page->save_staff(member("1003", "陈志强", {"clerk"}), std::string("Start#2026"));
    window.wait();
    INFO(window.message().utf8_string());
    CHECK_FALSE(window.page->last_problem());
    const long added = AdminWindow::row_of(list, "1003");
    REQUIRE(added >= 0);
    CHECK(cell(list, added, 1) == zh("陈志强"));
    CHECK(window.message().Contains("1003"));
    CHECK(list->GetItemState(added, wxLIST_STATE_SELECTED) != 0);

    // Bad input is told and sends nothing.
    const auto count = list->GetItemCount();
    window.page->save_staff(member("1004", "王芳", {}), std::string("Start#2026"));
    window.wait();
    REQUIRE(window.page->last_problem());
    CHECK(window.page->last_problem()->code == domain::Errc::staff_roles);
    CHECK(window.message() == zh("请至少勾选一个角色。"));
    window.page->save_staff(member("10 04", "王芳", {"clerk"}), std::string("short"));
    window.wait();
    CHECK(window.page->last_problem()->code == domain::Errc::staff_id);
    CHECK(list->GetItemCount() == count);
    CHECK(AdminWindow::row_of(list, "1004") < 0);

    // Edited: two roles, shown by name.
    auto edited = member("1003", "陈志强", {"clerk", "manager"});
    window.page->save_staff(edited, std::nullopt);
    window.wait();
    CHECK_FALSE(window.page->last_problem());
    CHECK(cell(list, AdminWindow::row_of(list, "1003"), 3) == zh("营业员、客户经理"));

    // Disabled, then enabled again.
    window.page->set_staff_enabled("1003", false);
    window.wait();
    CHECK(cell(list, AdminWindow::row_of(list, "1003"), 4) == zh("停用"));
    window.page->select_staff("1003");
    CHECK(find<wxButton>(window.page, "staff_admin_staff_toggle")->GetLabel().Contains(zh("启用")));
    window.page->set_staff_enabled("1003", true);
    window.wait();
    CHECK(cell(list, AdminWindow::row_of(list, "1003"), 4) == zh("启用"));

    // Locked out after five wrong passwords: shown as such, and saving the record unlocks it.
    for (int i = 0; i < 5; ++i) {
        bss::BssClient client(testing::options_for(scenario.server()));
        CHECK(std::holds_alternative<bss::CallError>(workflows::sign_in(client, "1002", "not-the-password")));
    }
    window.page->refresh();
    window.wait();
    CHECK(cell(list, AdminWindow::row_of(list, "1002"), 4) == zh("已锁定"));
    window.page->select_staff("1002");
    CHECK(label_of(window.page, "staff_admin_staff_note").Contains(zh("锁定")));
    const auto locked = *std::ranges::find(window.page->staff(), std::string("1002"), &contract::StaffRecord::staff_id);
    window.page->save_staff(locked, std::nullopt);
    window.wait();
    CHECK(cell(list, AdminWindow::row_of(list, "1002"), 4) == zh("启用"));

    // The built-in user: Delete disabled, and why.
    window.page->select_staff("admin");
    CHECK_FALSE(find<wxButton>(window.page, "staff_admin_staff_delete")->IsEnabled());
    CHECK(label_of(window.page, "staff_admin_staff_note").Contains(zh("内置")));
    window.page->delete_staff("admin");
    window.wait();
    CHECK(prompts.asked.empty());
    REQUIRE(window.page->last_problem());
    CHECK(window.page->last_problem()->code == domain::Errc::staff_built_in);
    CHECK(AdminWindow::row_of(list, "admin") >= 0);
    screenshot(window.host.frame, "staff_admin_zh");
    window.page->select_staff("1003");
    CHECK(find<wxButton>(window.page, "staff_admin_staff_delete")->IsEnabled());

    // Delete asks: no keeps them (asked by the Delete key on the selected row), yes deletes.
    prompts.confirms = {false};
    wxListEvent key(wxEVT_LIST_KEY_DOWN, list->GetId());
    key.SetEventObject(list);
    key.m_code = WXK_DELETE;
    list->GetEventHandler()->ProcessEvent(key);
    window.wait();
    REQUIRE(prompts.asked.size() == 1);
    CHECK(prompts.asked.front().Contains(zh("确定删除吗")));
    CHECK(prompts.asked.front().Contains("1003"));
    CHECK(AdminWindow::row_of(list, "1003") >= 0);
    prompts.confirms = {true};
    window.page->delete_staff("1003");
    window.wait();
    CHECK(prompts.asked.size() == 2);
    CHECK(AdminWindow::row_of(list, "1003") < 0);
    CHECK(window.message().Contains("1003"));

    // The staff form: every bad field says what is wrong, under itself.
    {
        contract::StaffRecord blank;
        ui::StaffEditDialog form(window.page, blank, true, window.page->roles(), "admin");
        form.Show();
        settle();
        CHECK_FALSE(form.check());
        CHECK(form.problem_shown("id") == zh("请输入工号。"));
        CHECK(form.problem_shown("name") == zh("请输入员工姓名。"));
        CHECK(form.problem_shown("roles") == zh("请至少勾选一个角色。"));
        CHECK(form.problem_shown("password").Contains(zh("初始密码")));
        screenshot(&form, "staff_edit_dialog_zh");
        form.Hide();
    }

    // Roles: the built-in ones, not deletable; the form names each permission.
    window.page->show_tab(1);
    settle();
    auto* roles = window.role_list();
    REQUIRE(roles);
    for (const char* id : {"admin", "clerk", "manager", "supervisor"}) {
        INFO(id);
        const long row = AdminWindow::row_of(roles, id);
        REQUIRE(row >= 0);
        CHECK(cell(roles, row, 2) == zh("内置"));
    }
    CHECK(cell(roles, AdminWindow::row_of(roles, "clerk"), 1) == zh("营业员"));
    CHECK(cell(roles, AdminWindow::row_of(roles, "admin"), 3) == "15");
    CHECK(cell(roles, AdminWindow::row_of(roles, "supervisor"), 4).Contains(zh("撤单")));
    CHECK_FALSE(cell(roles, AdminWindow::row_of(roles, "clerk"), 4).Contains(zh("撤单")));
    window.page->select_role("clerk");
    CHECK_FALSE(find<wxButton>(window.page, "staff_admin_role_delete")->IsEnabled());
    CHECK(label_of(window.page, "staff_admin_role_note").Contains(zh("内置角色")));
    CHECK(roles->HasFocus());
    screenshot(window.host.frame, "staff_admin_roles_zh");

    {
        const auto& clerk_role =
            *std::ranges::find(window.page->roles(), std::string("clerk"), &contract::RoleRecord::role_id);
        ui::RoleEditDialog form(window.page, clerk_role, false, window.page->known_permissions());
        const auto lines = form.permission_lines();
        REQUIRE(lines.size() == 15);
        CHECK(std::ranges::find(lines, zh("撤单（order.cancel）")) != lines.end());
        CHECK(std::ranges::find(lines, zh("管理工号（admin.staff）")) != lines.end());
        for (const auto& line : lines) {
            INFO(line.utf8_string());
            CHECK_FALSE(line.StartsWith(zh("admin.")));
        }
        form.Show();
        settle();
        screenshot(&form, "role_edit_dialog_zh");
        form.Hide();
    }

    // A role of one's own: saved, then deleted after asking.
    window.page->save_role({"cashier", "收银员", false, {"payment.take", "settlement.own"}});
    window.wait();
    INFO(window.message().utf8_string());
    const long cashier = AdminWindow::row_of(roles, "cashier");
    REQUIRE(cashier >= 0);
    CHECK(cell(roles, cashier, 2) == zh("自定义"));
    CHECK(cell(roles, cashier, 3) == "2");
    window.page->select_role("cashier");
    CHECK(find<wxButton>(window.page, "staff_admin_role_delete")->IsEnabled());
    prompts.confirms = {true};
    window.page->delete_role("cashier");
    window.wait();
    CHECK(prompts.asked.back().Contains(zh("确定删除吗")));
    CHECK(AdminWindow::row_of(roles, "cashier") < 0);
    window.page->delete_role("clerk");
    window.wait();
    CHECK(window.page->last_problem()->code == domain::Errc::role_built_in);
    CHECK(AdminWindow::row_of(roles, "clerk") >= 0);
}

TEST_CASE("工号与角色: a clerk is told their role does not allow it", "[gui][pages][staff-admin]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    ScriptedPrompts prompts;
    AdminWindow window(ws, prompts);
    CHECK(window.staff_list()->GetItemCount() == 0);
    CHECK(window.message() == zh("您的角色无权执行此操作，请联系班长。"));
}
