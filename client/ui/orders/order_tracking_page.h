#pragma once
/// 订单查询: find an order by the back office's number or this workstation's id, or list the clerk's orders (open
/// only, overdue only), see where each one is and its timeline, and cancel (撤单) a numbered unfinished one. The back
/// office is asked on the page's worker thread; when it does not answer, the cache answers and a banner says so.
/// The selected order's acceptance form can be printed again (补打, Ctrl+P) from what the cache stored.
/// Keyboard: focus starts in the search field, Enter searches, Esc clears, Alt+letters for the rest, F5 lists again.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/orders/order_inquiry.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxListEvent;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace ui {

using workflows::OrderRow;
using workflows::OrderRows;

class OrderTrackingPage : public wxPanel
{
public:
    /// Cancels an order (撤单) the frame's way; when empty the page asks for a reason and cancels through
    /// workflows::PaymentDesk itself (a supervisor's approval when money is to be handed back). `done` tells the page
    /// to look again.
    using CancelHandler = std::function<void(const std::string& local_id, const std::string& order_id)>;

    OrderTrackingPage(wxWindow* parent, PageServices services, CancelHandler cancel = {},
                      std::function<void()> wake = {});
    ~OrderTrackingPage() override;
    OrderTrackingPage(const OrderTrackingPage&) = delete;
    OrderTrackingPage& operator=(const OrderTrackingPage&) = delete;

    /// Searches what the search field holds (an order number or a local id); lists by the filters when empty.
    void search();
    /// Lists by the filters (the clerk's own orders; open only, overdue only as ticked).
    void list();
    /// Lists the orders of one customer (the customer panel's "orders" link).
    void show_customer(const std::string& customer_id);
    /// Asks for a reason and cancels the selected order (when allowed).
    void cancel_selected();
    /// Looks again at what was last asked.
    void refresh();
    /// Prints the selected order's acceptance form again (补打 when it was printed before), through the preview.
    void reprint_selected();

    /// True while a lookup is under way (tests wait on it).
    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const OrderRows& shown() const { return m_shown; }

private:
    void build();
    void run_query(const std::function<OrderRows(PageBackend&)>& query);
    void show(OrderRows rows);
    void show_timeline(long index);
    void select(long index);
    void update_cancel_button();
    void set_message(const wxString& text, bool error = false);
    void on_key(wxKeyEvent& event);
    void cancel_with_approval(const std::string& local_id, const std::string& reason, bool with_approval);

    std::shared_ptr<PageBackend> m_backend;
    CancelHandler m_cancel;
    std::function<void()> m_wake;
    std::function<OrderRows(PageBackend&)> m_last_query;
    OrderRows m_shown;
    wxString m_after_refresh; ///< the outcome of a step (撤单), kept in view over the next look's count
    int m_pending = 0;

    wxTextCtrl* m_search = nullptr;
    wxCheckBox* m_open_only = nullptr;
    wxCheckBox* m_overdue_only = nullptr;
    wxButton* m_search_button = nullptr;
    wxButton* m_list_button = nullptr;
    wxButton* m_cancel_button = nullptr;
    wxButton* m_reprint_button = nullptr;
    wxPanel* m_banner = nullptr;
    wxStaticText* m_banner_text = nullptr;
    StatusLine* m_message = nullptr;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_timeline_title = nullptr;
    wxListCtrl* m_timeline = nullptr;

    PageWorker m_worker; ///< last: joined first, before the widgets and backend go
};

} // namespace ui
