#include "client/ui/shell/main_frame.h"

#include "client/ui/acceptance/acceptance_page.h"
#include "client/ui/admin/settings_page.h"
#include "client/ui/admin/staff_admin_page.h"
#include "client/ui/base/card_consumer.h"
#include "client/ui/group/group_members_page.h"
#include "client/ui/group/group_opening_page.h"
#include "client/ui/money/payments_page.h"
#include "client/ui/money/settlement_page.h"
#include "client/ui/orders/order_tracking_page.h"
#include "client/ui/reports/reports_page.h"
#include "client/ui/shell/business_menu.h"
#include "client/ui/shell/login_dialog.h"
#include "client/ui/sync/sync_status_page.h"
#include "counter_version.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

namespace ui {

namespace {

constexpr int kIdleCheckMs = 1000;

/// The business key a tree item stands for.
class BusinessItem : public wxTreeItemData
{
public:
    explicit BusinessItem(std::string key) : m_key(std::move(key)) {}
    [[nodiscard]] const std::string& key() const { return m_key; }

private:
    std::string m_key;
};

/// The work area when no business is open: who is signed in and how to start.
wxPanel* make_welcome_page(wxWindow* parent, const Session& session)
{
    auto* page = new wxPanel(parent, wxID_ANY);
    page->SetName("page_home");
    auto* heading = new wxStaticText(page, wxID_ANY, _("Counter Workstation"));
    heading->SetName("product_name");
    heading->SetFont(heading->GetFont().Scaled(2.0f).Bold());
    auto* version = new wxStaticText(page, wxID_ANY, wxString::Format(_("Version %s"), COUNTER_VERSION));
    version->SetName("product_version");
    wxString who;
    if (const auto& staff = session.staff()) {
        // TRANSLATORS: %s are the clerk's name and staff ID (工号).
        who = wxString::Format(_("Welcome, %s (staff ID %s)."), wxString::FromUTF8(staff->staff.name),
                               wxString::FromUTF8(staff->staff.staff_id));
    }
    auto* welcome = new wxStaticText(page, wxID_ANY, who);
    welcome->SetName("welcome");
    auto* how = new wxStaticText(page, wxID_ANY,
                                 _("Choose a business in the menu on the left (Ctrl+1), or press its key: F2 "
                                   "integrated acceptance, F3 group opening, F4 group members, F5 order inquiry, F6 "
                                   "payments, F7 daily settlement, F8 reports. Ctrl+L locks the screen."),
                                 wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    how->Wrap(640);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer();
    sizer->Add(heading, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 8);
    sizer->Add(version, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 4);
    sizer->Add(welcome, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 16);
    sizer->Add(how, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 8);
    if (session.training()) {
        auto* training = new wxStaticText(page, wxID_ANY,
                                          _("Training mode: the back office runs inside this workstation with demo "
                                            "data, and the ID card reader is simulated."),
                                          wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
        training->SetName("training_note");
        training->SetForegroundColour(wxColour(0xC0, 0x50, 0x00));
        training->Wrap(640);
        sizer->Add(training, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 8);
    }
    sizer->AddStretchSpacer();
    page->SetSizer(sizer);
    return page;
}

} // namespace

wxString MainFrame::product_title()
{
    // TRANSLATORS: the product name, shown in the title bar, the About box and the desktop menu.
    return wxString::Format("%s %s", _("Counter Workstation"), COUNTER_VERSION);
}

wxString MainFrame::window_title(bool training)
{
    if (!training) {
        return product_title();
    }
    // TRANSLATORS: the title bar in training mode; %s is the product name and version. (msgids stay ASCII: wx
    // reads them in the C locale's charset.)
    return wxString::Format(_("%s (Training mode)"), product_title());
}

MainFrame::MainFrame(Session& session, std::function<void()> signed_out)
    : wxFrame(nullptr, wxID_ANY, window_title(session.training()), wxDefaultPosition, wxSize(1280, 800)),
      m_session(session), m_signed_out(std::move(signed_out)), m_idle_timer(this), m_card_timer(this),
      m_idle_limit(std::chrono::minutes(session.lock_minutes())), m_last_activity(std::chrono::steady_clock::now()),
      m_last_mouse(wxGetMousePosition())
{
    SetName("main_frame");
    build_menus();

    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    m_splitter->SetName("splitter");
    m_splitter->SetMinimumPaneSize(160);
    build_tree(m_splitter);
    m_work_area = new wxPanel(m_splitter, wxID_ANY);
    m_work_area->SetName("work_area");
    m_work_area->SetSizer(new wxBoxSizer(wxVERTICAL));
    m_splitter->SplitVertically(m_tree, m_work_area, 320);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_splitter, 1, wxEXPAND);
    SetSizer(sizer);
    show_page(make_welcome_page(m_work_area, m_session), {});

    CreateStatusBar(kFieldCount);
    const int widths[kFieldCount] = {-3, -2, -2, -1};
    GetStatusBar()->SetStatusWidths(kFieldCount, widths);
    GetStatusBar()->SetName("status_bar");
    show_sync_status(m_session.sync_status());
    show_reader_state(m_session.reader_state());
    show_clerk();
    SetStatusText(m_session.training() ? _("Training mode") : wxString(), kModeField);
    m_session.on_sync_status(m_lifetime.guard(
        std::function<void(const workflows::SyncStatus&)>([this](const auto& status) { show_sync_status(status); })));
    m_session.on_reader_state(
        m_lifetime.guard(std::function<void(ReaderState)>([this](ReaderState state) { show_reader_state(state); })));
    m_session.on_card(m_lifetime.guard(
        std::function<void(const idcard::ReaderEvent&)>([this](const idcard::ReaderEvent& event) { on_card(event); })));
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { m_session.place_sample_card(m_card_to_place); }, m_card_timer.GetId());

    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        note_activity();
        event.Skip();
    });
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { check_idle(); }, m_idle_timer.GetId());
    m_idle_timer.Start(kIdleCheckMs);
    Centre();
    m_tree->SetFocus();
}

void MainFrame::build_menus()
{
    auto* workstation = new wxMenu;
    workstation->Append(wxID_CLOSE, _("&Close page\tCtrl+W"), _("Close the open business page"));
    const int lock_id = wxWindow::NewControlId();
    workstation->Append(lock_id, _("&Lock screen\tCtrl+L"), _("Hide the work area until you sign in again"));
    const int sign_out_id = wxWindow::NewControlId();
    workstation->Append(sign_out_id, _("Sign &out\tCtrl+Shift+L"),
                        _("End your session so that another clerk can sign in; queued work is kept"));
    workstation->AppendSeparator();
    workstation->Append(wxID_EXIT, _("E&xit\tCtrl+Q"), _("Close the workstation"));

    auto* business = new wxMenu;
    bool first = true;
    for (const auto& entry : business_menu()) {
        if (entry.is_group()) {
            if (entry.parent.empty() && !first) {
                business->AppendSeparator();
            }
            continue;
        }
        first = false;
        const int id = wxWindow::NewControlId();
        m_menu_business[id] = std::string(entry.key);
        business->Append(id, wxString::Format("%s\t%s", wxGetTranslation(entry.label), entry.accelerator));
        Bind(
            wxEVT_MENU, [this, key = std::string(entry.key)](wxCommandEvent&) { open_business(key); }, id);
    }

    auto* view = new wxMenu;
    const int tree_id = wxWindow::NewControlId();
    const int work_id = wxWindow::NewControlId();
    view->Append(tree_id, _("&Business menu\tCtrl+1"), _("Move the focus to the business menu"));
    view->Append(work_id, _("&Work area\tCtrl+2"), _("Move the focus to the open page"));

    if (m_session.has_sample_cards()) {
        // Training: the simulated reader's deck, so a trainee can place each kind of card a counter meets.
        static const std::pair<const char*, const char*> kDeck[] = {
            {"valid", wxTRANSLATE("Place a valid ID card")},
            {"long_term", wxTRANSLATE("Place a long-term ID card")},
            {"expired", wxTRANSLATE("Place an expired ID card")},
            {"minor", wxTRANSLATE("Place a minor's ID card")},
            {"hmt_permit", wxTRANSLATE("Place a Hong Kong/Macao/Taiwan residence permit")},
            {"foreign_2017", wxTRANSLATE("Place a foreigner's permanent residence card (2017)")},
            {"foreign_2023", wxTRANSLATE("Place a foreigner's permanent residence card (2023)")},
            {"damaged", wxTRANSLATE("Place a damaged card")},
        };
        auto* training = new wxMenu;
        for (const auto& [key, label] : kDeck) {
            const int id = wxWindow::NewControlId();
            training->Append(id, wxGetTranslation(label));
            Bind(
                wxEVT_MENU, [this, card = std::string(key)](wxCommandEvent&) { place_sample_card(card); }, id);
        }
        training->AppendSeparator();
        const int remove_id = wxWindow::NewControlId();
        training->Append(remove_id, _("&Take the card off"));
        Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { place_sample_card({}); }, remove_id);
        m_training_menu = training;
    }

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About\tF1"), _("Product name and version"));

    auto* bar = new wxMenuBar;
    bar->Append(workstation, _("&Workstation"));
    bar->Append(business, _("&Business"));
    bar->Append(view, _("&View"));
    if (m_training_menu != nullptr) {
        bar->Append(m_training_menu, _("&Training"));
    }
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { close_page(); }, wxID_CLOSE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { lock(); }, lock_id);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { sign_out(); }, sign_out_id);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(true); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_tree->SetFocus(); }, tree_id);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_page->SetFocus(); }, work_id);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            wxAboutDialogInfo info;
            info.SetName(_("Counter Workstation"));
            info.SetVersion(COUNTER_VERSION);
            info.SetDescription(
                _("Customer identification, business acceptance, fees and printing for business halls."));
            wxAboutBox(info, this);
        },
        wxID_ABOUT);
}

void MainFrame::build_tree(wxWindow* parent)
{
    m_tree = new wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_LINES_AT_ROOT | wxTR_SINGLE | wxTR_NO_LINES);
    m_tree->SetName("business_tree");
    const auto root = m_tree->AddRoot(wxString());
    for (const auto& entry : business_menu()) {
        const auto parent_item = entry.parent.empty() ? root : m_tree_items.at(std::string(entry.parent));
        wxString label = wxGetTranslation(entry.label);
        if (!entry.is_group()) {
            label += wxString::Format("    %s", entry.accelerator);
        }
        m_tree_items[std::string(entry.key)] =
            m_tree->AppendItem(parent_item, label, -1, -1, new BusinessItem(std::string(entry.key)));
    }
    m_tree->ExpandAll();
    m_tree->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        const auto* item = dynamic_cast<BusinessItem*>(m_tree->GetItemData(event.GetItem()));
        if (item != nullptr) {
            open_business(item->key());
        }
    });
    // Enter on a business opens it even when it is already selected; focus then goes to the page.
    m_tree->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& event) {
        const auto* item = dynamic_cast<BusinessItem*>(m_tree->GetItemData(event.GetItem()));
        if (item != nullptr && open_business(item->key())) {
            m_page->SetFocus();
        }
    });
}

bool MainFrame::open_business(std::string_view key)
{
    const auto* entry = find_business(key);
    if (entry == nullptr || entry->is_group() || m_locked) {
        return false;
    }
    if (m_page_key != key) {
        wxWindow* page = make_page(key);
        if (page == nullptr) {
            return false; // every business in the menu has its page; a key without one opens nothing
        }
        page->SetName(wxString::Format("page_%s", std::string(key)));
        show_page(page, std::string(key));
    }
    const auto item = m_tree_items.at(std::string(key));
    if (m_tree->GetSelection() != item) {
        m_tree->SelectItem(item);
    }
    return true;
}

wxWindow* MainFrame::make_page(std::string_view key)
{
    // One maker per business in the menu.
    using Maker = wxWindow* (*)(MainFrame&);
    static const std::map<std::string_view, Maker> kMakers{
        {"integrated_acceptance",
         [](MainFrame& frame) -> wxWindow* {
             return new AcceptancePage(frame.m_work_area, frame.m_session.page_services(),
                                       [session = &frame.m_session] { session->wake_sync(); });
         }},
        {"group_members",
         [](MainFrame& frame) -> wxWindow* {
             return new GroupMembersPage(frame.m_work_area, frame.m_session.page_services(),
                                         [session = &frame.m_session] { session->wake_sync(); });
         }},
        {"order_inquiry",
         [](MainFrame& frame) -> wxWindow* {
             return new OrderTrackingPage(frame.m_work_area, frame.m_session.page_services(), {},
                                          [session = &frame.m_session] { session->wake_sync(); });
         }},
        {"group_opening",
         [](MainFrame& frame) -> wxWindow* {
             return new GroupOpeningPage(frame.m_work_area, frame.m_session.page_services(),
                                         [session = &frame.m_session] { session->wake_sync(); });
         }},
        {"payments",
         [](MainFrame& frame) -> wxWindow* {
             return new PaymentsPage(frame.m_work_area, frame.m_session.page_services(),
                                     [session = &frame.m_session] { session->wake_sync(); });
         }},
        {"daily_settlement",
         [](MainFrame& frame) -> wxWindow* {
             return new SettlementPage(frame.m_work_area, frame.m_session.page_services());
         }},
        {"reports",
         [](MainFrame& frame) -> wxWindow* {
             return new ReportsPage(frame.m_work_area, frame.m_session.page_services());
         }},
        {"workstation_settings",
         [](MainFrame& frame) -> wxWindow* {
             return new SettingsPage(frame.m_work_area, frame.m_session.page_services());
         }},
        {"staff_roles",
         [](MainFrame& frame) -> wxWindow* {
             return new StaffAdminPage(frame.m_work_area, frame.m_session.page_services());
         }},
        {"sync_status",
         [](MainFrame& frame) -> wxWindow* {
             // The page reads the status the frame keeps (on the UI thread) once a second.
             return new SyncStatusPage(
                 frame.m_work_area, frame.m_session.page_services(),
                 [session = &frame.m_session] { session->wake_sync(); },
                 [session = &frame.m_session] { return session->sync_status(); });
         }},
    };
    const auto maker = kMakers.find(key);
    return maker == kMakers.end() ? nullptr : maker->second(*this);
}

void MainFrame::on_card(const idcard::ReaderEvent& event)
{
    if (m_locked) {
        return;
    }
    auto* consumer = dynamic_cast<CardConsumer*>(m_page);
    if (consumer == nullptr && event.kind == idcard::ReaderEventKind::card_read) {
        // A card placed on any other page starts the counter's usual work: identify its holder.
        open_business("integrated_acceptance");
        consumer = dynamic_cast<CardConsumer*>(m_page);
    }
    if (consumer != nullptr) {
        consumer->on_card(event);
    }
}

void MainFrame::place_sample_card(const std::string& key)
{
    // The card on the reader is taken off first and the new one placed a moment later, as a hand would: the reader
    // reads a card once per placement, so it must see the field empty in between.
    m_session.place_sample_card({});
    m_card_to_place = key;
    if (!key.empty()) {
        m_card_timer.StartOnce(900);
    }
}

void MainFrame::close_page()
{
    if (m_page_key.empty() || m_locked) {
        return;
    }
    show_page(make_welcome_page(m_work_area, m_session), {});
    m_tree->UnselectAll();
    m_tree->SetFocus();
}

void MainFrame::show_page(wxWindow* page, std::string key)
{
    auto* sizer = m_work_area->GetSizer();
    if (m_page != nullptr) {
        sizer->Detach(m_page);
        m_page->Destroy();
    }
    m_page = page;
    m_page_key = std::move(key);
    sizer->Add(m_page, 1, wxEXPAND);
    m_work_area->Layout();
}

void MainFrame::show_sync_status(const workflows::SyncStatus& status)
{
    wxString text;
    switch (status.link) {
    case workflows::SyncStatus::Link::idle:
        text = _("Back office: online");
        break;
    case workflows::SyncStatus::Link::sending:
        text = _("Back office: syncing");
        break;
    case workflows::SyncStatus::Link::offline:
        text = _("Back office: offline");
        break;
    case workflows::SyncStatus::Link::signed_out:
        text = _("Back office: not signed in");
        break;
    }
    // Separate figures in one status field, not parts of a sentence.
    // TRANSLATORS: in the status bar after the back office state; %d is a count of writes not yet sent.
    text += "  |  " + wxString::Format(_("Waiting to send: %d"), status.pending);
    if (status.errors > 0) {
        // TRANSLATORS: %d refused writes wait for the clerk in the sync error queue.
        text += "  |  " + wxString::Format(_("Sync errors: %d"), status.errors);
    }
    SetStatusText(text, kBackOfficeField);
}

void MainFrame::show_reader_state(ReaderState state)
{
    wxString text;
    switch (state) {
    case ReaderState::none:
        text = _("Reader: not configured");
        break;
    case ReaderState::connecting:
        text = _("Reader: connecting...");
        break;
    case ReaderState::connected:
        text = m_session.training() ? _("Reader: ready (simulated)") : _("Reader: ready");
        break;
    case ReaderState::unplugged:
        text = _("Reader: unplugged");
        break;
    }
    SetStatusText(text, kReaderField);
}

void MainFrame::show_clerk()
{
    wxString text;
    if (const auto& staff = m_session.staff()) {
        // TRANSLATORS: the status bar's clerk field: staff ID (工号) and name.
        text = wxString::Format(_("Clerk: %s %s"), wxString::FromUTF8(staff->staff.staff_id),
                                wxString::FromUTF8(staff->staff.name));
    }
    SetStatusText(text, kClerkField);
}

void MainFrame::check_idle()
{
    // Key presses are seen by the char hook; the mouse is polled, since its events do not reach the frame.
    const auto mouse = wxGetMousePosition();
    if (mouse != m_last_mouse) {
        m_last_mouse = mouse;
        note_activity();
    }
    if (!m_locked && std::chrono::steady_clock::now() - m_last_activity >= m_idle_limit) {
        lock();
    }
}

void MainFrame::lock()
{
    if (m_locked || !m_session.staff()) {
        return;
    }
    m_locked = true;
    // Customer data on the open page must not be readable on an unattended counter.
    m_splitter->Hide();
    for (std::size_t i = 0; i < GetMenuBar()->GetMenuCount(); ++i) {
        GetMenuBar()->EnableTop(i, false);
    }
    auto* dialog =
        new LoginDialog(this, m_session, m_lifetime.guard(std::function<void(bool)>([this](bool ok) { unlocked(ok); })),
                        m_session.staff()->staff.staff_id);
    dialog->Show();
}

void MainFrame::sign_out()
{
    if (m_locked || !m_session.staff()) {
        return;
    }
    m_locked = true; // nothing more is opened or typed while the back office is told
    m_splitter->Hide();
    for (std::size_t i = 0; i < GetMenuBar()->GetMenuCount(); ++i) {
        GetMenuBar()->EnableTop(i, false);
    }
    SetStatusText(_("Signing out..."), kClerkField);
    m_session.sign_out(m_lifetime.guard(std::function<void()>([this] {
        Hide();
        if (m_signed_out) {
            m_signed_out();
        }
        Destroy();
    })));
}

void MainFrame::unlocked(bool signed_in)
{
    if (!signed_in) {
        // The lock screen's Exit: the workstation closes; queued writes stay in the outbox for next time.
        Close(true);
        return;
    }
    m_locked = false;
    for (std::size_t i = 0; i < GetMenuBar()->GetMenuCount(); ++i) {
        GetMenuBar()->EnableTop(i, true);
    }
    m_splitter->Show();
    Layout();
    show_clerk();
    note_activity();
    (m_page_key.empty() ? static_cast<wxWindow*>(m_tree) : m_page)->SetFocus();
}

} // namespace ui
