#pragma once
/// What the two tabs of 工号与角色 (StaffIdsTab, RolesTab) have in common: the same shape (a list, a row of buttons
/// that run the page's commands, a note under them; Enter on a row edits, Delete deletes), what they ask of their
/// page, and how they call the back office's administration.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/problem_text.h"
#include "client/workflows/admin/staff_administration.h"
#include "client/workflows/workstation/records.h"
#include "domain/problem.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>
#include <wx/defs.h>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace ui {

/// The page's commands (its menu ids, which its keys and the tabs' buttons run).
enum StaffAdminCommand : int
{
    kStaffAdminNew = wxID_HIGHEST + 1300,
    kStaffAdminEdit,
    kStaffAdminDelete,
    kStaffAdminToggle,
    kStaffAdminRefresh,
    kStaffAdminStaffTab,
    kStaffAdminRolesTab
};

/// The back office's staff and roles administration as the signed-in clerk.
workflows::StaffAdministration staff_administration(PageBackend& backend);

/// What a tab asks of the page it is on.
struct StaffAdminHooks
{
    std::shared_ptr<PageBackend> backend;
    PageWorker* worker = nullptr;
    wxWindow* owner = nullptr; ///< the page: the forms and questions open over it
    /// Whether a call of the page (either tab's or the lists') is under way.
    std::function<bool()> busy;
    /// Says how it went in the page's message line.
    std::function<void(const wxString& text, bool error)> say;
    /// Keeps the rule the last save or delete broke (the page's last_problem()); nullopt forgets it.
    std::function<void(std::optional<domain::Problem> problem)> keep_problem;
    /// Tells a failed call (one the back office no longer has lists both again).
    std::function<void(const bss::CallError& error)> failed;
    /// Lists the staff and the roles again, then says `then`.
    std::function<void(const wxString& then)> reload;
    /// A row was selected or left: both tabs' buttons and notes follow.
    std::function<void()> changed;
    /// Runs one of the page's commands (a button pressed, Delete in the list).
    std::function<void(int command)> command;
};

class StaffAdminTab : public wxPanel
{
public:
    struct Column
    {
        const char* label; ///< untranslated (wxTRANSLATE)
        int format;        ///< wxLIST_FORMAT_LEFT or _RIGHT
        int width;
    };
    struct Button
    {
        int command;       ///< the page's command it runs
        const char* label; ///< untranslated (wxTRANSLATE)
        const char* name;
    };

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    void focus_list();

protected:
    /// The panel named `name`, its list `prefix`_list, the buttons, the note `prefix`_note; Enter on a row runs
    /// `edit()`.
    StaffAdminTab(wxWindow* parent, StaffAdminHooks hooks, const wxString& name, const std::string& prefix,
                  std::span<const Column> columns, std::span<const Button> buttons, std::function<void()> edit);

    /// The row selected, or -1.
    [[nodiscard]] long selected_row() const;
    /// Selects and shows `row`, as the clerk would with the arrows.
    void select_row(long row);

    /// The record on the selected row (the list shows `records` in their order); null when none is selected.
    template <typename Record> const Record* selected_in(const std::vector<Record>& records) const
    {
        const long index = selected_row();
        return index < 0 || static_cast<std::size_t>(index) >= records.size()
                   ? nullptr
                   : &records[static_cast<std::size_t>(index)];
    }
    /// The record whose `id` is `value`; null when there is none.
    template <typename Record>
    static const Record* find_in(const std::vector<Record>& records, std::string Record::*id, const std::string& value)
    {
        const auto found = std::ranges::find(records, value, id);
        return found == records.end() ? nullptr : &*found;
    }
    /// Selects the row of the record whose `id` is `value`, if it is listed.
    template <typename Record>
    void select_in(const std::vector<Record>& records, std::string Record::*id, const std::string& value)
    {
        if (const auto* record = find_in(records, id, value)) {
            select_row(static_cast<long>(record - records.data()));
        }
    }
    /// Says what a save or delete was refused for: the rule it broke (kept as the page's last problem) or the
    /// failed call. False when the answer is the back office's yes.
    template <typename Response> bool refused(const workflows::AdminResult<Response>& answer)
    {
        if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
            m_hooks.keep_problem(*problem);
            m_hooks.say(problem_text(*problem), true);
            return true;
        }
        if (const auto* error = std::get_if<bss::CallError>(&answer)) {
            m_hooks.failed(*error);
            return true;
        }
        return false;
    }
    template <typename Work, typename Done> void run(Work work, Done done)
    {
        run_counted(*m_hooks.worker, m_pending, nullptr, std::move(work), std::move(done),
                    [this](const wxString& text) { m_hooks.say(text, true); });
    }

    StaffAdminHooks m_hooks;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_note = nullptr;
    std::vector<wxButton*> m_buttons; ///< as listed
    int m_pending = 0;
};

} // namespace ui
