// 同步状态 in a bare frame against the real back office over loopback HTTPS: an order refused because another clerk
// holds its number is listed with the reason in Chinese; retried once the number is released, the list empties and
// the order is numbered; a second one with money taken is discarded only after the clerk confirms what goes with it
// (the money to hand back); a group opened offline under a taken name is renamed from the page. Screenshots:
// sync_status_zh.png, sync_status_empty_zh.png.

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/payment_store.h"
#include "client/ui/sync/sync_status_page.h"
#include "client/workflows/group/open_group_customer.h"
#include "domain/credit_code.h"
#include "pages_support.h"

#include <wx/button.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

struct SyncWindow
{
    Host host;
    ui::SyncStatusPage* page;
    int wakes = 0;

    SyncWindow(testing::Workstation& ws, ScriptedPrompts& prompts)
    {
        page = new ui::SyncStatusPage(
            host.frame, services_for(ws, true, prompts), [this] { ++wakes; },
            [] {
                workflows::SyncStatus status;
                status.link = workflows::SyncStatus::Link::idle;
                return status;
            });
        host.show();
        wait();
    }

    void wait()
    {
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    wxListCtrl* list() { return find<wxListCtrl>(page, "sync_error_list"); }
};

/// An install order of `ws`'s clerk for a number another clerk has reserved first: refused once sent.
workflows::AcceptedOrder refused_order(Scenario& scenario, testing::Workstation& ws, testing::BssTestClient& other,
                                       const std::string& number, std::optional<workflows::PaymentTaken> money = {})
{
    auto clerk = scenario.client_as(ws.staff);
    const auto customer = scenario.new_individual(*clerk, "韩七");
    const auto reserved = other.call(contract::NumberReserveRequest{number});
    INFO(number << " " << reserved.code() << " " << reserved.param("status"));
    REQUIRE(reserved.ok());
    auto accepted = ws.desk.accept(
        ws.staff,
        Scenario::install_draft(customer.customer_id, number, scenario.building_with_free_ports(*clerk, 1).address_id),
        money);
    ws.sync();
    return accepted;
}

} // namespace

TEST_CASE("the sync page lists a refused order with its reason, retries it once the number is free, and discards "
          "another after saying what goes with it",
          "[gui][pages][sync]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto other = scenario.client_as("1002");
    const auto numbers = scenario.free_numbers(*scenario.client_as("1001"), 1);
    const auto first = refused_order(scenario, ws, *other, numbers[0].number);

    ScriptedPrompts prompts;
    SyncWindow window(ws, prompts);
    auto* list = window.list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(cell(list, 0, 0) == zh("订单"));
    CHECK(cell(list, 0, 1) == wxString::FromUTF8(first.local_id));
    CHECK(cell(list, 0, 3) == zh("号码 ") + wxString::FromUTF8(numbers[0].number) +
                                  zh(" 已被他人预占或正在使用。号码释放后请重试，或修改订单换一个号码。"));
    CHECK(cell(list, 0, 2).StartsWith("20"));
    CHECK(label_of(window.page, "sync_link") == zh("后台：在线，全部已发送"));
    CHECK(label_of(window.page, "sync_counts") == zh("待发送：0   被拒绝：1"));
    CHECK(find<wxButton>(window.page, "sync_retry")->IsEnabled());
    screenshot(window.host.frame, "sync_status_zh");

    // Edit asks for another number; cancelled, nothing changes.
    window.page->edit_selected();
    REQUIRE(prompts.asked.size() == 1);
    CHECK(prompts.asked[0] == zh("订单 ") + wxString::FromUTF8(first.local_id) + zh(" 换用的新号码（原号码 ") +
                                  wxString::FromUTF8(numbers[0].number) + zh("）："));
    CHECK(label_of(window.page, "sync_message") == zh("未做任何更改。"));
    CHECK(list->GetItemCount() == 1);
    prompts.asked.clear();

    // The other clerk lets the number go: Retry sends it again, the list empties, the sync worker is woken.
    REQUIRE(other->call(contract::NumberReleaseRequest{numbers[0].number}).ok());
    window.page->retry_selected();
    window.wait();
    CHECK(list->GetItemCount() == 0);
    CHECK(window.wakes == 1);
    CHECK(label_of(window.page, "sync_message").Contains(wxString::FromUTF8(first.local_id)));
    CHECK(label_of(window.page, "sync_counts") == zh("待发送：1   被拒绝：0"));
    ws.sync();
    CHECK(store::OrderStore(*ws.sql).by_local_id(first.local_id)->order_id);
    window.page->reload();
    window.wait();
    screenshot(window.host.frame, "sync_status_empty_zh");

    // Another refused order is edited here with a free number: sent again, accepted under the new number.
    const auto third =
        refused_order(scenario, ws, *other, scenario.free_numbers(*scenario.client_as("1001"), 1).at(0).number);
    window.page->reload();
    window.wait();
    REQUIRE(list->GetItemCount() == 1);
    window.page->select_row(0);
    const auto fresh = scenario.free_numbers(*scenario.client_as("1001"), 1).at(0).number;
    prompts.texts = {wxString::FromUTF8(fresh)};
    window.page->edit_selected();
    window.wait();
    CHECK(list->GetItemCount() == 0);
    CHECK(label_of(window.page, "sync_message") == zh("订单 ") + wxString::FromUTF8(third.local_id) +
                                                       zh(" 已改用号码 ") + wxString::FromUTF8(fresh) +
                                                       zh(" 重新发送。"));
    ws.sync();
    const auto edited = store::OrderStore(*ws.sql).by_local_id(third.local_id);
    REQUIRE(edited->order_id);
    CHECK(edited->document.find(fresh) != std::string::npos);
    prompts.asked.clear();

    // A second refused order, with 100 yuan taken: discarding asks first and names the money to hand back.
    // (Each number is asked for when it is needed: the pool's first free numbers change as orders take them.)
    const auto second =
        refused_order(scenario, ws, *other, scenario.free_numbers(*scenario.client_as("1001"), 1).at(0).number,
                      workflows::PaymentTaken{domain::Money::from_yuan(100)});
    window.page->reload();
    window.wait();
    REQUIRE(list->GetItemCount() == 1);
    window.page->select_row(0);
    prompts.confirms = {false};
    window.page->discard_selected();
    window.wait();
    REQUIRE(prompts.asked.size() == 1);
    CHECK(prompts.asked[0].Contains(wxString::FromUTF8(second.local_id)));
    CHECK(prompts.asked[0].Contains(zh("退还客户 100.00 元")));
    CHECK(list->GetItemCount() == 1); // said no: nothing changed
    CHECK(label_of(window.page, "sync_message") == zh("未放弃任何内容。"));

    prompts.confirms = {true};
    window.page->discard_selected();
    window.wait();
    CHECK(list->GetItemCount() == 0);
    CHECK(window.wakes == 3);
    CHECK(store::OrderStore(*ws.sql).by_local_id(second.local_id)->state == "discarded");
    CHECK(store::PaymentStore(*ws.sql).by_local_id(*second.payment_local_id)->state == "discarded");
}

TEST_CASE("every refusal the back office gives reads as a sentence with its parameters, in Chinese",
          "[gui][pages][sync]")
{
    use_chinese();
    struct Row
    {
        const char* code;
        std::map<std::string, std::string> params;
        const char* expected;
    };
    const Row rows[] = {
        {"E_NUMBER_TAKEN", {{"number", "21001234"}}, "号码 21001234 已被他人预占或正在使用"},
        {"E_NO_RESOURCE", {{"number", "21001234"}}, "号码 21001234 无此可售资源"},
        {"E_NO_RESOURCE", {{"addressId", "A1"}}, "该地址没有空闲端口或线路"},
        {"E_BLACKLISTED", {{"customerId", "C1"}}, "该用户为黑名单用户"},
        {"E_ARREARS", {{"customerId", "C0042"}}, "客户 C0042 有欠费"},
        {"E_OPEN_ORDER", {{"orderId", "O77"}}, "同类未完工订单（O77）"},
        {"E_NO_CAMPAIGN", {{"field", "number"}}, "无活动信息"},
        {"E_DEPOSIT", {}, "保证金余额不足"},
        {"E_ID_QUOTA", {}, "该证件名下的号码已达上限"},
        {"E_NAME_EXISTS", {{"name", "深圳市某某有限公司"}}, "客户名称“深圳市某某有限公司”已存在"},
        {"E_PERMISSION", {{"permission", "payment.take"}}, "您的角色无权进行此操作"},
        {"E_VALIDATION", {{"field", "amount"}, {"reason", "range"}}, "后台拒绝了字段 amount（range）"},
        {"E_NOT_FOUND", {{"customerId", "C9"}}, "后台找不到 customerId C9"},
        {"E_NOT_FOUND", {{"customerId", "C9"}, {"accountId", "A7"}}, "后台找不到 accountId A7, customerId C9"},
        {"E_IDEMPOTENCY", {{"key", "k"}}, "将使用新的编号发送"},
        {"E_INTERNAL", {}, "后台出错，未做任何更改"},
        {"E_SOMETHING_NEW", {}, "后台拒绝了该数据（E_SOMETHING_NEW）"},
    };
    for (const auto& row : rows) {
        INFO(row.code);
        workflows::SyncProblem problem;
        problem.kind = "order";
        problem.error.code = row.code;
        problem.params = row.params;
        CHECK(ui::sync_problem_text(problem).Contains(zh(row.expected)));
    }
    workflows::SyncProblem cancel; // what the back office says of a finished order (orderCancel)
    cancel.kind = "cancel";
    cancel.error.code = "E_VALIDATION";
    cancel.params = {{"field", "orderId"}, {"reason", "notCancellable"}, {"state", "completed"}};
    CHECK(ui::sync_problem_text(cancel) == zh("后台拒绝撤单：该订单在后台为“已完工”，保持不变。请放弃本次撤单。"));
    CHECK(ui::sync_kind_text("cancel") == zh("撤单"));
    CHECK(ui::sync_link_text(workflows::SyncStatus::Link::offline).StartsWith(zh("离线")));
}

TEST_CASE("the sync page renames a group opened offline under a name taken meanwhile, and it is created",
          "[gui][pages][sync][offline]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    auto manager = scenario.client_as("3001");
    const auto group = [](const std::string& name, const std::string& first17) {
        workflows::GroupApplication g;
        g.name = name;
        g.type = domain::GroupType::key_account;
        g.managers = {"3001"};
        g.certificates.push_back({domain::CertificateKind::business_licence,
                                  first17 + domain::CreditCode::check_character(first17), true, std::nullopt});
        return g;
    };
    // Elsewhere, a group takes the name first; this counter opens its own under the same name, offline.
    REQUIRE(manager
                ->call(contract::CustomerCreateRequest{
                    workflows::OpenGroupCustomer::record_for(group("深圳市同名页面有限公司", "91440300MA5DC7P01"))})
                .ok());
    workflows::OpenGroupCustomer open(*ws.sql, &ws.offline, "3001", "ws-mgr");
    const auto opened =
        open.open(group("深圳市同名页面有限公司", "91440300MA5DC7P02"), domain::make_date(2026, 11, 23));
    REQUIRE(std::holds_alternative<workflows::OpenedCustomer>(opened));
    const auto local_id = std::get<workflows::OpenedCustomer>(opened).customer.customer_id;
    ws.sync();

    ScriptedPrompts prompts;
    SyncWindow window(ws, prompts);
    auto* list = window.list();
    REQUIRE(list->GetItemCount() == 1);
    CHECK(cell(list, 0, 0) == zh("客户"));
    CHECK(cell(list, 0, 1) == wxString::FromUTF8(local_id));
    CHECK(cell(list, 0, 3) == zh("客户名称“深圳市同名页面有限公司”已存在。请修改名称，或放弃。"));

    prompts.texts = {zh("深圳市同名页面科技有限公司")};
    window.page->edit_selected();
    window.wait();
    REQUIRE(prompts.asked.size() == 1);
    CHECK(prompts.asked[0] == zh("客户 ") + wxString::FromUTF8(local_id) + zh(" 的新名称："));
    CHECK(list->GetItemCount() == 0);
    CHECK(label_of(window.page, "sync_message") == zh("客户已以“深圳市同名页面科技有限公司”的名称重新发送。"));
    ws.sync();
    CHECK(store::CustomerCache(*ws.sql).search_groups("同名页面科技", 5).size() == 1);
}
