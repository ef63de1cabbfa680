#pragma once
/// 集团开户 (F3): a group (enterprise) customer opened by its customer manager. The name is checked with the back
/// office when the clerk leaves the field (该客户名称已存在); certificates are added one by one with exactly one
/// marked main (主证件); customer managers by 工号; the type decides the sales grid (SMEs must have one, key accounts
/// never). Every rule the application breaks is listed at once, in the clerk's words, before anything is sent; once
/// opened (or queued, offline), the opening form is archived and shown in the preview.
/// Keyboard: Enter moves to the next field, Alt+D adds the certificate typed, Alt+M marks the selected one main,
/// Ctrl+Enter opens, Alt+P prints the opening form, Esc clears the form.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/group/open_group_customer.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class GroupOpeningPage : public wxPanel
{
public:
    GroupOpeningPage(wxWindow* parent, PageServices services, std::function<void()> wake = {});
    ~GroupOpeningPage() override;
    GroupOpeningPage(const GroupOpeningPage&) = delete;
    GroupOpeningPage& operator=(const GroupOpeningPage&) = delete;

    /// Asks whether a group of the typed name exists (what leaving the name field does).
    void check_name();
    /// Adds the certificate in the entry row to the list (the first one added is the main one).
    void add_certificate();
    /// Marks certificate `index` as the main one (and no other).
    void mark_main(long index);
    /// Checks the application and opens the group; the problems are listed when it breaks a rule.
    void open();
    /// Archives the opening form of the group just opened and shows it in the preview.
    void print();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const std::optional<workflows::GroupNameCheck>& name_check() const { return m_name_check; }
    [[nodiscard]] const std::optional<workflows::OpenedCustomer>& opened() const { return m_opened; }
    [[nodiscard]] const std::vector<workflows::GroupCertificate>& certificates() const { return m_certificates; }

private:
    void build();
    void refresh_certificates();
    void update_grid();
    [[nodiscard]] workflows::GroupApplication application() const;
    void show_problems(const std::vector<domain::Problem>& problems);
    void set_message(const wxString& text, bool error = false);

    std::shared_ptr<PageBackend> m_backend;
    std::function<void()> m_wake;
    std::vector<workflows::GroupCertificate> m_certificates;
    std::optional<workflows::GroupNameCheck> m_name_check;
    std::optional<workflows::OpenedCustomer> m_opened;
    std::string m_checked_name;
    int m_pending = 0;

    wxTextCtrl* m_name = nullptr;
    wxStaticText* m_name_state = nullptr;
    wxChoice* m_type = nullptr;
    wxTextCtrl* m_grid = nullptr;
    wxChoice* m_kind = nullptr;
    wxTextCtrl* m_number = nullptr;
    wxListCtrl* m_certificate_list = nullptr;
    wxTextCtrl* m_managers = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxTextCtrl* m_phone = nullptr;
    StatusLine* m_message = nullptr;
    wxButton* m_open = nullptr;
    wxButton* m_print = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
