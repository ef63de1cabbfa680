// 订单查询 in a bare frame against the real back office over loopback HTTPS: an order accepted and sent is found by
// its number with its row and timeline in Chinese; with the back office unreachable the cache answers under the
// offline banner, and a queued order is listed as not numbered yet; 撤单 asks for a reason and queues the
// cancellation. Screenshots: order_tracking_zh.png, order_tracking_offline_zh.png.

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/ui/orders/order_tracking_page.h"
#include "client/workflows/forms/record_documents.h"
#include "pages_support.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/textctrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

struct TrackingWindow
{
    Host host;
    ui::OrderTrackingPage* page;
    int wakes = 0;

    TrackingWindow(testing::Workstation& ws, bool online, ScriptedPrompts& prompts,
                   std::function<store::UtcTime()> clock = {})
    {
        auto services = services_for(ws, online, prompts);
        if (!clock) {
            // The back office's fixed time, so "overdue" does not depend on the day the tests run.
            const auto fixed = *contract::parse_timestamp(testing::BackofficeOptions{}.fixed_time);
            clock = [fixed] { return fixed; };
        }
        services.clock = std::move(clock);
        page = new ui::OrderTrackingPage(host.frame, std::move(services), {}, [this] { ++wakes; });
        host.show();
    }

    wxTextCtrl* search() { return find<wxTextCtrl>(page, "order_search"); }
    wxListCtrl* list() { return find<wxListCtrl>(page, "order_list"); }
    wxListCtrl* timeline() { return find<wxListCtrl>(page, "order_timeline"); }
    wxWindow* banner() { return wxWindow::FindWindowByName("order_offline_banner", page); }

    /// Types `text` and presses Enter in the search field, then waits for the answer.
    void search_for(const std::string& text)
    {
        search()->ChangeValue(wxString::FromUTF8(text));
        wxCommandEvent enter(wxEVT_TEXT_ENTER, search()->GetId());
        enter.SetEventObject(search());
        search()->GetEventHandler()->ProcessEvent(enter);
        REQUIRE(page->busy());
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    void click(const char* name)
    {
        auto* button = find<wxButton>(page, name);
        REQUIRE(button);
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->GetEventHandler()->ProcessEvent(click);
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }
};

} // namespace

TEST_CASE("order tracking finds an accepted order by its number, with its timeline, and cancels it with a reason",
          "[gui][pages][orders]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "卫小五");
    // The workstation knows the customer (as identifying them at the counter would have cached it).
    store::CachedCustomer cached;
    cached.customer_id = customer.customer_id;
    cached.kind = "individual";
    cached.name = "卫小五";
    cached.version = 1;
    store::CustomerCache(*ws.sql).put(cached,
                                      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    const auto accepted =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, number,
                                                       scenario.building_with_free_ports(*clerk, 1).address_id));
    ws.sync();
    const auto order_id = store::OrderStore(*ws.sql).by_local_id(accepted.local_id)->order_id;
    REQUIRE(order_id);

    ScriptedPrompts prompts;
    TrackingWindow window(ws, true, prompts);
    CHECK(window.search()->GetHint() == zh("输入订单号，按回车查询"));
    window.search_for(*order_id);

    auto* list = window.list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(cell(list, 0, 0) == wxString::FromUTF8(*order_id));
    CHECK(cell(list, 0, 1) == zh("固话新装"));
    CHECK(cell(list, 0, 2) == zh("卫*五")); // masked in the list
    CHECK(cell(list, 0, 3) == zh("已受理"));
    CHECK(cell(list, 0, 4).StartsWith("20"));
    CHECK(cell(list, 0, 5).empty());
    CHECK_FALSE(window.banner()->IsShown());
    CHECK(label_of(window.page, "order_message") == zh("共 1 笔订单。"));

    // The only row is selected: its timeline is shown, in the clerk's words and local time.
    auto* timeline = window.timeline();
    REQUIRE(timeline->GetItemCount() >= 1);
    CHECK(cell(timeline, 0, 0) == zh("已受理"));
    CHECK(cell(timeline, 0, 1).StartsWith("20"));
    CHECK(cell(timeline, 0, 2) == "1001");
    CHECK(label_of(window.page, "order_timeline_title") ==
          zh("订单 ") + wxString::FromUTF8(*order_id) + zh(" 的进度："));
    auto* cancel = find<wxButton>(window.page, "order_cancel_button");
    CHECK(cancel->IsEnabled());
    screenshot(window.host.frame, "order_tracking_zh");

    // 撤单 asks why; without money taken the cancellation waits in the outbox like any write.
    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    prompts.texts.push_back(zh("客户反悔"));
    window.click("order_cancel_button");
    REQUIRE(prompts.asked.size() == 1);
    CHECK(prompts.asked[0].Contains(wxString::FromUTF8(*order_id)));
    CHECK(window.wakes == 1);
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before + 1);

    // Esc clears the search field.
    window.search()->ChangeValue("x");
    wxKeyEvent escape(wxEVT_CHAR_HOOK);
    escape.m_keyCode = WXK_ESCAPE;
    window.page->GetEventHandler()->ProcessEvent(escape);
    CHECK(window.search()->GetValue().empty());

    // An order neither the cache nor the back office knows is named.
    window.search_for("NOPE-1");
    CHECK(list->GetItemCount() == 0);
    CHECK(label_of(window.page, "order_message").Contains("NOPE-1"));
}

TEST_CASE("order tracking prints an order's acceptance form again, marked 补打 the second time", "[gui][pages][orders]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "卫小六");
    // Cached whole, as identifying the customer at the counter leaves it: the form prints from the cache.
    store::CustomerCache(*ws.sql).put(workflows::cached_customer(customer),
                                      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    const auto accepted =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, number,
                                                       scenario.building_with_free_ports(*clerk, 1).address_id));
    ws.sync();
    const auto order_id = store::OrderStore(*ws.sql).by_local_id(accepted.local_id)->order_id;
    REQUIRE(order_id);

    ScriptedPrompts prompts;
    std::vector<printing::Layout> previewed;
    auto services = services_for(ws, true, prompts);
    services.forms_folder = COUNTER_FORMS_DIR;
    services.archive_folder = ws.dir.path() / "archive";
    services.prompts.preview = [&previewed](wxWindow*, const printing::Layout& layout, const printing::Offsets&) {
        previewed.push_back(layout);
    };
    Host host;
    auto* page = new ui::OrderTrackingPage(host.frame, std::move(services));
    host.show();
    REQUIRE(wait_until([page] { return !page->busy(); }));
    auto* reprint = find<wxButton>(page, "order_reprint_button");
    find<wxTextCtrl>(page, "order_search")->ChangeValue(wxString::FromUTF8(*order_id));
    page->search();
    REQUIRE(wait_until([page] { return !page->busy(); }));
    settle(3);
    REQUIRE(page->shown().rows.size() == 1);
    CHECK(reprint->IsEnabled());

    for (const bool again : {false, true}) {
        page->reprint_selected();
        REQUIRE(wait_until([page] { return !page->busy(); }));
        INFO(label_of(page, "order_message").utf8_string());
        REQUIRE(previewed.size() == (again ? 2U : 1U));
        CHECK(previewed.back().form == "acceptance");
        CHECK(previewed.back().order_number == *order_id);
        CHECK(previewed.back().reprint == again);
    }
    CHECK(std::filesystem::exists(ws.dir.path() / "archive"));
}

TEST_CASE("order tracking offline answers from the cache under a banner and lists a queued order as not numbered",
          "[gui][pages][orders][offline]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "蒋六");
    const auto building = scenario.building_with_free_ports(*clerk, 2);
    const auto numbers = scenario.free_numbers(*clerk, 2);
    const auto sent =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, numbers[0].number, building.address_id));
    ws.sync();
    const auto order_id = *store::OrderStore(*ws.sql).by_local_id(sent.local_id)->order_id;
    // A second order stays queued: nothing sends it.
    const auto queued =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, numbers[1].number, building.address_id));

    ScriptedPrompts prompts;
    TrackingWindow window(ws, false, prompts);
    window.search_for(order_id);
    auto* list = window.list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(cell(list, 0, 0) == wxString::FromUTF8(order_id));
    CHECK(window.banner()->IsShown());
    CHECK(label_of(window.page, "order_offline_text").StartsWith(zh("离线：后台没有应答。以下是截至 ")));

    window.click("order_list_button");
    REQUIRE(list->GetItemCount() == 2);
    CHECK(window.banner()->IsShown());
    // The queued order is listed, not numbered yet (both were accepted within the same second: either may be first).
    const long waiting = cell(list, 0, 0) == zh("待编号") ? 0 : 1;
    CHECK(cell(list, waiting, 0) == zh("待编号"));
    CHECK(cell(list, waiting, 3) == zh("待上传"));
    CHECK(cell(list, 1 - waiting, 0) == wxString::FromUTF8(order_id));
    list->SetItemState(waiting, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    settle(3);
    CHECK_FALSE(find<wxButton>(window.page, "order_cancel_button")->IsEnabled()); // nothing to cancel yet
    CHECK(label_of(window.page, "order_timeline_title").Contains(wxString::FromUTF8(queued.local_id)));
    screenshot(window.host.frame, "order_tracking_offline_zh");
}

TEST_CASE("撤单 of a paid order asks for the reason and a supervisor's approval, cancels it and names the money to "
          "hand back",
          "[gui][pages][orders][payments]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "2001"); // 撤单 is a supervisor's business (order.cancel)
    auto supervisor = scenario.client_as("2001");
    const auto customer = scenario.new_individual(*supervisor, "杨八");
    const auto number = scenario.free_numbers(*supervisor, 1).at(0).number;
    const auto accepted =
        ws.desk.accept("2001",
                       Scenario::install_draft(customer.customer_id, number,
                                               scenario.building_with_free_ports(*supervisor, 1).address_id),
                       workflows::PaymentTaken{domain::Money::from_yuan(100)});
    ws.sync();
    const auto order_id = *store::OrderStore(*ws.sql).by_local_id(accepted.local_id)->order_id;

    ScriptedPrompts prompts;
    TrackingWindow window(ws, true, prompts);
    window.search_for(order_id);
    REQUIRE(window.list()->GetItemCount() == 1);

    // The reason, then (money was taken) the approving supervisor's staff ID and password.
    prompts.texts = {zh("客户撤单"), "2001", "Super#2001"};
    window.click("order_cancel_button");
    REQUIRE(wait_until([&] { return !window.page->busy(); }));
    REQUIRE(prompts.asked.size() == 3);
    CHECK(prompts.asked[1] == zh("该订单已收款，撤单后需退款。请输入审批主管的工号："));
    CHECK(prompts.told.empty());
    CHECK(label_of(window.page, "order_message") == zh("已撤单。请退还客户 100.00 元。"));
    CHECK(cell(window.list(), 0, 3) == zh("已撤单"));
    CHECK_FALSE(find<wxButton>(window.page, "order_cancel_button")->IsEnabled());
    CHECK(window.wakes == 1);
    screenshot(window.host.frame, "order_tracking_cancelled_zh");
}

TEST_CASE("an answer that comes back after its page has closed is dropped", "[gui][pages][orders]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    ScriptedPrompts prompts;
    {
        TrackingWindow window(ws, true, prompts);
        window.search()->ChangeValue("O2026000000000009");
        window.page->search();
        REQUIRE(window.page->busy());
    }           // the frame and its page go while the back office is being asked
    settle(20); // the answer's CallAfter runs now, and must touch nothing (AddressSanitizer watches)
    SUCCEED();
}

TEST_CASE("order tracking flags an install past its 48 hours, and the overdue filter keeps only those",
          "[gui][pages][orders][offline]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.new_individual(*clerk, "朱九");
    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    const auto sent =
        ws.desk.accept("1001", Scenario::install_draft(customer.customer_id, number, building.address_id));
    ws.sync();
    const auto order_id = *store::OrderStore(*ws.sql).by_local_id(sent.local_id)->order_id;

    // Five days later, with the back office out of reach: the cache's copy is past its due moment.
    const auto later =
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + std::chrono::hours(24 * 5);
    ScriptedPrompts prompts;
    TrackingWindow window(ws, false, prompts, [later] { return later; });
    auto* overdue = find<wxCheckBox>(window.page, "order_overdue_only");
    REQUIRE(overdue);
    overdue->SetValue(true);
    wxCommandEvent tick(wxEVT_CHECKBOX, overdue->GetId());
    tick.SetEventObject(overdue);
    tick.SetInt(1);
    overdue->GetEventHandler()->ProcessEvent(tick);
    REQUIRE(wait_until([&] { return !window.page->busy(); }));
    settle(3);

    auto* list = window.list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(cell(list, 0, 0) == wxString::FromUTF8(order_id));
    CHECK(cell(list, 0, 5) == zh("超时"));
    CHECK(list->GetItemTextColour(0) == *wxRED);
    CHECK(window.banner()->IsShown());
    screenshot(window.host.frame, "order_tracking_overdue_zh");
}
