#pragma once
/// 工号与角色's first tab (工号): who may sign in, their hall, roles and state (启用/停用/已锁定), and the forms and
/// calls that create, edit, enable or disable and delete them. The built-in user and the clerk's own ID cannot be
/// deleted.

#include "client/ui/admin/staff_admin_tab.h"
#include "client/workflows/workstation/records.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ui {

class StaffIdsTab : public StaffAdminTab
{
public:
    /// `roles()` are the roles the back office has (the roles tab's), to name and to choose from.
    StaffIdsTab(wxWindow* parent, StaffAdminHooks hooks,
                std::function<const std::vector<contract::RoleRecord>&()> roles);

    [[nodiscard]] const std::vector<contract::StaffRecord>& staff() const { return m_staff; }
    /// Keeps the row the clerk is on (by id), to select it again when the list comes back.
    void remember_selection();
    void set_staff(std::vector<contract::StaffRecord> staff);
    /// Lists the staff, selecting the row remembered (else the first).
    void show();
    /// Brings the buttons and the note up to date with the row selected.
    void update_buttons();
    void select(const std::string& staff_id);

    void new_form();
    void edit_form();
    /// Saves a staff member (see StaffAdminPage::save_staff); `from_form`: a refusal opens the form again.
    void save(const contract::StaffRecord& staff, const std::optional<std::string>& password, bool from_form);
    void set_enabled(const std::string& staff_id, bool enabled);
    /// Asks "确定删除吗?", then deletes.
    void remove(const std::string& staff_id);
    /// The page's toggle and delete commands, on the row selected when its button is enabled.
    void toggle_selected();
    void delete_selected();

private:
    void open_form(const contract::StaffRecord& values, bool creating, const std::string& password,
                   const std::vector<domain::Problem>& problems);
    [[nodiscard]] const contract::StaffRecord* selected() const;
    [[nodiscard]] const contract::StaffRecord* by_id(const std::string& staff_id) const;
    [[nodiscard]] wxString role_names(const std::vector<std::string>& role_ids) const;

    std::function<const std::vector<contract::RoleRecord>&()> m_roles;
    std::vector<contract::StaffRecord> m_staff;
    std::string m_select; ///< row to select when the list comes back
    wxButton* m_edit = nullptr;
    wxButton* m_toggle = nullptr;
    wxButton* m_delete = nullptr;
};

} // namespace ui
