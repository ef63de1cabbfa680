#pragma once
/// The form of one staff member (工号与角色 → New or Edit): 工号 (fixed once created), name, hall, roles, enabled,
/// and a new member's initial password (masked; they change it at their first sign-in). OK checks every field with
/// the workflow's rules and shows each problem under its field; it closes only when none is left, so nothing is sent
/// until all are fixed. A thin shell: the page saves what it holds (StaffAdminPage::save_staff).

#include "client/workflows/workstation/records.h"
#include "domain/problem.h"

#include <optional>
#include <string>
#include <vector>
#include <wx/dialog.h>

class wxCheckBox;
class wxCheckListBox;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class StaffEditDialog : public wxDialog
{
public:
    /// `values` prefill the form; `creating` a new member (工号 editable, initial password asked). `roles` are offered
    /// in their order; `self` is the signed-in 工号 (who may not disable themselves).
    StaffEditDialog(wxWindow* parent, const contract::StaffRecord& values, bool creating,
                    const std::vector<contract::RoleRecord>& roles, std::string self);

    /// What the form holds (text trimmed).
    [[nodiscard]] contract::StaffRecord record() const;
    /// The initial password typed (new members only), or nothing.
    [[nodiscard]] std::optional<std::string> initial_password() const;
    void set_initial_password(const std::string& password);
    [[nodiscard]] bool creating() const { return m_creating; }

    /// Checks the form; shows each problem under its field and returns whether there was none (OK does this).
    bool check();
    /// Shows `problems` under their fields (e.g. what the back office refused), clearing the others.
    void show_problems(const std::vector<domain::Problem>& problems);
    /// The message under a field ("id", "name", "roles", "enabled", "password"), for tests.
    [[nodiscard]] wxString problem_shown(const std::string& field) const;

private:
    wxStaticText* error_label(const char* name);

    bool m_creating;
    std::string m_self;
    contract::StaffRecord m_original;
    std::vector<std::string> m_role_ids;
    wxTextCtrl* m_id = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_hall = nullptr;
    wxCheckListBox* m_roles = nullptr;
    wxCheckBox* m_enabled = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_id_error = nullptr;
    wxStaticText* m_name_error = nullptr;
    wxStaticText* m_roles_error = nullptr;
    wxStaticText* m_enabled_error = nullptr;
    wxStaticText* m_password_error = nullptr;
};

} // namespace ui
