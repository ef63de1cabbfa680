#include "client/ui/orders/order_tracking_page.h"

#include "client/ui/base/page_widgets.h"
#include "client/ui/forms/form_preview_dialog.h"
#include "client/ui/orders/order_text.h"
#include "client/workflows/forms/form_archive.h"
#include "client/workflows/orders/order_inquiry.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

enum Column
{
    kNumber,
    kType,
    kCustomer,
    kState,
    kAccepted,
    kOverdue
};
enum TimelineColumn
{
    kEventState,
    kEventTime,
    kEventStaff,
    kEventReason
};

enum : int
{
    kIdRefresh = wxID_HIGHEST + 700,
    kIdFocusSearch,
    kIdList,
    kIdCancel,
    kIdReprint
};

} // namespace

OrderTrackingPage::OrderTrackingPage(wxWindow* parent, PageServices services, CancelHandler cancel,
                                     std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "order_tracking_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_cancel(std::move(cancel)),
      m_wake(std::move(wake))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_search->SetFocus();
}

OrderTrackingPage::~OrderTrackingPage() = default;

void OrderTrackingPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* search_row = new wxBoxSizer(wxHORIZONTAL);
    search_row->Add(new wxStaticText(this, wxID_ANY, _("Order number or local id:")), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_search = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(260, -1), wxTE_PROCESS_ENTER,
                              wxDefaultValidator, "order_search");
    m_search->SetHint(_("Type the number, Enter to search"));
    search_row->Add(m_search, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_search_button = new wxButton(this, wxID_ANY, _("&Search"), wxDefaultPosition, wxDefaultSize, 0,
                                   wxDefaultValidator, "order_search_button");
    search_row->Add(m_search_button, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    m_open_only = new wxCheckBox(this, wxID_ANY, _("&Open only"), wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, "order_open_only");
    search_row->Add(m_open_only, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_overdue_only = new wxCheckBox(this, wxID_ANY, _("O&verdue only"), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, "order_overdue_only");
    search_row->Add(m_overdue_only, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_list_button = new wxButton(this, kIdList, _("&List my orders"), wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, "order_list_button");
    search_row->Add(m_list_button, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(search_row, 0, wxEXPAND | wxALL, 8);

    m_banner = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "order_offline_banner");
    m_banner->SetBackgroundColour(wxColour(0xFF, 0xE8, 0xA3));
    m_banner_text =
        new wxStaticText(m_banner, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "order_offline_text");
    m_banner_text->SetForegroundColour(wxColour(0x6B, 0x3A, 0x00));
    auto* banner_sizer = new wxBoxSizer(wxHORIZONTAL);
    banner_sizer->Add(m_banner_text, 1, wxALL, 6);
    m_banner->SetSizer(banner_sizer);
    m_banner->Hide();
    top->Add(m_banner, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "order_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "order_list");
    m_list->AppendColumn(_("Order number"), wxLIST_FORMAT_LEFT, 170);
    m_list->AppendColumn(_("Business"), wxLIST_FORMAT_LEFT, 130);
    m_list->AppendColumn(_("Customer"), wxLIST_FORMAT_LEFT, 160);
    m_list->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, 150);
    m_list->AppendColumn(_("Accepted at"), wxLIST_FORMAT_LEFT, 140);
    m_list->AppendColumn(_("Overdue"), wxLIST_FORMAT_LEFT, 70);
    fill_last_column(m_list);
    top->Add(m_list, 3, wxEXPAND | wxALL, 8);

    auto* timeline_row = new wxBoxSizer(wxHORIZONTAL);
    m_timeline_title = new wxStaticText(this, wxID_ANY, _("Timeline: choose an order above."), wxDefaultPosition,
                                        wxDefaultSize, 0, "order_timeline_title");
    timeline_row->Add(m_timeline_title, 1, wxALIGN_CENTER_VERTICAL);
    m_cancel_button = new wxButton(this, kIdCancel, _("&Cancel order..."), wxDefaultPosition, wxDefaultSize, 0,
                                   wxDefaultValidator, "order_cancel_button");
    m_cancel_button->Disable();
    m_reprint_button = new wxButton(this, kIdReprint, _("&Reprint the acceptance form"), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "order_reprint_button");
    m_reprint_button->Disable();
    timeline_row->Add(m_reprint_button, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    timeline_row->Add(m_cancel_button, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(timeline_row, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_timeline = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), wxLC_REPORT | wxLC_SINGLE_SEL,
                                wxDefaultValidator, "order_timeline");
    m_timeline->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, 170);
    m_timeline->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, 140);
    m_timeline->AppendColumn(_("Staff"), wxLIST_FORMAT_LEFT, 80);
    m_timeline->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 300);
    fill_last_column(m_timeline);
    top->Add(m_timeline, 2, wxEXPAND | wxALL, 8);

    SetSizer(top);

    m_search->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    m_search_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { search(); });
    m_list_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { list(); });
    m_open_only->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { list(); });
    m_overdue_only->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { list(); });
    m_cancel_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel_selected(); });
    m_reprint_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reprint_selected(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) { select(event.GetIndex()); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        select(event.GetIndex());
        m_timeline->SetFocus();
    });
    Bind(wxEVT_CHAR_HOOK, &OrderTrackingPage::on_key, this);

    // F5 looks again, Ctrl+F goes back to the search field, Ctrl+L lists, Delete cancels the selected order.
    wxAcceleratorEntry keys[] = {
        {wxACCEL_NORMAL, WXK_F5, kIdRefresh},  {wxACCEL_CTRL, 'F', kIdFocusSearch}, {wxACCEL_CTRL, 'L', kIdList},
        {wxACCEL_CTRL, WXK_DELETE, kIdCancel}, {wxACCEL_CTRL, 'P', kIdReprint},
    };
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { refresh(); }, kIdRefresh);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            m_search->SetFocus();
            m_search->SelectAll();
        },
        kIdFocusSearch);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { list(); }, kIdList);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { cancel_selected(); }, kIdCancel);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { reprint_selected(); }, kIdReprint);
}

void OrderTrackingPage::on_key(wxKeyEvent& event)
{
    if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
        m_search->Clear();
        set_message(wxString());
        m_search->SetFocus();
        return;
    }
    event.Skip();
}

void OrderTrackingPage::search()
{
    const std::string ref = m_search->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
    if (ref.empty()) {
        list();
        return;
    }
    set_message(wxString::Format(_("Looking for order %s..."), wxString::FromUTF8(ref)));
    run_query([ref](PageBackend& backend) { return workflows::OrderInquiry(backend).find(ref); });
}

void OrderTrackingPage::list()
{
    workflows::OrderQuery query;
    query.open_only = m_open_only->GetValue();
    query.overdue_only = m_overdue_only->GetValue();
    set_message(_("Listing your orders..."));
    run_query([query](PageBackend& backend) { return workflows::OrderInquiry(backend).list(query); });
}

void OrderTrackingPage::show_customer(const std::string& customer_id)
{
    workflows::OrderQuery query;
    query.customer_id = customer_id;
    query.open_only = m_open_only->GetValue();
    query.overdue_only = m_overdue_only->GetValue();
    set_message(_("Listing the customer's orders..."));
    run_query([query](PageBackend& backend) { return workflows::OrderInquiry(backend).list(query); });
}

void OrderTrackingPage::refresh()
{
    if (m_last_query) {
        run_query(m_last_query);
    } else {
        list();
    }
}

void OrderTrackingPage::run_query(const std::function<OrderRows(PageBackend&)>& query)
{
    m_last_query = query;
    run_counted(
        m_worker, m_pending, nullptr, [backend = m_backend, query] { return query(*backend); },
        [this](OrderRows rows) { show(std::move(rows)); }, [this](const wxString& text) { set_message(text, true); });
}

void OrderTrackingPage::show(OrderRows rows)
{
    m_shown = std::move(rows);
    m_list->DeleteAllItems();
    m_timeline->DeleteAllItems();
    m_timeline_title->SetLabel(_("Timeline: choose an order above."));

    if (m_shown.error) {
        set_message(lookup_error_text(*m_shown.error), true);
    } else if (!m_after_refresh.empty()) {
        set_message(m_after_refresh); // what the step that asked for this look said stays in view
    } else if (m_shown.rows.empty()) {
        set_message(_("No orders match."));
    } else {
        set_message(wxString::Format(wxPLURAL("%d order.", "%d orders.", static_cast<int>(m_shown.rows.size())),
                                     static_cast<int>(m_shown.rows.size())));
    }
    m_after_refresh.clear();

    if (m_shown.from_cache) {
        if (m_shown.cached_as_of.empty()) {
            m_banner_text->SetLabel(_("Offline: the back office does not answer. Nothing is cached for this."));
        } else {
            // TRANSLATORS: %s is a local date and time.
            m_banner_text->SetLabel(
                wxString::Format(_("Offline: the back office does not answer. Showing cached data as of %s."),
                                 local_time_text(m_shown.cached_as_of)));
        }
        m_banner->Show();
    } else {
        m_banner->Hide();
    }

    for (const auto& row : m_shown.rows) {
        const auto& order = row.tracked.order;
        const long index = m_list->GetItemCount();
        const wxString number = order.order_id ? wxString::FromUTF8(*order.order_id) : _("Not numbered yet");
        m_list->InsertItem(index, number);
        m_list->SetItem(index, kType, order_type_text(order.order_type));
        m_list->SetItem(index, kCustomer, wxString::FromUTF8(row.customer_text));
        m_list->SetItem(index, kState, order_state_text(row.shown_state));
        m_list->SetItem(index, kAccepted, local_time_text(order.created_at));
        if (row.tracked.overdue) {
            m_list->SetItem(index, kOverdue, _("Overdue"));
            m_list->SetItemTextColour(index, *wxRED);
        }
    }
    update_cancel_button();
    Layout();
    if (m_list->GetItemCount() == 1) {
        m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        select(0);
    }
}

void OrderTrackingPage::select(long index)
{
    show_timeline(index);
    update_cancel_button();
}

void OrderTrackingPage::show_timeline(long index)
{
    m_timeline->DeleteAllItems();
    if (index < 0 || static_cast<std::size_t>(index) >= m_shown.rows.size()) {
        return;
    }
    const auto& order = m_shown.rows[static_cast<std::size_t>(index)].tracked.order;
    const wxString name = order.order_id ? wxString::FromUTF8(*order.order_id) : wxString::FromUTF8(order.local_id);
    // TRANSLATORS: %s is an order number (or the local id of an order not numbered yet).
    m_timeline_title->SetLabel(wxString::Format(_("Timeline of order %s:"), name));
    for (const auto& event : order.timeline) {
        const long row = m_timeline->GetItemCount();
        m_timeline->InsertItem(row, order_state_text(event.state));
        m_timeline->SetItem(row, kEventTime, local_time_text(event.at));
        m_timeline->SetItem(row, kEventStaff, wxString::FromUTF8(event.staff));
        m_timeline->SetItem(row, kEventReason, wxString::FromUTF8(event.reason));
    }
}

void OrderTrackingPage::update_cancel_button()
{
    const long index = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto* row = index >= 0 && static_cast<std::size_t>(index) < m_shown.rows.size()
                          ? &m_shown.rows[static_cast<std::size_t>(index)]
                          : nullptr;
    m_cancel_button->Enable(row != nullptr && row->may_cancel);
    m_reprint_button->Enable(row != nullptr && row->may_reprint);
}

void OrderTrackingPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

void OrderTrackingPage::cancel_selected()
{
    const long index = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_shown.rows.size()) {
        return;
    }
    const auto& row = m_shown.rows[static_cast<std::size_t>(index)];
    if (!row.may_cancel) {
        set_message(_("This order cannot be cancelled: it has no number yet or is already finished."));
        return;
    }
    const auto& order = row.tracked.order;
    if (m_cancel) {
        m_cancel(order.local_id, *order.order_id);
        return;
    }
    const auto reason = page_ask_text(m_backend->services().prompts, this, _("Cancel order"),
                                      wxString::Format(_("Why is order %s cancelled? The reason goes on its record."),
                                                       wxString::FromUTF8(*order.order_id)));
    if (!reason || reason->Strip(wxString::both).empty()) {
        set_message(_("Not cancelled: a reason is needed."));
        return;
    }
    cancel_with_approval(order.local_id, reason->Strip(wxString::both).ToStdString(wxConvUTF8), false);
}

void OrderTrackingPage::reprint_selected()
{
    const long index = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_shown.rows.size() || busy()) {
        return;
    }
    const auto& order = m_shown.rows[static_cast<std::size_t>(index)].tracked.order;
    set_message(_("Preparing the acceptance form..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, order = order.local_id] {
            auto archived = workflows::archive_acceptance_form(*backend, order);
            if (const auto* error = printing::error_of(archived)) {
                throw std::runtime_error(error->to_string());
            }
            auto& form = std::get<workflows::ArchivedForm>(archived);
            return std::make_shared<Printable>(Printable{std::move(form.layout), form.offsets});
        },
        [this](const std::shared_ptr<Printable>& printable) {
            set_message(_("The acceptance form is archived again. Print it from the preview."));
            page_preview(m_backend->services().prompts, this, printable->layout, printable->offsets);
        },
        [this](const wxString& text) { set_message(text, true); });
}

void OrderTrackingPage::cancel_with_approval(const std::string& local_id, const std::string& reason, bool with_approval)
{
    std::optional<workflows::Approval> approval;
    const auto& prompts = m_backend->services().prompts;
    if (with_approval) {
        const auto supervisor = page_ask_text(prompts, this, _("Supervisor's approval"),
                                              _("Money was taken for this order and will be handed back. The "
                                                "approving supervisor's staff ID:"));
        if (!supervisor) {
            set_message(_("Not cancelled: no approval."));
            return;
        }
        const auto password =
            page_ask_password(prompts, this, _("Supervisor's approval"), _("The supervisor's password:"));
        if (!password) {
            set_message(_("Not cancelled: no approval."));
            return;
        }
        approval = workflows::Approval{supervisor->ToStdString(wxConvUTF8), password->ToStdString(wxConvUTF8)};
    }
    set_message(_("Cancelling..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, local_id, reason, approval] {
            return workflows::OrderInquiry(*backend).cancel(local_id, reason, approval);
        },
        [this, local_id, reason, with_approval](std::variant<workflows::CancelOutcome, workflows::CallError> result) {
            if (const auto* error = std::get_if<workflows::CallError>(&result)) {
                if (!with_approval && error->is(contract::ResultCode::permission) &&
                    error->param("reason") == "approval") {
                    cancel_with_approval(local_id, reason, true);
                    return;
                }
                set_message(cancel_error_text(*error), true);
                page_tell(m_backend->services().prompts, this, _("Cancel order"), cancel_error_text(*error));
                return;
            }
            const auto& outcome = std::get<workflows::CancelOutcome>(result);
            const std::int64_t fen = outcome.handed_back.fen();
            if (outcome.refunds.empty()) {
                m_after_refresh = _("The cancellation is queued and will be sent to the back office.");
            } else {
                // TRANSLATORS: %s is an amount in yuan such as 100.00.
                m_after_refresh = (wxString::Format(_("Cancelled. Hand back %s yuan to the customer."),
                                                    wxString::Format("%lld.%02lld", static_cast<long long>(fen / 100),
                                                                     static_cast<long long>(fen % 100))));
            }
            set_message(m_after_refresh);
            if (m_wake) {
                m_wake();
            }
            refresh();
        },
        [this](const wxString& text) { set_message(text, true); });
}

} // namespace ui
