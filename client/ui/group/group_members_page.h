#pragma once
/// 集团成员管理 (F4): a group's short-number members as the back office has them (with their states), one member
/// added or removed at a time, and a batch import from a CSV or XLSX file whose preview names every bad row and its
/// problem before anything is sent. Each change is a member order queued through the order desk. The group's area
/// (members must be local) is the hall's area code setting.
/// Keyboard: Enter in the group field lists the members, Alt+D adds, Alt+R removes the selected member, Alt+V
/// previews the file, Alt+C confirms the import.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/import/member_import.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ui {

/// A member rule's refusal in the clerk's words.
wxString member_problem_text(const workflows::MemberProblem& problem);

class GroupMembersPage : public wxPanel
{
public:
    GroupMembersPage(wxWindow* parent, PageServices services, std::function<void()> wake = {});
    ~GroupMembersPage() override;
    GroupMembersPage(const GroupMembersPage&) = delete;
    GroupMembersPage& operator=(const GroupMembersPage&) = delete;

    void list();
    void add();
    void remove_selected();
    void preview_import();
    void confirm_import();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const std::vector<contract::GroupMember>& members() const { return m_members; }
    [[nodiscard]] const std::optional<workflows::MemberImportPreview>& preview() const { return m_preview; }
    [[nodiscard]] int accepted_orders() const { return m_accepted; }

private:
    void build();
    void show_members(std::vector<contract::GroupMember> members);
    void set_message(const wxString& text, bool error = false);
    template <typename Work, typename Done> void run(Work work, Done done);

    std::shared_ptr<PageBackend> m_backend;
    std::function<void()> m_wake;
    std::vector<contract::GroupMember> m_members;
    std::optional<workflows::MemberImportPreview> m_preview;
    int m_accepted = 0;
    int m_pending = 0;

    wxTextCtrl* m_group = nullptr;
    wxListCtrl* m_member_list = nullptr;
    wxTextCtrl* m_number = nullptr;
    wxTextCtrl* m_short = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_file = nullptr;
    wxListCtrl* m_bad_rows = nullptr;
    wxButton* m_confirm = nullptr;
    StatusLine* m_message = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
