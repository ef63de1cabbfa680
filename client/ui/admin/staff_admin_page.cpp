#include "client/ui/admin/staff_admin_page.h"

#include "client/ui/admin/roles_tab.h"
#include "client/ui/admin/staff_admin_tab.h"
#include "client/ui/admin/staff_ids_tab.h"
#include "client/ui/base/error_text.h"
#include "client/workflows/admin/staff_administration.h"

#include <utility>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

constexpr int kStaffTab = 0;
constexpr int kRolesTab = 1;

using workflows::AdminResult;

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

struct Lists
{
    AdminResult<std::vector<contract::StaffRecord>> staff;
    AdminResult<contract::RoleListResponse> roles;
};

} // namespace

StaffAdminPage::StaffAdminPage(wxWindow* parent, PageServices services)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "staff_admin_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services)))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_staff_tab->focus_list();
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
    StaffAdminHooks hooks;
    hooks.backend = m_backend;
    hooks.worker = &m_worker;
    hooks.owner = this;
    hooks.busy = [this] { return busy(); };
    hooks.say = [this](const wxString& text, bool error) { set_message(text, error); };
    hooks.keep_problem = [this](std::optional<domain::Problem> problem) { m_last_problem = std::move(problem); };
    hooks.failed = [this](const bss::CallError& error) { show_error(error); };
    hooks.reload = [this](const wxString& then) { reload(then); };
    hooks.changed = [this] { update_buttons(); };
    // The buttons act as the page's menu commands, like its keys.
    hooks.command = [this](int command) {
        wxCommandEvent menu(wxEVT_MENU, command);
        GetEventHandler()->ProcessEvent(menu);
    };
    m_staff_tab = new StaffIdsTab(
        m_tabs, hooks, [this]() -> const std::vector<contract::RoleRecord>& { return m_roles_tab->roles(); });
    m_tabs->AddPage(m_staff_tab, _("Staff IDs (Alt+1)"), true);
    m_roles_tab = new RolesTab(m_tabs, hooks);
    m_tabs->AddPage(m_roles_tab, _("Roles (Alt+2)"));
    top->Add(m_tabs, 1, wxEXPAND | wxALL, 8);
    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "staff_admin_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);

    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        update_buttons();
        current_tab()->focus_list();
    });
    wxAcceleratorEntry keys[] = {
        {wxACCEL_ALT, 'N', kStaffAdminNew},      {wxACCEL_NORMAL, WXK_INSERT, kStaffAdminNew},
        {wxACCEL_ALT, 'E', kStaffAdminEdit},     {wxACCEL_ALT, 'D', kStaffAdminDelete},
        {wxACCEL_ALT, 'B', kStaffAdminToggle},   {wxACCEL_NORMAL, WXK_F5, kStaffAdminRefresh},
        {wxACCEL_ALT, '1', kStaffAdminStaffTab}, {wxACCEL_ALT, '2', kStaffAdminRolesTab},
    };
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_new(); }, kStaffAdminNew);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_edit(); }, kStaffAdminEdit);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_delete(); }, kStaffAdminDelete);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_tabs->GetSelection() == kStaffTab) {
                m_staff_tab->toggle_selected();
            }
        },
        kStaffAdminToggle);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { refresh(); }, kStaffAdminRefresh);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_tab(kStaffTab); }, kStaffAdminStaffTab);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_tab(kRolesTab); }, kStaffAdminRolesTab);
}

bool StaffAdminPage::busy() const
{
    return m_pending > 0 || m_staff_tab->busy() || m_roles_tab->busy();
}

const std::vector<contract::StaffRecord>& StaffAdminPage::staff() const
{
    return m_staff_tab->staff();
}

const std::vector<contract::RoleRecord>& StaffAdminPage::roles() const
{
    return m_roles_tab->roles();
}

const std::vector<std::string>& StaffAdminPage::known_permissions() const
{
    return m_roles_tab->permissions();
}

StaffAdminTab* StaffAdminPage::current_tab() const
{
    return m_tabs->GetSelection() == kRolesTab ? static_cast<StaffAdminTab*>(m_roles_tab) : m_staff_tab;
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
    if (m_staff_tab->staff().empty()) {
        set_message(_("Asking the back office..."));
    }
    run(
        [backend = m_backend] {
            auto admin = staff_administration(*backend);
            Lists lists{admin.list_staff(), {}};
            lists.roles = admin.list_roles();
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
            m_staff_tab->remember_selection();
            m_roles_tab->remember_selection();
            if (auto* staff = std::get_if<std::vector<contract::StaffRecord>>(&lists.staff)) {
                m_staff_tab->set_staff(std::move(*staff));
            }
            if (auto* roles = std::get_if<contract::RoleListResponse>(&lists.roles)) {
                m_roles_tab->set_roles(std::move(roles->roles), std::move(roles->permissions));
            }
            m_staff_tab->show();
            m_roles_tab->show();
            set_message(then, then_is_error);
            current_tab()->focus_list();
        });
}

void StaffAdminPage::update_buttons()
{
    m_staff_tab->update_buttons();
    m_roles_tab->update_buttons();
    Layout();
}

void StaffAdminPage::select_staff(const std::string& staff_id)
{
    show_tab(kStaffTab);
    m_staff_tab->select(staff_id);
    update_buttons();
}

void StaffAdminPage::select_role(const std::string& role_id)
{
    show_tab(kRolesTab);
    m_roles_tab->select(role_id);
    update_buttons();
}

void StaffAdminPage::show_tab(int tab)
{
    if (m_tabs->GetSelection() != tab) {
        m_tabs->ChangeSelection(static_cast<std::size_t>(tab)); // no event: do here what the event would
    }
    update_buttons();
    current_tab()->focus_list();
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
        m_roles_tab->delete_selected();
    } else {
        m_staff_tab->delete_selected();
    }
}

void StaffAdminPage::new_staff_form()
{
    m_staff_tab->new_form();
}

void StaffAdminPage::edit_staff_form()
{
    m_staff_tab->edit_form();
}

void StaffAdminPage::save_staff(const contract::StaffRecord& staff, const std::optional<std::string>& initial_password)
{
    m_staff_tab->save(staff, initial_password, false);
}

void StaffAdminPage::set_staff_enabled(const std::string& staff_id, bool enabled)
{
    m_staff_tab->set_enabled(staff_id, enabled);
}

void StaffAdminPage::delete_staff(const std::string& staff_id)
{
    m_staff_tab->remove(staff_id);
}

void StaffAdminPage::new_role_form()
{
    m_roles_tab->new_form();
}

void StaffAdminPage::edit_role_form()
{
    m_roles_tab->edit_form();
}

void StaffAdminPage::save_role(const contract::RoleRecord& role)
{
    m_roles_tab->save(role, false);
}

void StaffAdminPage::delete_role(const std::string& role_id)
{
    m_roles_tab->remove(role_id);
}

void StaffAdminPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
