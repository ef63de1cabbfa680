#pragma once
/// The form of one role (工号与角色 → 角色 → New or Edit): role ID (fixed once created), name, and its permissions as
/// a checklist in the clerk's words. A built-in role cannot be changed: editing one opens a copy to save under a new
/// ID. OK checks the fields and shows each problem under its field; it closes only when none is left. A thin shell:
/// the page saves what it holds (StaffAdminPage::save_role).

#include "client/workflows/workstation/records.h"
#include "domain/problem.h"

#include <string>
#include <vector>
#include <wx/dialog.h>

class wxCheckListBox;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class RoleEditDialog : public wxDialog
{
public:
    /// `values` prefill the form; `creating` a new role (ID editable). `permissions`: every one the back office knows.
    /// `note` is shown above the fields (e.g. that this is a copy of a built-in role).
    RoleEditDialog(wxWindow* parent, const contract::RoleRecord& values, bool creating,
                   const std::vector<std::string>& permissions, const wxString& note = wxString());

    /// What the form holds (text trimmed; never built in).
    [[nodiscard]] contract::RoleRecord record() const;
    [[nodiscard]] bool creating() const { return m_creating; }

    /// Checks the form; shows each problem under its field and returns whether there was none (OK does this).
    bool check();
    void show_problems(const std::vector<domain::Problem>& problems);
    /// The message under a field ("id", "name"), for tests.
    [[nodiscard]] wxString problem_shown(const std::string& field) const;
    /// The checklist's line for each permission, in order (for tests).
    [[nodiscard]] std::vector<wxString> permission_lines() const;

private:
    bool m_creating;
    std::vector<std::string> m_permissions;
    std::string m_id_fixed;
    wxTextCtrl* m_id = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxCheckListBox* m_list = nullptr;
    wxStaticText* m_id_error = nullptr;
    wxStaticText* m_name_error = nullptr;
};

} // namespace ui
