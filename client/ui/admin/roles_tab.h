#pragma once
/// 工号与角色's second tab (角色): each role with its permissions in the clerk's words, and the forms and calls that
/// create, edit and delete them. A built-in role cannot be changed or deleted: Edit opens a copy to save under a new
/// ID.

#include "client/ui/admin/staff_admin_tab.h"
#include "client/workflows/workstation/records.h"

#include <string>
#include <vector>

namespace ui {

class RolesTab : public StaffAdminTab
{
public:
    RolesTab(wxWindow* parent, StaffAdminHooks hooks);

    [[nodiscard]] const std::vector<contract::RoleRecord>& roles() const { return m_roles; }
    [[nodiscard]] const std::vector<std::string>& permissions() const { return m_permissions; }
    /// Keeps the row the clerk is on (by id), to select it again when the list comes back.
    void remember_selection();
    void set_roles(std::vector<contract::RoleRecord> roles, std::vector<std::string> permissions);
    /// Lists the roles, selecting the row remembered (else the first).
    void show();
    /// Brings the buttons and the note up to date with the row selected.
    void update_buttons();
    void select(const std::string& role_id);

    void new_form();
    void edit_form();
    /// Saves a role (new when its id is not listed); `from_form`: a refusal opens the form again.
    void save(const contract::RoleRecord& role, bool from_form);
    /// Asks "确定删除吗?", then deletes.
    void remove(const std::string& role_id);
    /// The page's delete command, on the row selected when its button is enabled.
    void delete_selected();

private:
    void open_form(const contract::RoleRecord& values, bool creating, const std::vector<domain::Problem>& problems,
                   const wxString& note);
    [[nodiscard]] const contract::RoleRecord* selected() const;
    [[nodiscard]] const contract::RoleRecord* by_id(const std::string& role_id) const;

    std::vector<contract::RoleRecord> m_roles;
    std::vector<std::string> m_permissions;
    std::string m_select; ///< row to select when the list comes back
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;
};

} // namespace ui
