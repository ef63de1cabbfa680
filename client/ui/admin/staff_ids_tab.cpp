#include "client/ui/admin/staff_ids_tab.h"

#include "client/ui/admin/staff_edit_dialog.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/base/status_line.h"

#include <algorithm>
#include <utility>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

namespace ui {

namespace {

using workflows::AdminResult;

wxString state_text(const contract::StaffRecord& staff)
{
    if (staff.locked) {
        return _("Locked");
    }
    return staff.enabled ? _("Enabled") : _("Disabled");
}

const StaffAdminTab::Column kColumns[] = {
    {wxTRANSLATE("Staff ID"), wxLIST_FORMAT_LEFT, 110},     {wxTRANSLATE("Staff name"), wxLIST_FORMAT_LEFT, 140},
    {wxTRANSLATE("Business hall"), wxLIST_FORMAT_LEFT, 90}, {wxTRANSLATE("Roles"), wxLIST_FORMAT_LEFT, 260},
    {wxTRANSLATE("Status"), wxLIST_FORMAT_LEFT, 90},
};

const StaffAdminTab::Button kButtons[] = {
    {kStaffAdminNew, wxTRANSLATE("New... (Alt+N)"), "staff_admin_staff_new"},
    {kStaffAdminEdit, wxTRANSLATE("Edit... (Enter)"), "staff_admin_staff_edit"},
    {kStaffAdminToggle, wxTRANSLATE("Disable (Alt+B)"), "staff_admin_staff_toggle"},
    {kStaffAdminDelete, wxTRANSLATE("Delete (Del)"), "staff_admin_staff_delete"},
    {kStaffAdminRefresh, wxTRANSLATE("Refresh (F5)"), "staff_admin_staff_refresh"},
};

} // namespace

StaffIdsTab::StaffIdsTab(wxWindow* parent, StaffAdminHooks hooks,
                         std::function<const std::vector<contract::RoleRecord>&()> roles)
    : StaffAdminTab(parent, std::move(hooks), "staff_admin_staff_tab", "staff_admin_staff", kColumns, kButtons,
                    [this] { edit_form(); }),
      m_roles(std::move(roles))
{
    m_edit = m_buttons[1];
    m_toggle = m_buttons[2];
    m_delete = m_buttons[3];
}

void StaffIdsTab::remember_selection()
{
    if (const auto* staff = selected(); staff != nullptr && m_select.empty()) {
        m_select = staff->staff_id;
    }
}

void StaffIdsTab::set_staff(std::vector<contract::StaffRecord> staff)
{
    m_staff = std::move(staff);
}

wxString StaffIdsTab::role_names(const std::vector<std::string>& role_ids) const
{
    const auto& roles = m_roles();
    wxString names;
    for (const auto& id : role_ids) {
        if (!names.empty()) {
            names += _(", ");
        }
        const auto found = std::ranges::find(roles, id, &contract::RoleRecord::role_id);
        names += wxString::FromUTF8(found != roles.end() && !found->name.empty() ? found->name : id);
    }
    return names;
}

void StaffIdsTab::show()
{
    const std::string keep = std::exchange(m_select, std::string());
    m_list->DeleteAllItems();
    long select = m_staff.empty() ? -1 : 0;
    for (const auto& staff : m_staff) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(staff.staff_id));
        m_list->SetItem(row, 1, wxString::FromUTF8(staff.name));
        m_list->SetItem(row, 2, wxString::FromUTF8(staff.hall_id));
        m_list->SetItem(row, 3, role_names(staff.roles));
        m_list->SetItem(row, 4, state_text(staff));
        if (!staff.enabled || staff.locked) {
            m_list->SetItemTextColour(row, staff.locked ? problem_colour() : wxColour(0x80, 0x80, 0x80));
        }
        if (staff.staff_id == keep) {
            select = row;
        }
    }
    if (select >= 0) {
        select_row(select);
    }
    m_hooks.changed();
}

void StaffIdsTab::update_buttons()
{
    const auto& self = m_hooks.backend->services().staff;
    const auto* staff = selected();
    m_edit->Enable(staff != nullptr);
    wxString why_not; // why Delete is disabled
    if (staff != nullptr && staff->built_in) {
        why_not = _("The built-in administrator cannot be deleted.");
    } else if (staff != nullptr && staff->staff_id == self) {
        why_not = _("You are signed in with this staff ID: it cannot be deleted or disabled here.");
    }
    m_delete->Enable(staff != nullptr && why_not.empty());
    m_delete->SetToolTip(why_not);
    wxString note = why_not;
    if (staff != nullptr && staff->locked) {
        const auto locked = _("This staff ID is locked after failed sign-ins: Edit and save it to unlock it.");
        note = note.empty() ? locked : note + "\n" + locked;
    }
    m_toggle->SetLabel(staff != nullptr && !staff->enabled ? _("Enable (Alt+B)") : _("Disable (Alt+B)"));
    m_toggle->Enable(staff != nullptr && staff->staff_id != self);
    m_note->SetLabel(note);
}

const contract::StaffRecord* StaffIdsTab::selected() const
{
    return selected_in(m_staff);
}

const contract::StaffRecord* StaffIdsTab::by_id(const std::string& staff_id) const
{
    return find_in(m_staff, &contract::StaffRecord::staff_id, staff_id);
}

void StaffIdsTab::select(const std::string& staff_id)
{
    select_in(m_staff, &contract::StaffRecord::staff_id, staff_id);
}

void StaffIdsTab::toggle_selected()
{
    if (m_toggle->IsEnabled()) {
        if (const auto* staff = selected()) {
            set_enabled(staff->staff_id, !staff->enabled);
        }
    }
}

void StaffIdsTab::delete_selected()
{
    if (const auto* staff = selected(); staff != nullptr && m_delete->IsEnabled()) {
        remove(staff->staff_id);
    }
}

void StaffIdsTab::new_form()
{
    contract::StaffRecord blank;
    blank.hall_id = m_hooks.backend->services().hall_id;
    blank.enabled = true;
    open_form(blank, true, {}, {});
}

void StaffIdsTab::edit_form()
{
    if (const auto* staff = selected()) {
        open_form(*staff, false, {}, {});
    }
}

void StaffIdsTab::open_form(const contract::StaffRecord& values, bool creating, const std::string& password,
                            const std::vector<domain::Problem>& problems)
{
    if (m_hooks.busy()) {
        return;
    }
    StaffEditDialog dialog(m_hooks.owner, values, creating, m_roles(), m_hooks.backend->services().staff);
    dialog.set_initial_password(password);
    if (!problems.empty()) {
        dialog.show_problems(problems);
    }
    const bool saved = dialog.ShowModal() == wxID_OK;
    m_list->SetFocus();
    if (saved) {
        save(dialog.record(), dialog.initial_password(), true);
    }
}

void StaffIdsTab::save(const contract::StaffRecord& staff, const std::optional<std::string>& password, bool from_form)
{
    const auto* existing = by_id(staff.staff_id);
    const bool creating = existing == nullptr;
    auto record = staff;
    if (existing != nullptr) {
        record.built_in = existing->built_in;
    }
    m_hooks.keep_problem(std::nullopt);
    m_hooks.say(_("Saving..."), false);
    run(
        [backend = m_hooks.backend, record, password, creating] {
            auto admin = staff_administration(*backend);
            return creating ? admin.create_staff(record, password.value_or(std::string()))
                            : admin.update_staff(record, password);
        },
        [this, record, password, creating, from_form](AdminResult<contract::StaffRecord> answer) {
            const auto* problem = std::get_if<domain::Problem>(&answer);
            if (problem != nullptr && from_form) {
                // Back to the form with what was typed, the problem under its field.
                CallAfter([this, record, password, creating, problem = *problem] {
                    open_form(record, creating, password.value_or(std::string()), {problem});
                });
            }
            if (refused(answer)) {
                return;
            }
            const auto& saved = std::get<contract::StaffRecord>(answer);
            m_select = saved.staff_id;
            m_hooks.reload(creating ? wxString::Format(_("Staff ID %s is created: they change the initial password "
                                                         "at their first sign-in."),
                                                       wxString::FromUTF8(saved.staff_id))
                                    : wxString::Format(_("Staff ID %s is saved."), wxString::FromUTF8(saved.staff_id)));
        });
}

void StaffIdsTab::set_enabled(const std::string& staff_id, bool enabled)
{
    const auto* existing = by_id(staff_id);
    if (existing == nullptr || m_hooks.busy()) {
        return;
    }
    auto record = *existing;
    record.enabled = enabled;
    m_hooks.keep_problem(std::nullopt);
    m_hooks.say(_("Saving..."), false);
    run([backend = m_hooks.backend, record] { return staff_administration(*backend).update_staff(record); },
        [this, staff_id, enabled](const AdminResult<contract::StaffRecord>& answer) {
            if (refused(answer)) {
                return;
            }
            m_select = staff_id;
            const auto id = wxString::FromUTF8(staff_id);
            m_hooks.reload(enabled ? wxString::Format(_("Staff ID %s is enabled."), id)
                                   : wxString::Format(_("Staff ID %s is disabled: it can no longer sign in."), id));
        });
}

void StaffIdsTab::remove(const std::string& staff_id)
{
    const auto* existing = by_id(staff_id);
    if (existing == nullptr || m_hooks.busy()) {
        return;
    }
    m_hooks.keep_problem(std::nullopt);
    // Refused before asking: a question whose yes changes nothing is no question.
    if (existing->built_in || staff_id == m_hooks.backend->services().staff) {
        const auto problem = existing->built_in ? domain::problem(domain::Errc::staff_built_in, {{"staff", staff_id}})
                                                : domain::problem(domain::Errc::staff_self, {{"action", "delete"}});
        m_hooks.keep_problem(problem);
        m_hooks.say(problem_text(problem), true);
        return;
    }
    const auto record = *existing;
    const auto& prompts = m_hooks.backend->services().prompts;
    if (!page_confirm(prompts, m_hooks.owner, _("Delete staff member"),
                      wxString::Format(_("Are you sure you want to delete it?\nStaff ID %s (%s) can no longer sign "
                                         "in; orders and the audit log keep naming it."),
                                       wxString::FromUTF8(record.staff_id), wxString::FromUTF8(record.name)))) {
        m_hooks.say(_("Nothing was deleted."), false);
        m_list->SetFocus();
        return;
    }
    m_hooks.say(_("Deleting..."), false);
    run([backend = m_hooks.backend, record] { return staff_administration(*backend).delete_staff(record); },
        [this, staff_id](const AdminResult<contract::StaffDeleteResponse>& answer) {
            m_list->SetFocus();
            if (refused(answer)) {
                return;
            }
            m_hooks.reload(wxString::Format(_("Staff ID %s is deleted."), wxString::FromUTF8(staff_id)));
        });
}

} // namespace ui
