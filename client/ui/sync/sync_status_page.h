#pragma once
/// 同步状态: the outbox as the clerk sees it (back office link, writes waiting, refused writes) and the sync error
/// queue worked from here: retry a write once its cause is dealt with, edit it on its business page, or discard it
/// with what hangs on it (asked first, saying what goes: the orders that waited, the money to hand back). Edit
/// takes another number for an order refused for its number, another name for a customer refused for its name;
/// anything else is edited on its business page (EditHandler, or the clerk is told where). Every step
/// runs on the page's worker thread through workflows::SyncErrorDesk and then wakes the sync worker.
/// Keyboard: the list has the focus; Alt+R retry, Alt+E edit, Alt+D discard, F5 looks again, Esc back to the list.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/ui/sync/sync_text.h"
#include "client/workflows/sync/sync_queue.h"
#include "client/workflows/sync/sync_worker.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace ui {

using ProblemRow = workflows::QueuedProblem;
using workflows::SyncQueueView;

class SyncStatusPage : public wxPanel
{
public:
    /// Opens the business page where a refused order or customer can be corrected; when empty, Edit says where to
    /// go instead.
    using EditHandler = std::function<void(const workflows::SyncProblem& problem)>;

    /// `status` (optional) is polled each second for the link state; the frame may also push it with
    /// show_status(). `wake` is SyncWorker::wake.
    SyncStatusPage(wxWindow* parent, PageServices services, std::function<void()> wake,
                   std::function<workflows::SyncStatus()> status = {}, EditHandler edit = {});
    ~SyncStatusPage() override;
    SyncStatusPage(const SyncStatusPage&) = delete;
    SyncStatusPage& operator=(const SyncStatusPage&) = delete;

    /// Reads the queue again.
    void reload();
    /// The sync worker's state (from the frame's listener), shown at once.
    void show_status(const workflows::SyncStatus& status);
    void retry_selected();
    void edit_selected();
    void discard_selected();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const SyncQueueView& shown() const { return m_view; }
    /// Selects a row (tests, and the frame pointing at one problem).
    void select_row(long index);

private:
    void build();
    void show(SyncQueueView view);
    void show_counts();
    void show_detail();
    void update_buttons();
    [[nodiscard]] const ProblemRow* selected() const;
    void set_message(const wxString& text, bool error = false);
    void step(std::int64_t error_id, bool discard, const wxString& done_text);
    /// Runs one step on the queue off the UI thread; then says `done_text` (or why not), wakes the worker, reloads.
    void run_step(const std::function<std::optional<workflows::SyncDeskRefusal>(PageBackend&)>& work,
                  const wxString& done_text);

    std::shared_ptr<PageBackend> m_backend;
    std::function<void()> m_wake;
    std::function<workflows::SyncStatus()> m_status;
    EditHandler m_edit;
    SyncQueueView m_view;
    std::optional<workflows::SyncStatus> m_last_status;
    int m_pending = 0;

    wxStaticText* m_link = nullptr;
    wxStaticText* m_counts = nullptr;
    StatusLine* m_message = nullptr;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_detail = nullptr;
    wxButton* m_retry = nullptr;
    wxButton* m_edit_button = nullptr;
    wxButton* m_discard = nullptr;
    wxButton* m_reload = nullptr;
    wxTimer m_poll;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
