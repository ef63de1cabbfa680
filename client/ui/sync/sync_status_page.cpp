#include "client/ui/sync/sync_status_page.h"

#include "client/ui/base/page_widgets.h"
#include "client/ui/orders/order_text.h"
#include "client/workflows/sync/sync_queue.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

enum Column
{
    kWhat,
    kLocalId,
    kWhen,
    kReason
};
enum : int
{
    kIdReload = wxID_HIGHEST + 750,
    kIdRetry,
    kIdEdit,
    kIdDiscard,
    kIdFocusList
};

} // namespace

SyncStatusPage::SyncStatusPage(wxWindow* parent, PageServices services, std::function<void()> wake,
                               std::function<workflows::SyncStatus()> status, EditHandler edit)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "sync_status_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_wake(std::move(wake)),
      m_status(std::move(status)), m_edit(std::move(edit)), m_poll(this)
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    if (m_status) {
        show_status(m_status());
        Bind(
            wxEVT_TIMER, [this](wxTimerEvent&) { show_status(m_status()); }, m_poll.GetId());
        m_poll.Start(1000);
    }
    reload();
    m_list->SetFocus();
}

SyncStatusPage::~SyncStatusPage()
{
    m_poll.Stop();
}

void SyncStatusPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* status_row = new wxBoxSizer(wxHORIZONTAL);
    m_link = new wxStaticText(this, wxID_ANY, _("Back office: not known yet"), wxDefaultPosition, wxDefaultSize, 0,
                              "sync_link");
    m_link->SetFont(m_link->GetFont().Bold());
    status_row->Add(m_link, 1, wxALIGN_CENTER_VERTICAL);
    m_reload = new wxButton(this, kIdReload, _("Look again (F5)"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "sync_reload");
    status_row->Add(m_reload, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(status_row, 0, wxEXPAND | wxALL, 8);

    m_counts = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "sync_counts");
    top->Add(m_counts, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    top->Add(new wxStaticText(this, wxID_ANY, _("Writes the back office refused:")), 0,
             wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, "sync_error_list");
    m_list->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, 90);
    m_list->AppendColumn(_("Local id"), wxLIST_FORMAT_LEFT, 260);
    m_list->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, 140);
    m_list->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 420);
    fill_last_column(m_list);
    top->Add(m_list, 3, wxEXPAND | wxALL, 8);

    m_detail = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 60), 0, "sync_detail");
    top->Add(m_detail, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_retry = new wxButton(this, kIdRetry, _("&Retry"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                           "sync_retry");
    m_edit_button = new wxButton(this, kIdEdit, _("&Edit..."), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                 "sync_edit");
    m_discard = new wxButton(this, kIdDiscard, _("&Discard..."), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "sync_discard");
    buttons->Add(m_retry, 0, wxRIGHT, 6);
    buttons->Add(m_edit_button, 0, wxRIGHT, 6);
    buttons->Add(m_discard, 0);
    top->Add(buttons, 0, wxALL, 8);

    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "sync_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);

    m_reload->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(); });
    m_retry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retry_selected(); });
    m_edit_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_selected(); });
    m_discard->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { discard_selected(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        show_detail();
        update_buttons();
    });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        show_detail();
        update_buttons();
    });
    // Enter on a row retries it: the usual way out once its cause is dealt with.
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { retry_selected(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
            set_message(wxString());
            m_list->SetFocus();
            return;
        }
        event.Skip();
    });

    wxAcceleratorEntry keys[] = {
        {wxACCEL_NORMAL, WXK_F5, kIdReload},      {wxACCEL_CTRL, 'R', kIdRetry},     {wxACCEL_CTRL, 'E', kIdEdit},
        {wxACCEL_NORMAL, WXK_DELETE, kIdDiscard}, {wxACCEL_CTRL, 'L', kIdFocusList},
    };
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { reload(); }, kIdReload);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { retry_selected(); }, kIdRetry);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { edit_selected(); }, kIdEdit);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { discard_selected(); }, kIdDiscard);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_list->SetFocus(); }, kIdFocusList);
    update_buttons();
}

void SyncStatusPage::show_status(const workflows::SyncStatus& status)
{
    // The worker's counts moving means writes were sent or refused: read the queue again (local reads only).
    const bool moved =
        m_last_status && (status.pending != m_last_status->pending || status.errors != m_last_status->errors);
    m_last_status = status;
    m_link->SetLabel(wxString::Format(_("Back office: %s"), sync_link_text(status.link)));
    if (status.link == workflows::SyncStatus::Link::offline) {
        m_link->SetForegroundColour(wxColour(0xB0, 0x40, 0x00));
    } else {
        m_link->SetForegroundColour(GetForegroundColour());
    }
    Layout();
    if (moved && !busy()) {
        reload();
    }
}

void SyncStatusPage::show_counts()
{
    // TRANSLATORS: first %d writes waiting to be sent, second %d writes refused.
    m_counts->SetLabel(wxString::Format(_("Waiting to be sent: %d   Refused: %d"), m_view.pending,
                                        static_cast<int>(m_view.rows.size())));
}

void SyncStatusPage::reload()
{
    run_counted(
        m_worker, m_pending, nullptr, [backend = m_backend] { return workflows::SyncQueue(*backend).read(); },
        [this](SyncQueueView view) { show(std::move(view)); },
        [this](const wxString& text) { set_message(text, true); });
}

void SyncStatusPage::show(SyncQueueView view)
{
    std::optional<std::int64_t> kept;
    if (const auto* row = selected()) {
        kept = row->problem.error.id;
    }
    m_view = std::move(view);
    m_list->DeleteAllItems();
    long select = m_view.rows.empty() ? -1 : 0;
    for (const auto& row : m_view.rows) {
        const auto& problem = row.problem;
        const long index = m_list->GetItemCount();
        m_list->InsertItem(index, sync_kind_text(problem.kind));
        m_list->SetItem(index, kLocalId, wxString::FromUTF8(problem.local_id));
        m_list->SetItem(index, kReason, sync_problem_text(problem));
        m_list->SetItem(index, kWhen, local_time_text(problem.error.at));
        if (kept && *kept == problem.error.id) {
            select = index;
        }
    }
    if (select >= 0) {
        m_list->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    show_counts();
    if (m_view.rows.empty()) {
        m_detail->SetLabel(_("Nothing refused: every write was accepted or is waiting to be sent."));
    }
    show_detail();
    update_buttons();
    Layout();
}

const ProblemRow* SyncStatusPage::selected() const
{
    const long index = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (index < 0 || static_cast<std::size_t>(index) >= m_view.rows.size()) {
        return nullptr;
    }
    return &m_view.rows[static_cast<std::size_t>(index)];
}

void SyncStatusPage::select_row(long index)
{
    if (index >= 0 && index < m_list->GetItemCount()) {
        m_list->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        show_detail();
        update_buttons();
    }
}

void SyncStatusPage::show_detail()
{
    const auto* row = selected();
    if (row == nullptr) {
        return;
    }
    const auto& problem = row->problem;
    wxString text = sync_problem_text(problem);
    if (problem.order && problem.order->order_id) {
        // TRANSLATORS: %s is an order number.
        text += "\n" + wxString::Format(_("Order number at the back office: %s"),
                                        wxString::FromUTF8(*problem.order->order_id));
    }
    if (!problem.waiting_orders.empty()) {
        text +=
            "\n" + wxString::Format(wxPLURAL("%d order waits for this customer.", "%d orders wait for this customer.",
                                             static_cast<int>(problem.waiting_orders.size())),
                                    static_cast<int>(problem.waiting_orders.size()));
    }
    if (row->money.fen() > 0) {
        text += "\n" + wxString::Format(_("Money taken: %s yuan."), yuan(row->money));
    }
    m_detail->SetLabel(text);
    m_detail->Wrap(std::max(200, GetClientSize().GetWidth() - 16));
}

void SyncStatusPage::update_buttons()
{
    const auto* row = selected();
    const bool any = row != nullptr && !busy();
    m_retry->Enable(any);
    m_discard->Enable(any);
    m_edit_button->Enable(any && (row->problem.kind == "order" || row->problem.kind == "customer"));
}

void SyncStatusPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

void SyncStatusPage::retry_selected()
{
    const auto* row = selected();
    if (row == nullptr || busy()) {
        return;
    }
    // TRANSLATORS: %s is the local id of the write (an order, a payment, a customer).
    step(row->problem.error.id, false,
         wxString::Format(_("%s is sent again."), wxString::FromUTF8(row->problem.local_id)));
}

void SyncStatusPage::edit_selected()
{
    const auto* row = selected();
    if (row == nullptr || busy()) {
        return;
    }
    if (m_edit) {
        m_edit(row->problem);
        return;
    }
    const auto problem = row->problem;
    const auto& prompts = m_backend->services().prompts;
    const std::string old_number = workflows::SyncQueue::refused_number(problem);
    // The two refusals a clerk corrects here: another number for an order, another name for a customer.
    if (problem.kind == "order" && !old_number.empty()) {
        const auto answer =
            page_ask_text(prompts, this, _("Edit"),
                          // TRANSLATORS: first %s is a local order id, second the refused telephone number.
                          wxString::Format(_("Another number for order %s, instead of %s:"),
                                           wxString::FromUTF8(problem.local_id), wxString::FromUTF8(old_number)));
        const std::string number = answer ? answer->Strip(wxString::both).ToStdString(wxConvUTF8) : std::string();
        if (number.empty() || number == old_number) {
            set_message(_("Nothing was changed."));
            return;
        }
        // TRANSLATORS: first %s is a local order id, second a telephone number.
        run_step(
            [problem, old_number, number](PageBackend& backend) {
                return workflows::SyncQueue(backend).resend_with_number(problem, old_number, number);
            },
            wxString::Format(_("Order %s is sent again with number %s."), wxString::FromUTF8(problem.local_id),
                             wxString::FromUTF8(number)));
        return;
    }
    if (problem.kind == "customer" && problem.error.code == "E_NAME_EXISTS") {
        const auto answer =
            page_ask_text(prompts, this, _("Edit"),
                          wxString::Format(_("Another name for customer %s:"), wxString::FromUTF8(problem.local_id)));
        const std::string name = answer ? answer->Strip(wxString::both).ToStdString(wxConvUTF8) : std::string();
        if (name.empty()) {
            set_message(_("Nothing was changed."));
            return;
        }
        run_step([problem,
                  name](PageBackend& backend) { return workflows::SyncQueue(backend).resend_with_name(problem, name); },
                 // TRANSLATORS: %s is a customer's new name.
                 wxString::Format(_("The customer is sent again as \"%s\"."), wxString::FromUTF8(name)));
        return;
    }
    const wxString where =
        problem.kind == "customer"
            ? _("Open the customer on the customer opening page, correct it and send it again from there.")
            : _("Open the order on its business page, correct it and send it again from there.");
    // TRANSLATORS: %s is a local id.
    page_tell(prompts, this, _("Edit"),
              wxString::Format(_("Editing %s is done on its business page."), wxString::FromUTF8(problem.local_id)) +
                  "\n" + where);
}

void SyncStatusPage::discard_selected()
{
    const auto* row = selected();
    if (row == nullptr || busy()) {
        return;
    }
    const auto& problem = row->problem;
    wxString question;
    if (problem.kind == "order") {
        question = wxString::Format(_("Give up order %s for good? It will not be sent to the back office."),
                                    wxString::FromUTF8(problem.local_id));
    } else if (problem.kind == "customer") {
        question = wxString::Format(_("Give up customer %s opened at this counter? It will not be created."),
                                    wxString::FromUTF8(problem.local_id));
    } else if (problem.kind == "payment") {
        question = wxString::Format(_("Give up payment %s? It will not be taken by the back office."),
                                    wxString::FromUTF8(problem.local_id));
    } else {
        question = _("Give up this cancellation? The order stays as the back office has it.");
    }
    if (!problem.waiting_orders.empty()) {
        question += "\n" + wxString::Format(wxPLURAL("The %d order waiting for it is given up too.",
                                                     "The %d orders waiting for it are given up too.",
                                                     static_cast<int>(problem.waiting_orders.size())),
                                            static_cast<int>(problem.waiting_orders.size()));
    }
    if (row->money.fen() > 0) {
        // TRANSLATORS: %s is an amount in yuan such as 100.00.
        question +=
            "\n" + wxString::Format(_("Hand back %s yuan to the customer: the money is not taken."), yuan(row->money));
    }
    if (!page_confirm(m_backend->services().prompts, this, _("Discard"), question)) {
        set_message(_("Nothing was discarded."));
        return;
    }
    // TRANSLATORS: %s is the local id of the write given up.
    wxString done = wxString::Format(_("%s is given up."), wxString::FromUTF8(problem.local_id));
    if (row->money.fen() > 0) {
        done +=
            " " + wxString::Format(_("Hand back %s yuan to the customer: the money is not taken."), yuan(row->money));
    }
    step(problem.error.id, true, done);
}

void SyncStatusPage::step(std::int64_t error_id, bool discard, const wxString& done_text)
{
    run_step(
        [error_id, discard](PageBackend& backend) {
            workflows::SyncQueue queue(backend);
            return discard ? queue.discard(error_id) : queue.retry(error_id);
        },
        done_text);
}

void SyncStatusPage::run_step(const std::function<std::optional<workflows::SyncDeskRefusal>(PageBackend&)>& work,
                              const wxString& done_text)
{
    run_counted(
        m_worker, m_pending, nullptr, [backend = m_backend, work] { return work(*backend); },
        [this, done_text](std::optional<workflows::SyncDeskRefusal> refusal) {
            set_message(refusal ? refusal_text(*refusal) : done_text, refusal.has_value());
            if (!refusal && m_wake) {
                m_wake();
            }
            reload();
        },
        [this](const wxString& text) {
            set_message(text);
            update_buttons();
        });
    update_buttons();
}

} // namespace ui
