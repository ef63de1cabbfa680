#include "client/ui/staff_admin_page.h"

#include "client/ui/error_text.h"
#include "client/ui/page_widgets.h"
#include "client/ui/permission_names.h"
#include "client/ui/problem_text.h"
#include "client/ui/role_edit_dialog.h"
#include "client/ui/staff_edit_dialog.h"
#include "client/workflows/staff_administration.h"

#include <algorithm>
#include <utility>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

enum : int
{
    kIdNew = wxID_HIGHEST + 1300,
    kIdEdit,
    kIdDelete,
    kIdToggle,
    kIdRefresh,
    kIdStaffTab,
    kIdRolesTab
};

constexpr int kStaffTab = 0;
constexpr int kRolesTab = 1;

using workflows::AdminResult;
using workflows::StaffAdministration;

StaffAdministration administration(PageBackend& backend)
{
    const auto& services = backend.services();
    return StaffAdministration(backend.client(), services.staff, services.workstation_id);
}

/// Lets the next call sign in again when the session has ended.
template <typename Result> Result checked(PageBackend& backend, Result result)
{
    if (const auto* error = std::get_if<bss::CallError>(&result);
        error != nullptr && error->kind == bss::FailureKind::fault && error->code() == "E_SESSION") {
        backend.drop_client();
    }
    return result;
}

wxString admin_error_text(const bss::CallError& error)
{
    if (!error.cancelled && error.kind == bss::FailureKind::transport) {
        return _("Staff and roles administration needs the back office, which cannot be reached now. Try again "
                 "when it is back.");
    }
    if (error.kind == bss::FailureKind::fault) {
        const auto code = error.code();
        if (code == "E_VALIDATION" && error.param("reason") == "inUse") {
            // TRANSLATORS: %s is how many staff members hold the role.
            return wxString::Format(_("%s staff members still hold this role: give them another role first."),
                                    wxString::FromUTF8(error.param("staff")));
        }
        if (code == "E_NOT_FOUND") {
            return _("The back office no longer has it (someone else deleted it): the lists are shown again.");
        }
    }
    return call_error_text(error);
}

wxString state_text(const contract::StaffRecord& staff)
{
    if (staff.locked) {
        return _("Locked");
    }
    return staff.enabled ? _("Enabled") : _("Disabled");
}

struct Lists
{
    AdminResult<std::vector<contract::StaffRecord>> staff;
    AdminResult<contract::RoleListResponse> roles;
};

wxButton* button(wxWindow* parent, int id, const wxString& label, const char* name)
{
    return new wxButton(parent, id, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
}

} // namespace

StaffAdminPage::StaffAdminPage(wxWindow* parent, PageServices services)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "staff_admin_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services)))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_staff_list->SetFocus();
    reload(wxString());
}

StaffAdminPage::~StaffAdminPage() = default;

template <typename Work, typename Done> void StaffAdminPage::run(Work work, Done done)
{
    run_counted(m_worker, m_pending, nullptr, std::move(work), std::move(done),
                [this](const wxString& text) { set_message(text, true); });
}

void StaffAdminPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* heading =
        new wxStaticText(this, wxID_ANY, _("Staff and roles"), wxDefaultPosition, wxDefaultSize, 0, "page_title");
    heading->SetFont(heading->GetFont().Scaled(1.3f).Bold());
    top->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    m_tabs = new wxNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "staff_admin_tabs");
    m_tabs->AddPage(build_staff_tab(m_tabs), _("Staff IDs (Alt+1)"), true);
    m_tabs->AddPage(build_roles_tab(m_tabs), _("Roles (Alt+2)"));
    top->Add(m_tabs, 1, wxEXPAND | wxALL, 8);
    m_message =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "staff_admin_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);

    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        update_buttons();
        (m_tabs->GetSelection() == kRolesTab ? m_role_list : m_staff_list)->SetFocus();
    });
    wxAcceleratorEntry keys[] = {
        {wxACCEL_ALT, 'N', kIdNew},      {wxACCEL_NORMAL, WXK_INSERT, kIdNew}, {wxACCEL_ALT, 'E', kIdEdit},
        {wxACCEL_ALT, 'D', kIdDelete},   {wxACCEL_ALT, 'B', kIdToggle},        {wxACCEL_NORMAL, WXK_F5, kIdRefresh},
        {wxACCEL_ALT, '1', kIdStaffTab}, {wxACCEL_ALT, '2', kIdRolesTab},
    };
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_new(); }, kIdNew);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_edit(); }, kIdEdit);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_delete(); }, kIdDelete);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_tabs->GetSelection() == kStaffTab && m_staff_toggle->IsEnabled()) {
                if (const auto* staff = selected_staff()) {
                    set_staff_enabled(staff->staff_id, !staff->enabled);
                }
            }
        },
        kIdToggle);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { refresh(); }, kIdRefresh);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_tab(kStaffTab); }, kIdStaffTab);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_tab(kRolesTab); }, kIdRolesTab);
}

wxWindow* StaffAdminPage::build_staff_tab(wxNotebook* tabs)
{
    static const ListColumn kColumns[] = {
        {wxTRANSLATE("Staff ID"), wxLIST_FORMAT_LEFT, 110},   {wxTRANSLATE("Staff name"), wxLIST_FORMAT_LEFT, 140},
        {wxTRANSLATE("Business hall"), wxLIST_FORMAT_LEFT, 90}, {wxTRANSLATE("Roles"), wxLIST_FORMAT_LEFT, 260},
        {wxTRANSLATE("Status"), wxLIST_FORMAT_LEFT, 90},
    };
    static const TabButton kButtons[] = {
        {kIdNew, wxTRANSLATE("New... (Alt+N)"), "staff_admin_staff_new"},
        {kIdEdit, wxTRANSLATE("Edit... (Enter)"), "staff_admin_staff_edit"},
        {kIdToggle, wxTRANSLATE("Disable (Alt+B)"), "staff_admin_staff_toggle"},
        {kIdDelete, wxTRANSLATE("Delete (Del)"), "staff_admin_staff_delete"},
        {kIdRefresh, wxTRANSLATE("Refresh (F5)"), "staff_admin_staff_refresh"},
    };
    const auto tab = build_list_tab(tabs, "staff_admin_staff", kColumns, kButtons, [this] { edit_staff_form(); });
    m_staff_list = tab.list;
    m_staff_note = tab.note;
    m_staff_edit = tab.buttons[1];
    m_staff_toggle = tab.buttons[2];
    m_staff_delete = tab.buttons[3];
    return tab.panel;
}

wxWindow* StaffAdminPage::build_roles_tab(wxNotebook* tabs)
{
    static const ListColumn kColumns[] = {
        {wxTRANSLATE("Role ID"), wxLIST_FORMAT_LEFT, 140},     {wxTRANSLATE("Role name"), wxLIST_FORMAT_LEFT, 180},
        {wxTRANSLATE("Role kind"), wxLIST_FORMAT_LEFT, 90},    {wxTRANSLATE("Permissions"), wxLIST_FORMAT_RIGHT, 70},
        {wxTRANSLATE("What it allows"), wxLIST_FORMAT_LEFT, 400},
    };
    static const TabButton kButtons[] = {
        {kIdNew, wxTRANSLATE("New... (Alt+N)"), "staff_admin_role_new"},
        {kIdEdit, wxTRANSLATE("Edit... (Enter)"), "staff_admin_role_edit"},
        {kIdDelete, wxTRANSLATE("Delete (Del)"), "staff_admin_role_delete"},
        {kIdRefresh, wxTRANSLATE("Refresh (F5)"), "staff_admin_role_refresh"},
    };
    const auto tab = build_list_tab(tabs, "staff_admin_role", kColumns, kButtons, [this] { edit_role_form(); });
    m_role_list = tab.list;
    m_role_note = tab.note;
    m_role_edit = tab.buttons[1];
    m_role_delete = tab.buttons[2];
    return tab.panel;
}

StaffAdminPage::ListTab StaffAdminPage::build_list_tab(wxNotebook* tabs, const std::string& prefix,
                                                       std::span<const ListColumn> columns,
                                                       std::span<const TabButton> buttons,
                                                       std::function<void()> edit)
{
    // Both tabs are the same shape: a list, a row of buttons that act as the page's menu commands, a note.
    ListTab tab;
    const auto named = [&prefix](const char* suffix) { return wxString::FromUTF8(prefix + suffix); };
    const wxString tab_name = prefix == "staff_admin_staff" ? "staff_admin_staff_tab" : "staff_admin_roles_tab";
    tab.panel = new wxPanel(tabs, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, tab_name);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    tab.list = new wxListCtrl(tab.panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                              wxDefaultValidator, named("_list"));
    for (const auto& column : columns) {
        tab.list->AppendColumn(wxGetTranslation(column.label), static_cast<wxListColumnFormat>(column.format),
                               column.width);
    }
    fill_last_column(tab.list);
    sizer->Add(tab.list, 1, wxEXPAND | wxALL, 6);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        auto* made = button(tab.panel, buttons[i].id, wxGetTranslation(buttons[i].label), buttons[i].name);
        row->Add(made, 0, i + 1 < buttons.size() ? wxRIGHT : 0, 6);
        tab.buttons.push_back(made);
    }
    sizer->Add(row, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    tab.note = new wxStaticText(tab.panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, named("_note"));
    sizer->Add(tab.note, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    tab.panel->SetSizer(sizer);

    tab.panel->Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        wxCommandEvent menu(wxEVT_MENU, event.GetId());
        GetEventHandler()->ProcessEvent(menu);
    });
    tab.list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    tab.list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    tab.list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [edit = std::move(edit)](wxListEvent&) { edit(); });
    tab.list->Bind(wxEVT_LIST_KEY_DOWN, [this](wxListEvent& event) { on_list_key(event); });
    return tab;
}

void StaffAdminPage::refresh()
{
    reload(wxString());
}

void StaffAdminPage::show_error(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault && error.code() == "E_NOT_FOUND") {
        reload(admin_error_text(error), true);
        return;
    }
    set_message(admin_error_text(error), true);
}

void StaffAdminPage::reload(const wxString& then, bool then_is_error)
{
    if (m_staff.empty()) {
        set_message(_("Asking the back office..."));
    }
    run(
        [backend = m_backend] {
            auto admin = administration(*backend);
            Lists lists{checked(*backend, admin.list_staff()), {}};
            lists.roles = checked(*backend, admin.list_roles());
            return lists;
        },
        [this, then, then_is_error](Lists lists) {
            for (const auto* error :
                 {std::get_if<bss::CallError>(&lists.staff), std::get_if<bss::CallError>(&lists.roles)}) {
                if (error != nullptr) {
                    set_message(admin_error_text(*error), true);
                    return;
                }
            }
            // Keep the rows the clerk was on (by id: the lists may have changed under them).
            if (const auto* staff = selected_staff(); staff != nullptr && m_select_staff.empty()) {
                m_select_staff = staff->staff_id;
            }
            if (const auto* role = selected_role(); role != nullptr && m_select_role.empty()) {
                m_select_role = role->role_id;
            }
            if (auto* staff = std::get_if<std::vector<contract::StaffRecord>>(&lists.staff)) {
                m_staff = std::move(*staff);
            }
            if (auto* roles = std::get_if<contract::RoleListResponse>(&lists.roles)) {
                m_roles = std::move(roles->roles);
                m_permissions = std::move(roles->permissions);
            }
            show_staff();
            show_roles();
            set_message(then, then_is_error);
            (m_tabs->GetSelection() == kRolesTab ? m_role_list : m_staff_list)->SetFocus();
        });
}

wxString StaffAdminPage::role_names(const std::vector<std::string>& role_ids) const
{
    wxString names;
    for (const auto& id : role_ids) {
        if (!names.empty()) {
            names += _(", ");
        }
        const auto* role = role_by_id(id);
        names += wxString::FromUTF8(role != nullptr && !role->name.empty() ? role->name : id);
    }
    return names;
}

void StaffAdminPage::show_staff()
{
    const std::string keep = std::exchange(m_select_staff, std::string());
    m_staff_list->DeleteAllItems();
    long select = m_staff.empty() ? -1 : 0;
    for (const auto& staff : m_staff) {
        const long row = m_staff_list->InsertItem(m_staff_list->GetItemCount(), wxString::FromUTF8(staff.staff_id));
        m_staff_list->SetItem(row, 1, wxString::FromUTF8(staff.name));
        m_staff_list->SetItem(row, 2, wxString::FromUTF8(staff.hall_id));
        m_staff_list->SetItem(row, 3, role_names(staff.roles));
        m_staff_list->SetItem(row, 4, state_text(staff));
        if (!staff.enabled || staff.locked) {
            m_staff_list->SetItemTextColour(row,
                                            staff.locked ? wxColour(0xB0, 0x00, 0x20) : wxColour(0x80, 0x80, 0x80));
        }
        if (staff.staff_id == keep) {
            select = row;
        }
    }
    if (select >= 0) {
        m_staff_list->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                   wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        m_staff_list->EnsureVisible(select);
    }
    update_buttons();
}

void StaffAdminPage::show_roles()
{
    const std::string keep = std::exchange(m_select_role, std::string());
    m_role_list->DeleteAllItems();
    long select = m_roles.empty() ? -1 : 0;
    for (const auto& role : m_roles) {
        const long row = m_role_list->InsertItem(m_role_list->GetItemCount(), wxString::FromUTF8(role.role_id));
        m_role_list->SetItem(row, 1, wxString::FromUTF8(role.name));
        m_role_list->SetItem(row, 2, role.built_in ? _("Built-in") : _("Custom"));
        m_role_list->SetItem(row, 3, std::to_string(role.permissions.size()));
        wxString allows;
        for (const auto& permission : role.permissions) {
            allows += (allows.empty() ? wxString() : _(", ")) + permission_name(permission);
        }
        m_role_list->SetItem(row, 4, allows);
        if (role.role_id == keep) {
            select = row;
        }
    }
    if (select >= 0) {
        m_role_list->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                  wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        m_role_list->EnsureVisible(select);
    }
    update_buttons();
}

void StaffAdminPage::update_buttons()
{
    const auto& self = m_backend->services().staff;
    const auto* staff = selected_staff();
    m_staff_edit->Enable(staff != nullptr);
    wxString why_not; // why Delete is disabled
    if (staff != nullptr && staff->built_in) {
        why_not = _("The built-in administrator cannot be deleted.");
    } else if (staff != nullptr && staff->staff_id == self) {
        why_not = _("You are signed in with this staff ID: it cannot be deleted or disabled here.");
    }
    m_staff_delete->Enable(staff != nullptr && why_not.empty());
    m_staff_delete->SetToolTip(why_not);
    wxString staff_note = why_not;
    if (staff != nullptr && staff->locked) {
        const auto locked = _("This staff ID is locked after failed sign-ins: Edit and save it to unlock it.");
        staff_note = staff_note.empty() ? locked : staff_note + "\n" + locked;
    }
    m_staff_toggle->SetLabel(staff != nullptr && !staff->enabled ? _("Enable (Alt+B)") : _("Disable (Alt+B)"));
    m_staff_toggle->Enable(staff != nullptr && staff->staff_id != self);
    m_staff_note->SetLabel(staff_note);

    const auto* role = selected_role();
    m_role_edit->Enable(role != nullptr);
    const wxString role_note =
        role != nullptr && role->built_in
            ? _("A built-in role cannot be deleted or changed: Edit opens a copy to save under a new role ID.")
            : wxString();
    m_role_delete->Enable(role != nullptr && !role->built_in);
    m_role_delete->SetToolTip(role_note);
    m_role_note->SetLabel(role_note);
    Layout();
}

const contract::StaffRecord* StaffAdminPage::selected_staff() const
{
    const long index = m_staff_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_staff.size()) {
        return nullptr;
    }
    return &m_staff[static_cast<std::size_t>(index)];
}

const contract::RoleRecord* StaffAdminPage::selected_role() const
{
    const long index = m_role_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_roles.size()) {
        return nullptr;
    }
    return &m_roles[static_cast<std::size_t>(index)];
}

const contract::StaffRecord* StaffAdminPage::staff_by_id(const std::string& staff_id) const
{
    const auto found = std::ranges::find(m_staff, staff_id, &contract::StaffRecord::staff_id);
    return found == m_staff.end() ? nullptr : &*found;
}

const contract::RoleRecord* StaffAdminPage::role_by_id(const std::string& role_id) const
{
    const auto found = std::ranges::find(m_roles, role_id, &contract::RoleRecord::role_id);
    return found == m_roles.end() ? nullptr : &*found;
}

void StaffAdminPage::select_staff(const std::string& staff_id)
{
    show_tab(kStaffTab);
    for (std::size_t i = 0; i < m_staff.size(); ++i) {
        if (m_staff[i].staff_id == staff_id) {
            const long row = static_cast<long>(i);
            m_staff_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_staff_list->EnsureVisible(row);
        }
    }
    update_buttons();
}

void StaffAdminPage::select_role(const std::string& role_id)
{
    show_tab(kRolesTab);
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        if (m_roles[i].role_id == role_id) {
            const long row = static_cast<long>(i);
            m_role_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                      wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_role_list->EnsureVisible(row);
        }
    }
    update_buttons();
}

void StaffAdminPage::show_tab(int tab)
{
    if (m_tabs->GetSelection() != tab) {
        m_tabs->ChangeSelection(static_cast<std::size_t>(tab)); // no event: do here what the event would
    }
    update_buttons();
    (tab == kRolesTab ? m_role_list : m_staff_list)->SetFocus();
}

void StaffAdminPage::on_new()
{
    if (m_tabs->GetSelection() == kRolesTab) {
        new_role_form();
    } else {
        new_staff_form();
    }
}

void StaffAdminPage::on_edit()
{
    if (m_tabs->GetSelection() == kRolesTab) {
        edit_role_form();
    } else {
        edit_staff_form();
    }
}

void StaffAdminPage::on_delete()
{
    if (m_tabs->GetSelection() == kRolesTab) {
        if (const auto* role = selected_role(); role != nullptr && m_role_delete->IsEnabled()) {
            delete_role(role->role_id);
        }
    } else if (const auto* staff = selected_staff(); staff != nullptr && m_staff_delete->IsEnabled()) {
        delete_staff(staff->staff_id);
    }
}

void StaffAdminPage::on_list_key(wxListEvent& event)
{
    if (event.GetKeyCode() == WXK_DELETE) {
        on_delete();
        return;
    }
    event.Skip();
}

void StaffAdminPage::new_staff_form()
{
    contract::StaffRecord blank;
    blank.hall_id = m_backend->services().hall_id;
    blank.enabled = true;
    open_staff_form(blank, true, {}, {});
}

void StaffAdminPage::edit_staff_form()
{
    if (const auto* staff = selected_staff()) {
        open_staff_form(*staff, false, {}, {});
    }
}

void StaffAdminPage::open_staff_form(const contract::StaffRecord& values, bool creating, const std::string& password,
                                     const std::vector<domain::Problem>& problems)
{
    if (busy()) {
        return;
    }
    StaffEditDialog dialog(this, values, creating, m_roles, m_backend->services().staff);
    dialog.set_initial_password(password);
    if (!problems.empty()) {
        dialog.show_problems(problems);
    }
    const bool saved = dialog.ShowModal() == wxID_OK;
    m_staff_list->SetFocus();
    if (saved) {
        save_staff_from(dialog.record(), dialog.initial_password(), true);
    }
}

void StaffAdminPage::save_staff(const contract::StaffRecord& staff, std::optional<std::string> initial_password)
{
    save_staff_from(staff, std::move(initial_password), false);
}

void StaffAdminPage::save_staff_from(const contract::StaffRecord& staff, std::optional<std::string> password,
                                     bool from_form)
{
    const auto* existing = staff_by_id(staff.staff_id);
    const bool creating = existing == nullptr;
    auto record = staff;
    if (existing != nullptr) {
        record.built_in = existing->built_in;
    }
    m_last_problem.reset();
    set_message(_("Saving..."));
    run(
        [backend = m_backend, record, password, creating] {
            auto admin = administration(*backend);
            return checked(*backend, creating ? admin.create_staff(record, password.value_or(std::string()))
                                              : admin.update_staff(record, password));
        },
        [this, record, password, creating, from_form](AdminResult<contract::StaffRecord> answer) {
            if (auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_last_problem = *problem;
                set_message(problem_text(*problem), true);
                if (from_form) {
                    // Back to the form with what was typed, the problem under its field.
                    CallAfter([this, record, password, creating, problem = *problem] {
                        open_staff_form(record, creating, password.value_or(std::string()), {problem});
                    });
                }
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                show_error(*error);
                return;
            }
            const auto& saved = std::get<contract::StaffRecord>(answer);
            m_select_staff = saved.staff_id;
            reload(creating ? wxString::Format(_("Staff ID %s is created: they change the initial password at their "
                                                 "first sign-in."),
                                               wxString::FromUTF8(saved.staff_id))
                            : wxString::Format(_("Staff ID %s is saved."), wxString::FromUTF8(saved.staff_id)));
        });
}

void StaffAdminPage::set_staff_enabled(const std::string& staff_id, bool enabled)
{
    const auto* existing = staff_by_id(staff_id);
    if (existing == nullptr || busy()) {
        return;
    }
    auto record = *existing;
    record.enabled = enabled;
    m_last_problem.reset();
    set_message(_("Saving..."));
    run([backend = m_backend, record] { return checked(*backend, administration(*backend).update_staff(record)); },
        [this, staff_id, enabled](AdminResult<contract::StaffRecord> answer) {
            if (auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_last_problem = *problem;
                set_message(problem_text(*problem), true);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                show_error(*error);
                return;
            }
            m_select_staff = staff_id;
            const auto id = wxString::FromUTF8(staff_id);
            reload(enabled ? wxString::Format(_("Staff ID %s is enabled."), id)
                           : wxString::Format(_("Staff ID %s is disabled: it can no longer sign in."), id));
        });
}

void StaffAdminPage::delete_staff(const std::string& staff_id)
{
    const auto* existing = staff_by_id(staff_id);
    if (existing == nullptr || busy()) {
        return;
    }
    m_last_problem.reset();
    // Refused before asking: a question whose yes changes nothing is no question.
    if (existing->built_in || staff_id == m_backend->services().staff) {
        m_last_problem = existing->built_in ? domain::problem(domain::Errc::staff_built_in, {{"staff", staff_id}})
                                            : domain::problem(domain::Errc::staff_self, {{"action", "delete"}});
        set_message(problem_text(*m_last_problem), true);
        return;
    }
    const auto record = *existing;
    const auto& prompts = m_backend->services().prompts;
    if (!page_confirm(prompts, this, _("Delete staff member"),
                      wxString::Format(_("Are you sure you want to delete it?\nStaff ID %s (%s) can no longer sign "
                                         "in; orders and the audit log keep naming it."),
                                       wxString::FromUTF8(record.staff_id), wxString::FromUTF8(record.name)))) {
        set_message(_("Nothing was deleted."));
        m_staff_list->SetFocus();
        return;
    }
    set_message(_("Deleting..."));
    run([backend = m_backend, record] { return checked(*backend, administration(*backend).delete_staff(record)); },
        [this, staff_id](AdminResult<contract::StaffDeleteResponse> answer) {
            m_staff_list->SetFocus();
            if (auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_last_problem = *problem;
                set_message(problem_text(*problem), true);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                show_error(*error);
                return;
            }
            reload(wxString::Format(_("Staff ID %s is deleted."), wxString::FromUTF8(staff_id)));
        });
}

void StaffAdminPage::new_role_form()
{
    open_role_form(contract::RoleRecord{}, true, {}, wxString());
}

void StaffAdminPage::edit_role_form()
{
    const auto* role = selected_role();
    if (role == nullptr) {
        return;
    }
    if (role->built_in) {
        // Built-in roles are what a fresh install relies on: offer a copy to save under a new id.
        auto copy = *role;
        copy.role_id.clear();
        copy.built_in = false;
        open_role_form(copy, true, {},
                       wxString::Format(_("%s is a built-in role and cannot be changed: this is a copy of it, to save "
                                          "under a new role ID."),
                                        wxString::FromUTF8(role->role_id)));
        return;
    }
    open_role_form(*role, false, {}, wxString());
}

void StaffAdminPage::open_role_form(const contract::RoleRecord& values, bool creating,
                                    const std::vector<domain::Problem>& problems, const wxString& note)
{
    if (busy()) {
        return;
    }
    RoleEditDialog dialog(this, values, creating, m_permissions, note);
    if (!problems.empty()) {
        dialog.show_problems(problems);
    }
    const bool saved = dialog.ShowModal() == wxID_OK;
    m_role_list->SetFocus();
    if (saved) {
        save_role_from(dialog.record(), true);
    }
}

void StaffAdminPage::save_role(const contract::RoleRecord& role)
{
    save_role_from(role, false);
}

void StaffAdminPage::save_role_from(const contract::RoleRecord& role, bool from_form)
{
    const auto* existing = role_by_id(role.role_id);
    const bool creating = existing == nullptr;
    auto record = role;
    record.built_in = existing != nullptr && existing->built_in;
    m_last_problem.reset();
    set_message(_("Saving..."));
    run(
        [backend = m_backend, record, creating] {
            auto admin = administration(*backend);
            return checked(*backend, creating ? admin.create_role(record) : admin.update_role(record));
        },
        [this, record, creating, from_form](AdminResult<contract::RoleRecord> answer) {
            if (auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_last_problem = *problem;
                set_message(problem_text(*problem), true);
                if (from_form && !record.built_in) {
                    CallAfter([this, record, creating, problem = *problem] {
                        open_role_form(record, creating, {problem}, wxString());
                    });
                }
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                show_error(*error);
                return;
            }
            const auto& saved = std::get<contract::RoleRecord>(answer);
            m_select_role = saved.role_id;
            reload(wxString::Format(_("Role %s is saved."), wxString::FromUTF8(saved.role_id)));
        });
}

void StaffAdminPage::delete_role(const std::string& role_id)
{
    const auto* existing = role_by_id(role_id);
    if (existing == nullptr || busy()) {
        return;
    }
    m_last_problem.reset();
    if (existing->built_in) {
        m_last_problem = domain::problem(domain::Errc::role_built_in, {{"role", role_id}, {"action", "delete"}});
        set_message(problem_text(*m_last_problem), true);
        return;
    }
    const auto record = *existing;
    const auto& prompts = m_backend->services().prompts;
    if (!page_confirm(prompts, this, _("Delete role"),
                      wxString::Format(_("Are you sure you want to delete it?\nRole %s (%s) is removed."),
                                       wxString::FromUTF8(record.role_id), wxString::FromUTF8(record.name)))) {
        set_message(_("Nothing was deleted."));
        m_role_list->SetFocus();
        return;
    }
    set_message(_("Deleting..."));
    run([backend = m_backend, record] { return checked(*backend, administration(*backend).delete_role(record)); },
        [this, role_id](AdminResult<contract::RoleDeleteResponse> answer) {
            m_role_list->SetFocus();
            if (auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_last_problem = *problem;
                set_message(problem_text(*problem), true);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                show_error(*error);
                return;
            }
            reload(wxString::Format(_("Role %s is deleted."), wxString::FromUTF8(role_id)));
        });
}

void StaffAdminPage::set_message(const wxString& text, bool error)
{
    m_message->SetLabel(text);
    m_message->SetForegroundColour(error ? wxColour(0xB0, 0x00, 0x20) : GetForegroundColour());
    m_message->Refresh();
}

} // namespace ui
