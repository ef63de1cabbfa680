#pragma once
/// 工号与角色 (Ctrl+Shift+A): the staff IDs and the roles of the back office, in two tabs. 工号: who may sign in, their
/// hall, roles and state (启用/停用/已锁定); new, edit, enable or disable, delete (asks first). 角色: each role with
/// its permissions in the clerk's words; new, edit (a built-in role opens as a copy to save under a new ID), delete
/// (asks first). The built-in user and built-in roles cannot be deleted: their Delete is disabled and says why.
/// Online only: administration needs the back office.
///
/// Keyboard: Alt+1 / Alt+2 choose the tab, Alt+N or Insert adds, Enter (or a double click) edits, Delete deletes,
/// Alt+B enables or disables, F5 lists again. Focus stays in the list.
///
/// The forms are dialogs of their own (StaffEditDialog, RoleEditDialog); what they hold is saved by save_staff and
/// save_role, which tests call directly with the form's values. Each tab is a panel of its own with its list and
/// its calls (StaffIdsTab, RolesTab); the page lists both, shows how things went, and runs the keys' commands.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/workstation/records.h"
#include "domain/problem.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxNotebook;
class wxStaticText;

namespace ui {

class RolesTab;
class StaffAdminTab;
class StaffIdsTab;

class StaffAdminPage : public wxPanel
{
public:
    StaffAdminPage(wxWindow* parent, PageServices services);
    ~StaffAdminPage() override;
    StaffAdminPage(const StaffAdminPage&) = delete;
    StaffAdminPage& operator=(const StaffAdminPage&) = delete;

    /// Lists the staff and the roles again.
    void refresh();

    /// Saves a staff member with the form's values: a new one (not in the list) with `initial_password`, an existing
    /// one without (or with a new password to set). Problems and refusals are shown in the page's message.
    void save_staff(const contract::StaffRecord& staff, const std::optional<std::string>& initial_password);
    /// Asks "确定删除吗?", then deletes the staff member.
    void delete_staff(const std::string& staff_id);
    /// Enables or disables a staff member (the rest of their record unchanged).
    void set_staff_enabled(const std::string& staff_id, bool enabled);
    /// Saves a role with the form's values: new when its id is not listed.
    void save_role(const contract::RoleRecord& role);
    /// Asks "确定删除吗?", then deletes the role.
    void delete_role(const std::string& role_id);

    /// The forms (modal dialogs) for the selected row; what they hold goes to the methods above.
    void new_staff_form();
    void edit_staff_form();
    void new_role_form();
    void edit_role_form();

    /// Selects a row (and the tab it is on), as the clerk would with the arrows.
    void select_staff(const std::string& staff_id);
    void select_role(const std::string& role_id);
    void show_tab(int tab);

    [[nodiscard]] bool busy() const;
    [[nodiscard]] const std::vector<contract::StaffRecord>& staff() const;
    [[nodiscard]] const std::vector<contract::RoleRecord>& roles() const;
    [[nodiscard]] const std::vector<std::string>& known_permissions() const;
    /// The rule the last save or delete broke (checked here or refused by the back office), if any.
    [[nodiscard]] const std::optional<domain::Problem>& last_problem() const { return m_last_problem; }

private:
    void build();
    void reload(const wxString& then, bool then_is_error = false);
    void show_error(const bss::CallError& error);
    /// Both tabs' buttons and notes, for the rows selected.
    void update_buttons();
    [[nodiscard]] StaffAdminTab* current_tab() const;
    void on_new();
    void on_edit();
    void on_delete();
    void set_message(const wxString& text, bool error = false);
    template <typename Work, typename Done> void run(Work work, Done done);

    std::shared_ptr<PageBackend> m_backend;
    std::optional<domain::Problem> m_last_problem;
    int m_pending = 0;

    wxNotebook* m_tabs = nullptr;
    StaffIdsTab* m_staff_tab = nullptr;
    RolesTab* m_roles_tab = nullptr;
    StatusLine* m_message = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
