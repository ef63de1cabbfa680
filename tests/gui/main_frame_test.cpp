// The main window for a signed-in clerk in training mode: title and status bar, the business tree and menu with
// their shortcuts, every business's page opening and closing, the lock after idle time, and signing out. Languages
// first, since the rest depends on the catalogs.

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/ui/acceptance/acceptance_page.h"
#include "client/ui/admin/settings_page.h"
#include "client/ui/admin/staff_admin_page.h"
#include "client/ui/group/group_members_page.h"
#include "client/ui/group/group_opening_page.h"
#include "client/ui/money/payments_page.h"
#include "client/ui/money/settlement_page.h"
#include "client/ui/orders/order_tracking_page.h"
#include "client/ui/reports/reports_page.h"
#include "client/ui/shell/business_menu.h"
#include "client/ui/shell/login_dialog.h"
#include "client/ui/shell/main_frame.h"
#include "client/ui/sync/sync_status_page.h"
#include "counter_version.h"
#include "gui_support.h"

#include <functional>
#include <langinfo.h>
#include <map>
#include <wx/button.h>
#include <wx/combo.h>
#include <wx/datectrl.h>
#include <wx/menu.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/treectrl.h>

using namespace gui_testing;

namespace {

/// A main frame for 1001 in training mode; closed (and let go of) at the end.
struct Workstation
{
    TrainingSession training;
    ui::MainFrame* frame = nullptr;

    explicit Workstation(bool with_reader = false)
    {
        training.sign_in();
        if (with_reader) {
            training.session.start_reader(SharedTraining::get().reader());
            training.session.set_sample_cards([](const std::string& key) { SharedTraining::get().place_card(key); });
        }
        frame = new ui::MainFrame(training.session);
        frame->Show();
        settle();
    }
    ~Workstation()
    {
        frame->Close(true);
        settle();
    }
    Workstation(const Workstation&) = delete;
    Workstation& operator=(const Workstation&) = delete;

    wxString status(int field) { return frame->GetStatusBar()->GetStatusText(field); }
    void menu(int id)
    {
        wxCommandEvent event(wxEVT_MENU, id);
        frame->GetEventHandler()->ProcessEvent(event);
        settle();
    }
};

} // namespace

TEST_CASE("the language falls back to Chinese", "[gui][i18n]")
{
    CHECK(ui::choose_language(wxLANGUAGE_ENGLISH, wxLANGUAGE_GERMAN) == wxLANGUAGE_ENGLISH);
    CHECK(ui::choose_language(wxLANGUAGE_UNKNOWN, wxLANGUAGE_ENGLISH_UK) == wxLANGUAGE_ENGLISH);
    CHECK(ui::choose_language(wxLANGUAGE_UNKNOWN, wxLANGUAGE_GERMAN) == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::choose_language(wxLANGUAGE_UNKNOWN, wxLANGUAGE_UNKNOWN) == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::language_from_code("zh_CN") == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::language_from_code("en") == wxLANGUAGE_ENGLISH);
    CHECK(ui::language_from_code("fr") == wxLANGUAGE_UNKNOWN);
}

TEST_CASE("the system language comes from the environment, C meaning none", "[gui][i18n]")
{
    unsetenv("LC_MESSAGES");
    const auto with_env = [](const char* lc_all, const char* lang) {
        setenv("LC_ALL", lc_all, 1);
        setenv("LANG", lang, 1);
        return ui::system_language();
    };
    CHECK(with_env("", "C.UTF-8") == wxLANGUAGE_UNKNOWN);
    CHECK(with_env("POSIX", "en_US.UTF-8") == wxLANGUAGE_UNKNOWN);
    CHECK(with_env("", "zh_CN.UTF-8") == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(with_env("en_GB.UTF-8", "zh_CN.UTF-8") == wxLANGUAGE_ENGLISH_UK);
    unsetenv("LC_ALL");
    unsetenv("LANG");
    CHECK(ui::system_language() == wxLANGUAGE_UNKNOWN);
}

TEST_CASE("the next start speaks the language set on the settings page unless --lang names one", "[gui][i18n]")
{
    testing::TempDir dir{"counter-gui-language"};
    {
        ui::Session session(dir.path());
        CHECK(session.configured_language().empty());
    }
    // Where the settings page stores the choice (settings_page_test checks that it does).
    store::Settings(*store::open_database(dir.path() / "cache.db")).set_language("en");
    ui::Session session(dir.path());
    const auto stored = wxString::FromUTF8(session.configured_language());
    CHECK(stored == "en");
    CHECK(ui::requested_language("", stored) == wxLANGUAGE_ENGLISH);
    CHECK(ui::requested_language("zh_CN", stored) == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::requested_language("", "") == wxLANGUAGE_UNKNOWN);
    CHECK(ui::requested_language("en", "") == wxLANGUAGE_ENGLISH);
}

TEST_CASE("the date pickers follow the interface language where the system has its locale", "[gui][i18n]")
{
    // The generic picker GTK uses: the text is its wxComboCtrl's.
    const auto shown = [](wxDatePickerCtrl* picker) {
        for (auto* child : picker->GetChildren()) {
            if (auto* combo = dynamic_cast<wxComboCtrl*>(child)) {
                return combo->GetValue();
            }
        }
        return wxString("<no combo>");
    };
    const wxDateTime day(4, wxDateTime::Dec, 2026);
    // scripts/install-deps.sh generates zh_CN.UTF-8; Debian has only C until asked.
    REQUIRE(ui::use_locale_formats(wxLANGUAGE_CHINESE_SIMPLIFIED));
    auto* frame = new wxFrame(nullptr, wxID_ANY, "dates");
    auto* chinese =
        new wxDatePickerCtrl(frame, wxID_ANY, day, wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    // English falls back to the C formats when en_US is not there either (the other tests expect those), and the
    // C library keeps reading UTF-8.
    REQUIRE(ui::use_locale_formats(wxLANGUAGE_ENGLISH));
    CHECK(std::string(nl_langinfo(CODESET)) == "UTF-8");
    auto* english =
        new wxDatePickerCtrl(frame, wxID_ANY, day, wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    frame->Show();
    settle();
    CHECK(shown(chinese) == zh("2026年12月04日"));
    CHECK(shown(english) == "12/04/2026");
    CHECK_FALSE(ui::use_locale_formats(wxLANGUAGE_UNKNOWN));
    frame->Destroy();
    settle();
}

TEST_CASE("the main window opens in training mode with 培训模式 in the title and the status bar", "[gui][main]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    Workstation ws(true);
    CHECK(ws.frame->GetTitle() == zh("营业柜台工作站 " COUNTER_VERSION "（培训模式）"));
    CHECK(ws.status(ui::MainFrame::kModeField) == zh("培训模式"));
    CHECK(ws.status(ui::MainFrame::kClerkField) == zh("营业员：1001 李晓梅"));
    CHECK(label_of(ws.frame, "product_name") == zh("营业柜台工作站"));
    CHECK(label_of(ws.frame, "welcome") == zh("欢迎，李晓梅（工号 1001）。"));
    CHECK(wait_until([&] { return ws.status(ui::MainFrame::kReaderField) == zh("读卡器：就绪（模拟）"); }));
    CHECK(wait_until([&] { return ws.status(ui::MainFrame::kBackOfficeField).StartsWith(zh("后台：在线")); }));
    CHECK(ws.status(ui::MainFrame::kBackOfficeField).Contains(zh("待发送：0")));
    CHECK(ws.frame->GetMenuBar()->GetMenuLabelText(0) == zh("工作站"));
}

TEST_CASE("every business in the tree opens its page, by tree or shortcut, and Ctrl+W closes it", "[gui][main]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    Workstation ws;
    auto* tree = find<wxTreeCtrl>(ws.frame, "business_tree");
    REQUIRE(tree != nullptr);
    int leaves = 0;
    for (const auto& entry : ui::business_menu()) {
        const std::string key(entry.key);
        INFO(key);
        if (entry.is_group()) {
            CHECK_FALSE(ws.frame->open_business(key));
            continue;
        }
        ++leaves;
        // By the tree, as arrow keys or a click select it.
        wxTreeItemId item;
        for (auto id = tree->GetFirstVisibleItem(); id.IsOk(); id = tree->GetNextVisible(id)) {
            if (tree->GetItemText(id).StartsWith(wxGetTranslation(entry.label))) {
                item = id;
            }
        }
        REQUIRE(item.IsOk());
        tree->SelectItem(item);
        settle();
        CHECK(ws.frame->current_page() == key);
        REQUIRE(ws.frame->page() != nullptr);
        CHECK(ws.frame->page()->GetName() == "page_" + key);
        CHECK(ws.frame->page()->IsShownOnScreen());
        // The businesses built so far open their real page; the others say they are still to come.
        static const std::map<std::string, std::function<bool(wxWindow*)>> kBuilt{
            {"integrated_acceptance", [](wxWindow* p) { return dynamic_cast<ui::AcceptancePage*>(p) != nullptr; }},
            {"group_opening", [](wxWindow* p) { return dynamic_cast<ui::GroupOpeningPage*>(p) != nullptr; }},
            {"group_members", [](wxWindow* p) { return dynamic_cast<ui::GroupMembersPage*>(p) != nullptr; }},
            {"order_inquiry", [](wxWindow* p) { return dynamic_cast<ui::OrderTrackingPage*>(p) != nullptr; }},
            {"payments", [](wxWindow* p) { return dynamic_cast<ui::PaymentsPage*>(p) != nullptr; }},
            {"daily_settlement", [](wxWindow* p) { return dynamic_cast<ui::SettlementPage*>(p) != nullptr; }},
            {"sync_status", [](wxWindow* p) { return dynamic_cast<ui::SyncStatusPage*>(p) != nullptr; }},
            {"workstation_settings", [](wxWindow* p) { return dynamic_cast<ui::SettingsPage*>(p) != nullptr; }},
            {"reports", [](wxWindow* p) { return dynamic_cast<ui::ReportsPage*>(p) != nullptr; }},
            {"staff_roles", [](wxWindow* p) { return dynamic_cast<ui::StaffAdminPage*>(p) != nullptr; }},
        };
        // Every business has its real page now; one added to the menu without its page fails here.
        const auto built = kBuilt.find(key);
        REQUIRE(built != kBuilt.end());
        CHECK(built->second(ws.frame->page()));
        ws.menu(wxID_CLOSE);
        CHECK(ws.frame->current_page().empty());
        CHECK(ws.frame->page()->GetName() == "page_home");

        // By its shortcut: the Business menu's item with the entry's accelerator.
        auto* menu = ws.frame->GetMenuBar()->GetMenu(1);
        wxMenuItem* found = nullptr;
        for (auto* menu_item : menu->GetMenuItems()) {
            if (!menu_item->IsSeparator() && menu_item->GetItemLabelText() == wxGetTranslation(entry.label)) {
                found = menu_item;
            }
        }
        REQUIRE(found != nullptr);
        CHECK(found->GetItemLabel().AfterFirst('\t') == entry.accelerator);
        ws.menu(found->GetId());
        CHECK(ws.frame->current_page() == key);
        ws.menu(wxID_CLOSE);
    }
    CHECK(leaves == 10);
}

TEST_CASE("every menu action has a keyboard shortcut", "[gui][main]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    Workstation ws;
    auto* bar = ws.frame->GetMenuBar();
    for (std::size_t m = 0; m < bar->GetMenuCount(); ++m) {
        for (auto* item : bar->GetMenu(m)->GetMenuItems()) {
            if (item->IsSeparator()) {
                continue;
            }
            INFO(item->GetItemLabel().utf8_string());
            const std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
            CHECK(accel != nullptr);
        }
    }
}

TEST_CASE("a card placed while another page is open opens 综合受理 and identifies its holder", "[gui][main][card]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    Workstation ws(true);
    REQUIRE(wait_until([&] { return ws.status(ui::MainFrame::kReaderField) == zh("读卡器：就绪（模拟）"); }));
    REQUIRE(ws.frame->open_business("order_inquiry"));
    // The training menu's card, placed on the simulated reader as a trainee does it.
    wxMenuItem* place = nullptr;
    auto* bar = ws.frame->GetMenuBar();
    for (std::size_t m = 0; m < bar->GetMenuCount(); ++m) {
        for (auto* item : bar->GetMenu(m)->GetMenuItems()) {
            if (!item->IsSeparator() && item->GetItemLabelText() == zh("放置有效身份证")) {
                place = item;
            }
        }
    }
    REQUIRE(place != nullptr);
    ws.menu(place->GetId());
    REQUIRE(wait_until([&] { return ws.frame->current_page() == "integrated_acceptance"; }));
    auto* page = dynamic_cast<ui::AcceptancePage*>(ws.frame->page());
    REQUIRE(page != nullptr);
    // The card reaches the page that was opened for it: its holder is looked up, not left for a second placement.
    REQUIRE(wait_until([&] { return page->picture().has_value(); }));
    CHECK(label_of(page, "customer_card").Contains(zh("已核验")));
    CHECK(page->found().size() == 1);
    SharedTraining::get().place_card({}); // the reader is shared by the tests that follow
}

TEST_CASE("the screen locks after idle time and only the clerk's own password unlocks it", "[gui][main]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    Workstation ws;
    CHECK(ws.frame->open_business("order_inquiry"));
    ws.frame->set_idle_limit(std::chrono::milliseconds(300));
    REQUIRE(wait_until([&] { return ws.frame->locked(); }, std::chrono::seconds(5)));
    CHECK_FALSE(find<wxSplitterWindow>(ws.frame, "splitter")->IsShown());
    CHECK_FALSE(ws.frame->open_business("reports"));
    auto* lock = find<ui::LoginDialog>(ws.frame, "login_dialog");
    REQUIRE(lock != nullptr);
    CHECK(label_of(lock, "login_heading") == zh("屏幕已锁定"));
    auto* staff = find<wxTextCtrl>(lock, "staff_id");
    CHECK(staff->GetValue() == "1001");
    CHECK_FALSE(staff->IsEnabled());
    REQUIRE(wait_until([&] { return find<wxButton>(lock, "sign_in")->IsEnabled(); }));
    ws.frame->set_idle_limit(std::chrono::minutes(10));

    find<wxTextCtrl>(lock, "password")->ChangeValue("Clerk#1002");
    lock->submit();
    REQUIRE(wait_until([&] { return find<wxButton>(lock, "sign_in")->IsEnabled(); }));
    CHECK(ws.frame->locked());
    CHECK(label_of(lock, "login_message") == zh("工号或密码错误。请检查后重试（是否开启了大写锁定？）。"));

    find<wxTextCtrl>(lock, "password")->ChangeValue("Clerk#1001");
    lock->submit();
    REQUIRE(wait_until([&] { return !ws.frame->locked(); }));
    CHECK(find<wxSplitterWindow>(ws.frame, "splitter")->IsShown());
    CHECK(ws.frame->current_page() == "order_inquiry");
    CHECK(ws.status(ui::MainFrame::kClerkField) == zh("营业员：1001 李晓梅"));
}

TEST_CASE("the main window speaks English when asked", "[gui][main][i18n]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_ENGLISH, locale_dirs()));
    Workstation ws;
    CHECK(ws.frame->GetTitle() == "Counter Workstation " COUNTER_VERSION " (Training mode)");
    CHECK(ws.status(ui::MainFrame::kModeField) == "Training mode");
    CHECK(ws.frame->GetMenuBar()->GetMenuLabelText(0) == "Workstation");
    CHECK(ws.frame->GetMenuBar()->GetMenuLabelText(1) == "Business");
    CHECK(wait_until([&] { return ws.status(ui::MainFrame::kBackOfficeField).StartsWith("Back office: online"); }));
    CHECK(ws.frame->open_business("integrated_acceptance"));
    CHECK(label_of(ws.frame->page(), "customer_message") ==
          "Place the ID card on the reader, or type and press Enter.");
    CHECK(ws.frame->open_business("staff_roles"));
    CHECK(label_of(ws.frame->page(), "page_title") == "Staff and roles");
}

TEST_CASE("signing out ends the clerk's session at the back office and hands the counter to the next clerk",
          "[gui][main][sign_out]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    TrainingSession training;
    training.sign_in();
    const std::string token = training.session.staff()->token;
    bool signed_out = false;
    auto* frame = new ui::MainFrame(training.session, [&signed_out] { signed_out = true; });
    frame->Show();
    settle();
    CHECK(frame->open_business("order_inquiry"));

    // Ctrl+Shift+L: the work area goes at once, the frame once the back office has been told.
    auto* bar = frame->GetMenuBar();
    const int item = bar->FindMenuItem(zh("工作站"), zh("注销"));
    REQUIRE(item != wxNOT_FOUND);
    CHECK(bar->FindItem(item)->GetItemLabel().Contains("Ctrl+Shift+L"));
    wxCommandEvent event(wxEVT_MENU, item);
    frame->GetEventHandler()->ProcessEvent(event);
    CHECK_FALSE(find<wxSplitterWindow>(frame, "splitter")->IsShown());
    CHECK_FALSE(frame->open_business("payments"));
    REQUIRE(wait_until([&] { return signed_out; }));
    settle();
    CHECK_FALSE(training.session.staff());

    // The old token is dead at the back office: a client carrying it is refused with E_SESSION.
    const auto link = SharedTraining::get().link();
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(bss::parse_endpoint(link.url, false));
    options.ca_file = link.ca_file;
    options.attempts = 1;
    bss::BssClient stale(options);
    stale.set_session_token(token);
    const auto answer = stale.call(contract::OrderListRequest{});
    REQUIRE(std::holds_alternative<bss::CallError>(answer));
    CHECK(std::get<bss::CallError>(answer).code() == "E_SESSION");

    // The next clerk signs in on the same session.
    training.sign_in("1002", "Clerk#1002");
    CHECK(training.session.staff()->staff.staff_id == "1002");
}
