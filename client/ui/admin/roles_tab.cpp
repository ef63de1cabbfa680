#include "client/ui/admin/roles_tab.h"

#include "client/ui/admin/permission_names.h"
#include "client/ui/admin/role_edit_dialog.h"
#include "client/ui/base/problem_text.h"

#include <algorithm>
#include <utility>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

namespace ui {

namespace {

using workflows::AdminResult;

const StaffAdminTab::Column kColumns[] = {
    {wxTRANSLATE("Role ID"), wxLIST_FORMAT_LEFT, 140},        {wxTRANSLATE("Role name"), wxLIST_FORMAT_LEFT, 180},
    {wxTRANSLATE("Role kind"), wxLIST_FORMAT_LEFT, 90},       {wxTRANSLATE("Permissions"), wxLIST_FORMAT_RIGHT, 70},
    {wxTRANSLATE("What it allows"), wxLIST_FORMAT_LEFT, 400},
};

const StaffAdminTab::Button kButtons[] = {
    {kStaffAdminNew, wxTRANSLATE("New... (Alt+N)"), "staff_admin_role_new"},
    {kStaffAdminEdit, wxTRANSLATE("Edit... (Enter)"), "staff_admin_role_edit"},
    {kStaffAdminDelete, wxTRANSLATE("Delete (Del)"), "staff_admin_role_delete"},
    {kStaffAdminRefresh, wxTRANSLATE("Refresh (F5)"), "staff_admin_role_refresh"},
};

} // namespace

RolesTab::RolesTab(wxWindow* parent, StaffAdminHooks hooks)
    : StaffAdminTab(parent, std::move(hooks), "staff_admin_roles_tab", "staff_admin_role", kColumns, kButtons,
                    [this] { edit_form(); })
{
    m_edit = m_buttons[1];
    m_delete = m_buttons[2];
}

void RolesTab::remember_selection()
{
    if (const auto* role = selected(); role != nullptr && m_select.empty()) {
        m_select = role->role_id;
    }
}

void RolesTab::set_roles(std::vector<contract::RoleRecord> roles, std::vector<std::string> permissions)
{
    m_roles = std::move(roles);
    m_permissions = std::move(permissions);
}

void RolesTab::show()
{
    const std::string keep = std::exchange(m_select, std::string());
    m_list->DeleteAllItems();
    long select = m_roles.empty() ? -1 : 0;
    for (const auto& role : m_roles) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(role.role_id));
        m_list->SetItem(row, 1, wxString::FromUTF8(role.name));
        m_list->SetItem(row, 2, role.built_in ? _("Built-in") : _("Custom"));
        m_list->SetItem(row, 3, std::to_string(role.permissions.size()));
        wxString allows;
        for (const auto& permission : role.permissions) {
            allows += (allows.empty() ? wxString() : _(", ")) + permission_name(permission);
        }
        m_list->SetItem(row, 4, allows);
        if (role.role_id == keep) {
            select = row;
        }
    }
    if (select >= 0) {
        select_row(select);
    }
    m_hooks.changed();
}

void RolesTab::update_buttons()
{
    const auto* role = selected();
    m_edit->Enable(role != nullptr);
    const wxString note =
        role != nullptr && role->built_in
            ? _("A built-in role cannot be deleted or changed: Edit opens a copy to save under a new role ID.")
            : wxString();
    m_delete->Enable(role != nullptr && !role->built_in);
    m_delete->SetToolTip(note);
    m_note->SetLabel(note);
}

const contract::RoleRecord* RolesTab::selected() const
{
    return selected_in(m_roles);
}

const contract::RoleRecord* RolesTab::by_id(const std::string& role_id) const
{
    return find_in(m_roles, &contract::RoleRecord::role_id, role_id);
}

void RolesTab::select(const std::string& role_id)
{
    select_in(m_roles, &contract::RoleRecord::role_id, role_id);
}

void RolesTab::delete_selected()
{
    if (const auto* role = selected(); role != nullptr && m_delete->IsEnabled()) {
        remove(role->role_id);
    }
}

void RolesTab::new_form()
{
    open_form(contract::RoleRecord{}, true, {}, wxString());
}

void RolesTab::edit_form()
{
    const auto* role = selected();
    if (role == nullptr) {
        return;
    }
    if (role->built_in) {
        // Built-in roles are what a fresh install relies on: offer a copy to save under a new id.
        auto copy = *role;
        copy.role_id.clear();
        copy.built_in = false;
        open_form(copy, true, {},
                  wxString::Format(_("%s is a built-in role and cannot be changed: this is a copy of it, to save "
                                     "under a new role ID."),
                                   wxString::FromUTF8(role->role_id)));
        return;
    }
    open_form(*role, false, {}, wxString());
}

void RolesTab::open_form(const contract::RoleRecord& values, bool creating,
                         const std::vector<domain::Problem>& problems, const wxString& note)
{
    if (m_hooks.busy()) {
        return;
    }
    RoleEditDialog dialog(m_hooks.owner, values, creating, m_permissions, note);
    if (!problems.empty()) {
        dialog.show_problems(problems);
    }
    const bool saved = dialog.ShowModal() == wxID_OK;
    m_list->SetFocus();
    if (saved) {
        save(dialog.record(), true);
    }
}

void RolesTab::save(const contract::RoleRecord& role, bool from_form)
{
    const auto* existing = by_id(role.role_id);
    const bool creating = existing == nullptr;
    auto record = role;
    record.built_in = existing != nullptr && existing->built_in;
    m_hooks.keep_problem(std::nullopt);
    m_hooks.say(_("Saving..."), false);
    run(
        [backend = m_hooks.backend, record, creating] {
            auto admin = staff_administration(*backend);
            return creating ? admin.create_role(record) : admin.update_role(record);
        },
        [this, record, creating, from_form](AdminResult<contract::RoleRecord> answer) {
            const auto* problem = std::get_if<domain::Problem>(&answer);
            if (problem != nullptr && from_form && !record.built_in) {
                // Back to the form with what was typed, the problem under its field.
                CallAfter([this, record, creating, problem = *problem] {
                    open_form(record, creating, {problem}, wxString());
                });
            }
            if (refused(answer)) {
                return;
            }
            const auto& saved = std::get<contract::RoleRecord>(answer);
            m_select = saved.role_id;
            m_hooks.reload(wxString::Format(_("Role %s is saved."), wxString::FromUTF8(saved.role_id)));
        });
}

void RolesTab::remove(const std::string& role_id)
{
    const auto* existing = by_id(role_id);
    if (existing == nullptr || m_hooks.busy()) {
        return;
    }
    m_hooks.keep_problem(std::nullopt);
    if (existing->built_in) {
        const auto problem = domain::problem(domain::Errc::role_built_in, {{"role", role_id}, {"action", "delete"}});
        m_hooks.keep_problem(problem);
        m_hooks.say(problem_text(problem), true);
        return;
    }
    const auto record = *existing;
    const auto& prompts = m_hooks.backend->services().prompts;
    if (!page_confirm(prompts, m_hooks.owner, _("Delete role"),
                      wxString::Format(_("Are you sure you want to delete it?\nRole %s (%s) is removed."),
                                       wxString::FromUTF8(record.role_id), wxString::FromUTF8(record.name)))) {
        m_hooks.say(_("Nothing was deleted."), false);
        m_list->SetFocus();
        return;
    }
    m_hooks.say(_("Deleting..."), false);
    run([backend = m_hooks.backend, record] { return staff_administration(*backend).delete_role(record); },
        [this, role_id](const AdminResult<contract::RoleDeleteResponse>& answer) {
            m_list->SetFocus();
            if (refused(answer)) {
                return;
            }
            m_hooks.reload(wxString::Format(_("Role %s is deleted."), wxString::FromUTF8(role_id)));
        });
}

} // namespace ui
