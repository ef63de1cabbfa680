#pragma once
/// What the changes to a line the customer already has share in the 综合受理 page (增值业务变更, 帐务关系变更,
/// 亲情1+, and 移机, which prints its move request instead): the line in the title, a line of guidance, the business's
/// own fields, and the same four buttons — Leave (Esc), Accept (Alt+A), Print the acceptance form (Alt+P, once
/// accepted) and Finish (Alt+N). Accepting runs the change through workflows::ServiceChanges on the page's worker; the
/// acceptance form is built from the stored order, archived and previewed. A derived panel adds its fields and says
/// what its change is.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/ui/forms/form_printing.h"
#include "client/workflows/changes/service_changes.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <wx/intl.h>
#include <wx/panel.h>

class wxButton;
class wxSizer;
class wxStaticText;

namespace ui {

class ChangePanel : public wxPanel
{
public:
    /// The change as the worker thread runs it.
    using Change = std::function<workflows::ChangeResult(workflows::ServiceChanges&)>;

    ~ChangePanel() override = default;
    ChangePanel(const ChangePanel&) = delete;
    ChangePanel& operator=(const ChangePanel&) = delete;

    /// Accepts the change as the fields now say (nothing is sent while a field is wrong).
    void accept();
    /// Archives the accepted order's acceptance form and opens its preview.
    void print();
    /// Back to the customer (accepted or not).
    void leave();

    [[nodiscard]] virtual bool busy() const { return m_tasks.busy(); }
    [[nodiscard]] const std::optional<workflows::AcceptedOrder>& accepted() const { return m_accepted; }
    [[nodiscard]] wxString message() const;

protected:
    /// `name` names the panel and prefixes its buttons' names (e.g. "vas_panel" → "vas_panel_accept").
    ChangePanel(wxWindow* parent, const std::string& name, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                workflows::LineRef line, std::function<void(bool accepted)> finished, std::function<void()> wake);

    /// Puts the title, the guidance, `body` (the derived panel's fields, children of this panel) and the buttons
    /// together; `print_label` is the print button's (the acceptance form's by default). Called once, at the end of
    /// the derived constructor.
    void lay_out(const wxString& title, wxSizer* body, const wxString& guidance,
                 const wxString& print_label = wxString());
    /// The change the fields describe, or an empty function after saying what is missing (set_message).
    virtual Change change() = 0;
    /// A refusal as the clerk reads it (problem_text; a panel may name what its fields show instead of codes).
    [[nodiscard]] virtual wxString problem_message(const domain::Problem& problem) const;
    /// The back office's refusal as the clerk reads it (call_error_text; a panel may say what to do next).
    [[nodiscard]] virtual wxString refusal_message(const bss::CallError& error);
    /// The form printed for the accepted order (the acceptance form).
    [[nodiscard]] virtual FormBuilder form(const std::string& order) const;
    /// What the clerk reads once the form is archived.
    [[nodiscard]] virtual wxString printed_text() const;
    /// What the clerk reads once the change is accepted under `local_id`.
    [[nodiscard]] virtual wxString accepted_text(const std::string& local_id) const = 0;

    void set_message(const wxString& text, bool error = false);
    /// Runs `work` on the page's worker, then `done` here if this panel still lives; a throw is reported.
    template <typename Work, typename Done> void run(Work work, Done done);

    [[nodiscard]] const workflows::LineRef& line() const { return m_line; }
    [[nodiscard]] PageBackend& backend() const { return *m_backend; }
    [[nodiscard]] const std::shared_ptr<PageBackend>& backend_ptr() const { return m_backend; }
    [[nodiscard]] wxButton* accept_button() const { return m_accept; }

private:
    std::shared_ptr<PageBackend> m_backend;
    PanelTasks m_tasks;
    workflows::LineRef m_line;
    std::function<void(bool)> m_finished;
    std::function<void()> m_wake;
    std::optional<workflows::AcceptedOrder> m_accepted;
    std::string m_name;

    StatusLine* m_message = nullptr;
    wxButton* m_accept = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_finish = nullptr;
};

template <typename Work, typename Done> void ChangePanel::run(Work work, Done done)
{
    m_tasks.run(std::move(work), std::move(done));
}

} // namespace ui
