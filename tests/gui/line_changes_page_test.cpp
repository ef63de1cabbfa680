// The changes to a line the customer holds, in 综合受理 against the real back office over loopback HTTPS, in
// Chinese, through the panels' widgets: 增值业务变更 (nothing ticked and one product both added and cancelled are
// refused before anything is queued, the product named as the lists name it; 呼叫转移 refused until the number calls go
// to is set under the list, then both added), 帐务关系变更 (the line's own account again is refused,
// then another of the customer's accounts), 亲情1+ (a bad number names its row, the main line as its own member is
// refused, then two family numbers). Each accepted change is a queued order of its type whose acceptance form is
// archived and previewed. Screenshots: vas_change_zh.png, account_change_zh.png, family_bundle_zh.png.

#include "acceptance_window.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/changes/account_change_panel.h"
#include "client/ui/changes/attribute_editor.h"
#include "client/ui/changes/change_panel.h"
#include "client/ui/changes/family_bundle_panel.h"
#include "client/ui/changes/vas_change_panel.h"
#include "client/workflows/forms/record_documents.h"

#include <wx/checklst.h>
#include <wx/listctrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

/// A demo customer with exactly one active line and nothing in the way of a change, its line, and the page on it
/// with `code` started from the service list.
struct ChangeDesk
{
    Scenario scenario;
    testing::Workstation ws{scenario, "1001"};
    std::unique_ptr<testing::BssTestClient> clerk = scenario.client_as("1001");
    ScriptedPrompts prompts;
    std::optional<contract::CustomerGetResponse> customer;
    contract::ServiceRecord line;
    std::unique_ptr<AcceptanceWindow> window;
    std::int64_t queued_before = 0;

    explicit ChangeDesk(int skip = 0)
    {
        int seen = 0;
        customer = scenario.find_demo_customer(*clerk, [&](const contract::CustomerGetResponse& r) {
            const bool usable =
                r.customer.kind == "individual" && !r.blacklisted && r.arrears == domain::Money{} &&
                r.open_orders.empty() &&
                std::ranges::count(r.services, std::string("active"), &contract::ServiceRecord::status) == 1;
            return usable && seen++ == skip;
        });
        REQUIRE(customer);
        line = *std::ranges::find(customer->services, std::string("active"), &contract::ServiceRecord::status);
    }

    ui::ChangePanel* start(const std::string& code)
    {
        window = std::make_unique<AcceptanceWindow>(ws, prompts);
        window->page->find(workflows::CustomerKey::service_number, wxString::FromUTF8(line.service_number));
        window->wait();
        REQUIRE(window->page->picture());
        CHECK_FALSE(window->page->add_service(code, 1));
        window->click("service_start");
        auto* panel = window->page->change_panel();
        REQUIRE(panel != nullptr);
        window->wait();
        queued_before = store::Outbox(*ws.sql).pending_count();
        return panel;
    }

    /// Accept refused: the panel shows `expected`'s sentence and nothing more is queued.
    void refused(ui::ChangePanel* panel, const char* prefix, domain::Errc expected,
                 const std::vector<std::pair<std::string, std::string>>& params = {})
    {
        window->click((std::string(prefix) + "_accept").c_str());
        CHECK_FALSE(panel->accepted());
        CHECK(panel->message() == ui::problem_text(domain::Problem{expected, params}));
        CHECK(store::Outbox(*ws.sql).pending_count() == queued_before);
    }

    /// Accepted: one more write queued, an order of `type` stored; printed and finished. Returns the stored order.
    store::LocalOrder accepted(ui::ChangePanel* panel, const char* prefix, const std::string& type)
    {
        window->click((std::string(prefix) + "_accept").c_str());
        INFO(panel->message().utf8_string());
        REQUIRE(panel->accepted());
        CHECK(window->wakes == 1);
        CHECK(store::Outbox(*ws.sql).pending_count() == queued_before + 1);
        const auto order = store::OrderStore(*ws.sql).by_local_id(panel->accepted()->local_id);
        REQUIRE(order);
        CHECK(order->order_type == type);
        CHECK(order->customer_id == customer->customer.customer_id);
        window->click((std::string(prefix) + "_print").c_str());
        REQUIRE(window->previewed.size() == 1);
        CHECK(window->previewed.front().form == "acceptance");
        CHECK(std::filesystem::exists(ws.dir.path() / "archive"));
        return *order;
    }

    void finish(const char* prefix)
    {
        window->click((std::string(prefix) + "_finish").c_str());
        settle(5);
        CHECK(window->page->change_panel() == nullptr);
        CHECK(window->page->services().empty());
    }
};

contract::OrderDraft draft_of(const store::LocalOrder& order)
{
    const auto stored = workflows::order_from_document(order.document);
    REQUIRE(stored);
    return stored->draft;
}

} // namespace

TEST_CASE("综合受理: a value-added change adds a product, after refusing an empty change and a product both added "
          "and cancelled",
          "[gui][pages][line_changes]")
{
    use_chinese();
    ChangeDesk desk;
    auto* panel = dynamic_cast<ui::VasChangePanel*>(desk.start("VAS_CHANGE"));
    REQUIRE(panel != nullptr);
    REQUIRE(panel->offered().size() >= 2);
    CHECK(find<wxCheckListBox>(panel, "vas_add")->GetCount() == panel->offered().size());

    desk.refused(panel, "vas_panel", domain::Errc::order_no_items);
    panel->tick(0, true);
    panel->tick(0, false);
    desk.refused(panel, "vas_panel", domain::Errc::order_item_conflict, {{"offering", panel->offered()[0].name}});
    panel->tick(0, false, false);

    // 呼叫转移 needs the number calls go to: refused, naming the product and the field, until it is set.
    const auto cfu = std::ranges::find(panel->offered(), std::string("VAS-CFU"), &contract::Offering::offering_id);
    REQUIRE(cfu != panel->offered().end());
    const auto cfu_index = static_cast<std::size_t>(cfu - panel->offered().begin());
    REQUIRE(cfu_index != 0);
    panel->tick(cfu_index, true);
    desk.refused(panel, "vas_panel", domain::Errc::order_attribute_missing,
                 {{"offering", cfu->name}, {"attribute", ui::attribute_label("forwardTo").utf8_string()}});
    auto* target = find<wxTextCtrl>(panel, "vas_attribute_forwardTo");
    REQUIRE(target != nullptr); // the refused product's fields are shown
    target->SetValue("13800138000");
    screenshot(desk.window->host.frame, "vas_change_zh");
    const auto order = desk.accepted(panel, "vas_panel", "vasChange");
    const auto draft = draft_of(order);
    REQUIRE(draft.items.size() == 2);
    CHECK(draft.items[0].action == "add");
    CHECK(draft.items[0].offering_id == panel->offered()[0].offering_id);
    CHECK(draft.items[1].offering_id == "VAS-CFU");
    REQUIRE(draft.items[1].characteristics.size() == 1);
    CHECK(draft.items[1].characteristics[0].name == "forwardTo");
    CHECK(draft.items[1].characteristics[0].value == "13800138000");
    CHECK(draft.service_number == desk.line.service_number);
    desk.finish("vas_panel");
}

TEST_CASE("综合受理: an account change bills the line to another of the customer's accounts, after refusing its own "
          "account again",
          "[gui][pages][line_changes]")
{
    use_chinese();
    ChangeDesk desk(1);
    REQUIRE(desk.line.billing_account_id);
    contract::BillingAccountCreateRequest create;
    create.account.account_id = "new";
    create.account.customer_id = desk.customer->customer.customer_id;
    create.account.name = "分帐户";
    create.account.payment_method = "cash";
    const auto created = desk.clerk->call(create);
    REQUIRE(created.ok());
    const auto other = created.value().account.account_id;

    auto* panel = dynamic_cast<ui::AccountChangePanel*>(desk.start("ACCOUNT_CHANGE"));
    REQUIRE(panel != nullptr);
    REQUIRE(panel->accounts().size() >= 2);
    auto* list = find<wxListCtrl>(panel, "account_list");
    CHECK(list->GetItemCount() == static_cast<int>(panel->accounts().size()));

    panel->choose_account(*desk.line.billing_account_id);
    panel->choose_method("");
    desk.refused(panel, "account_panel", domain::Errc::order_account_unchanged,
                 {{"account", *desk.line.billing_account_id}});
    panel->choose_account(other);
    panel->choose_method("collection");
    screenshot(desk.window->host.frame, "account_change_zh");
    const auto draft = draft_of(desk.accepted(panel, "account_panel", "accountChange"));
    CHECK(draft.billing_account_id == other);
    CHECK(draft.payment_method == "collection");
    desk.finish("account_panel");
}

TEST_CASE("综合受理: a family bundle takes two family numbers, after naming the row of a bad number and refusing the "
          "main line as a member",
          "[gui][pages][line_changes]")
{
    use_chinese();
    ChangeDesk desk(2);
    auto* panel = dynamic_cast<ui::FamilyBundlePanel*>(desk.start("FAMILY_BUNDLE"));
    REQUIRE(panel != nullptr);

    desk.refused(panel, "bundle_panel", domain::Errc::order_member_count, {{"count", "0"}, {"max", "8"}});
    // Row 3 typed with row 2 empty: the rows close up, so the refusal names the second row, where the number now is.
    panel->set_member(0, "13800138001", zh("妈妈"));
    panel->set_member(2, "1380013800", zh("爸爸"));
    desk.refused(panel, "bundle_panel", domain::Errc::bundle_member_number,
                 {{"index", "2"}, {"reason", "E_BAD_LENGTH"}});
    CHECK(find<wxTextCtrl>(panel, "bundle_number_1")->GetValue() == "1380013800");
    CHECK(find<wxTextCtrl>(panel, "bundle_number_2")->IsEmpty());

    panel->set_member(1, wxString::FromUTF8(desk.line.service_number), zh("爸爸"));
    desk.refused(panel, "bundle_panel", domain::Errc::bundle_member_is_main, {{"number", desk.line.service_number}});

    panel->set_member(1, "13800138002", zh("爸爸"));
    screenshot(desk.window->host.frame, "family_bundle_zh");
    const auto draft = draft_of(desk.accepted(panel, "bundle_panel", "familyBundle"));
    REQUIRE(draft.members.size() == 2);
    CHECK(draft.members[0].number == "13800138001");
    CHECK(draft.members[1].name == std::optional<std::string>("爸爸"));
    desk.finish("bundle_panel");
}
