// 综合受理 with the network down: a customer and an address the counter has seen before are found in its cache, a
// quantity of two repeats the number and fee steps once per line, ports are taken unchecked and numbers as typed
// (the back office confirms both when the orders reach it), and both orders go out once the network is back.
// Screenshots: install_offline_number_zh.png, install_offline_done_zh.png.

#include "acceptance_window.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/ui/changes/install_panel.h"

#include <wx/button.h>
#include <wx/textctrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

/// Free numbers without a selection fee (选号费): offline the counter cannot know a number's fee, so a typed number
/// is charged none and the back office would refuse one that has a fee.
std::vector<std::string> plain_numbers(Scenario& scenario, std::size_t count)
{
    auto clerk = scenario.client_as("1001");
    std::vector<std::string> plain;
    for (const auto& number : scenario.free_numbers(*clerk, 40)) {
        if (number.fee.fen() == 0 && plain.size() < count) {
            plain.push_back(number.number);
        }
    }
    REQUIRE(plain.size() == count);
    return plain;
}

/// The number step offline: a partial number is refused, the full one typed is taken as chosen.
void type_number_offline(AcceptanceWindow& window, ui::InstallPanel& install, const std::string& number)
{
    REQUIRE(install.step() == ui::InstallPanel::kNumber);
    window.type_enter("install_number_pattern", number.substr(number.size() - 4));
    CHECK(install.message() == zh("离线时无法查询号码：请输入客户选定的完整号码。"));
    CHECK(label_of(window.page, "install_number_label") == zh("号码："));
    CHECK(find<wxListCtrl>(window.page, "install_numbers")->GetItemCount() == 0);
    window.type_enter("install_number_pattern", number);
    CHECK(label_of(window.page, "install_reservation") ==
          wxString::Format(zh("离线：号码 %s 将在订单发送时由后台确认。"), wxString::FromUTF8(number)));
}

/// The fee step: the amount shown is taken, and the line is accepted.
void accept_line(AcceptanceWindow& window, ui::InstallPanel& install, std::size_t accepted_before)
{
    window.click("install_next");
    REQUIRE(install.step() == ui::InstallPanel::kFees);
    auto* received = find<wxTextCtrl>(window.page, "install_received");
    CHECK_FALSE(received->GetValue().empty());
    window.click("install_accept");
    REQUIRE(install.accepted().size() == accepted_before + 1);
    CHECK(install.step() == ui::InstallPanel::kDone);
}

} // namespace

TEST_CASE("综合受理 offline: two lines for one customer from the cache, ports unchecked and numbers typed, queued and "
          "sent when the network is back",
          "[gui][pages][install][offline]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    const auto numbers = plain_numbers(scenario, 2);
    ScriptedPrompts prompts;
    const auto card = card_read("valid");
    std::string customer_id;
    {
        // Online first: the card's holder and the street are looked up once, and the cache keeps what was seen.
        AcceptanceWindow online(ws, prompts);
        online.page->on_card(card);
        online.wait();
        REQUIRE(online.page->picture());
        customer_id = online.page->picture()->view.customer.customer_id;
        REQUIRE_FALSE(online.page->add_service("FIXED_INSTALL", 1));
        online.click("service_start");
        REQUIRE(online.page->install_panel() != nullptr);
        online.click("install_next");
        online.type_enter("install_address_text", "科技园路");
        REQUIRE(find<wxListCtrl>(online.page, "install_addresses")->GetItemCount() > 0);
    }

    AcceptanceWindow window(ws, prompts, false);
    window.page->on_card(card);
    window.wait();
    REQUIRE(window.page->picture());
    CHECK(window.page->picture()->from_cache);
    CHECK(window.page->picture()->view.customer.customer_id == customer_id);
    REQUIRE_FALSE(window.page->add_service("FIXED_INSTALL", 2));
    window.click("service_start");
    auto* install = window.page->install_panel();
    REQUIRE(install != nullptr);

    window.click("install_next");
    REQUIRE(install->step() == ui::InstallPanel::kAddress);
    window.type_enter("install_address_text", "科技园路");
    REQUIRE(find<wxListCtrl>(window.page, "install_addresses")->GetItemCount() > 0);
    window.activate("install_addresses", 0);
    CHECK(label_of(window.page, "install_resource").Contains(zh("：离线时无法核查端口；订单发送时由后台核查。")));

    window.click("install_next");
    type_number_offline(window, *install, numbers[0]);
    screenshot(window.host.frame, "install_offline_number_zh");
    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    accept_line(window, *install, 0);

    // The second line: the same customer and address, so the steps start again at the number.
    CHECK(find<wxButton>(window.page, "install_next")->GetLabel() == zh("下一线(&N)"));
    window.click("install_next");
    type_number_offline(window, *install, numbers[1]);
    accept_line(window, *install, 1);
    CHECK(find<wxButton>(window.page, "install_next")->GetLabel() != zh("下一线(&N)"));
    screenshot(window.host.frame, "install_offline_done_zh");
    CHECK(window.wakes == 2);

    // Each line is its own order with its own number; both wait for the back office.
    store::OrderStore orders(*ws.sql);
    std::vector<std::string> local_ids;
    for (std::size_t i = 0; i < 2; ++i) {
        const auto order = orders.by_local_id(install->accepted()[i].local_id);
        REQUIRE(order);
        CHECK(order->customer_id == customer_id);
        CHECK(order->order_type == "install");
        CHECK_FALSE(order->order_id);
        local_ids.push_back(order->local_id);
    }
    CHECK(local_ids[0] != local_ids[1]);
    CHECK(store::Outbox(*ws.sql).pending_count() >= queued_before + 2);

    // The network is back: the back office takes the ports and the typed numbers and numbers both orders.
    ws.sync();
    auto clerk = scenario.client_as("1001");
    for (std::size_t i = 0; i < 2; ++i) {
        const auto order = orders.by_local_id(local_ids[i]);
        REQUIRE(order);
        REQUIRE(order->order_id);
        CHECK(order->state == "acknowledged");
        const auto remote = clerk->call(contract::OrderGetRequest{*order->order_id});
        REQUIRE(remote.ok());
        const auto& items = remote.value().order.draft.items;
        CHECK(std::ranges::any_of(items,
                                  [&](const contract::OrderItem& item) { return item.service_number == numbers[i]; }));
    }
}
