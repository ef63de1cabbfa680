// 综合受理 in a bare frame against the real back office over loopback HTTPS, in Chinese, driven through its widgets:
// a card read identifies its holder (a demo customer), the service list refuses a service twice, and a fixed-line
// install goes step by step (products, address and ports, number reserved, fees and cash) to an order queued with
// its payment and an acceptance form archived as PDF. A card that cannot be relied on is not searched, and a
// mistyped ID number is refused with the reason before anything is asked.
// Screenshots: customer_identified_zh.png, install_address_zh.png, install_fees_zh.png, install_done_zh.png.

#include "acceptance_window.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/ui/acceptance/acceptance_page.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/changes/install_panel.h"
#include "client/ui/changes/move_panel.h"
#include "client/ui/forms/form_preview_dialog.h"
#include "client/workflows/workstation/local_clock.h"
#include "domain/id_number.h"
#include "idcard/sample_cards.h"

#include <fstream>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/image.h>
#include <wx/mstream.h>
#include <wx/statbmp.h>
#include <wx/textctrl.h>

using namespace pages_testing;
using testing::Scenario;

TEST_CASE("综合受理: a card identifies its holder and a fixed-line install goes by keyboard from the service list "
          "to an archived acceptance form",
          "[gui][pages][install]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    ScriptedPrompts prompts;
    AcceptanceWindow window(ws, prompts);
    auto card = card_read("valid");

    // Without a decoder the screen shows no photo and says to look at the card's own.
    window.page->on_card(card);
    window.wait();
    CHECK_FALSE(find<wxStaticBitmap>(window.page, "customer_photo")->IsShown());
    CHECK(label_of(window.page, "customer_card").Contains(zh("无解码库")));

    // With the photo decoded (a vendor decoder, or a reader library that gives the BMP) it is shown beside the text.
    REQUIRE(card.verification->identity);
    wxImage portrait(102, 126);
    portrait.SetRGB(wxRect(0, 0, 102, 126), 0x40, 0x70, 0xB0);
    wxMemoryOutputStream bmp;
    REQUIRE(portrait.SaveFile(bmp, wxBITMAP_TYPE_BMP));
    card.verification->identity->photo_bmp.resize(bmp.GetSize());
    bmp.CopyTo(card.verification->identity->photo_bmp.data(), bmp.GetSize());
    window.page->on_card(card);
    window.wait();
    auto* photo = find<wxStaticBitmap>(window.page, "customer_photo");
    REQUIRE(photo->IsShown());
    CHECK(photo->GetBitmap().GetWidth() == 102);
    CHECK(photo->GetBitmap().GetHeight() == 126);
    CHECK_FALSE(label_of(window.page, "customer_card").Contains(zh("无解码库")));
    REQUIRE(window.page->found().size() == 1);
    REQUIRE(window.page->picture());
    CHECK(window.page->picture()->view.customer.name == card.verification->card.name);
    CHECK_FALSE(window.page->picture()->from_cache);
    CHECK(label_of(window.page, "customer_summary").Contains(zh("张*")));
    CHECK_FALSE(label_of(window.page, "customer_summary").Contains(zh("张伟")));
    CHECK(label_of(window.page, "customer_card").Contains(zh("已核验")));

    // The service list: a service chosen twice is refused and the list keeps one.
    CHECK_FALSE(window.page->add_service("FIXED_INSTALL", 1));
    const auto twice = window.page->add_service("FIXED_INSTALL", 2);
    REQUIRE(twice);
    CHECK(twice->code == domain::Errc::service_already_chosen);
    CHECK(label_of(window.page, "customer_message") == ui::problem_text(*twice));
    CHECK(find<wxListCtrl>(window.page, "service_chosen")->GetItemCount() == 1);
    screenshot(window.host.frame, "customer_identified_zh");

    window.click("service_start");
    auto* install = window.page->install_panel();
    REQUIRE(install != nullptr);
    CHECK(install->step() == ui::InstallPanel::kProducts);
    CHECK(find<wxChoice>(window.page, "install_basic")->GetCount() > 0);

    window.click("install_next");
    REQUIRE(install->step() == ui::InstallPanel::kAddress);
    window.type_enter("install_address_text", "科技园路");
    REQUIRE(find<wxListCtrl>(window.page, "install_addresses")->GetItemCount() > 0);
    window.activate("install_addresses", 0);
    CHECK(label_of(window.page, "install_resource").Contains(zh("空闲端口")));
    screenshot(window.host.frame, "install_address_zh");

    window.click("install_next");
    REQUIRE(install->step() == ui::InstallPanel::kNumber);
    CHECK(label_of(window.page, "install_number_label") == zh("尾号："));
    window.type_enter("install_number_pattern", "");
    auto* numbers = find<wxListCtrl>(window.page, "install_numbers");
    REQUIRE(numbers->GetItemCount() > 0);
    const std::string number = numbers->GetItemText(0).utf8_string();
    window.activate("install_numbers", 0);
    CHECK(label_of(window.page, "install_reservation").Contains(wxString::FromUTF8(number)));
    INFO(label_of(window.page, "install_reservation").utf8_string());
    INFO(install->message().utf8_string());
    CHECK(label_of(window.page, "install_reservation").Contains(zh("剩余")));

    window.click("install_next");
    REQUIRE(install->step() == ui::InstallPanel::kFees);
    CHECK(find<wxListCtrl>(window.page, "install_fee_list")->GetItemCount() >= 1);
    auto* received = find<wxTextCtrl>(window.page, "install_received");
    const wxString total = received->GetValue();
    CHECK_FALSE(total.empty());
    // A wrong amount is refused and nothing is accepted.
    received->ChangeValue("1.00");
    window.click("install_accept");
    CHECK(install->accepted().empty());
    CHECK(install->step() == ui::InstallPanel::kFees);
    received->ChangeValue(total);
    screenshot(window.host.frame, "install_fees_zh");
    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    window.click("install_accept");
    REQUIRE(install->accepted().size() == 1);
    CHECK(install->step() == ui::InstallPanel::kDone);
    CHECK(window.wakes == 1);

    // What the page accepted is in the cache: the order for the card's holder and number, queued with its money.
    const auto& accepted = install->accepted().front();
    const auto order = store::OrderStore(*ws.sql).by_local_id(accepted.local_id);
    REQUIRE(order);
    CHECK(order->customer_id == window.page->picture()->view.customer.customer_id);
    CHECK(order->order_type == "install");
    CHECK(order->total_fen > 0);
    CHECK(accepted.payment_local_id);
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before + 1);

    window.click("install_print");
    REQUIRE(install->printed());
    std::ifstream pdf(*install->printed(), std::ios::binary);
    std::string head(4, '\0');
    pdf.read(head.data(), 4);
    CHECK(head == "%PDF");
    REQUIRE(window.previewed.size() == 1);
    CHECK(window.previewed.front().form == "acceptance");
    {
        // The preview draws the form as it will print: ink on a white page.
        ui::FormPreviewDialog preview(window.host.frame, window.previewed.front(), {});
        const wxImage page = preview.page_bitmap(0).ConvertToImage();
        REQUIRE(page.IsOk());
        int dark = 0;
        for (int y = 0; y < page.GetHeight(); y += 2) {
            for (int x = 0; x < page.GetWidth(); x += 2) {
                dark += page.GetRed(x, y) < 128 && page.GetGreen(x, y) < 128 ? 1 : 0;
            }
        }
        CHECK(dark > 2000);
        CHECK(dark < page.GetWidth() * page.GetHeight() / 8);
    }
    screenshot(window.host.frame, "install_done_zh");

    window.click("install_next"); // 完成
    settle(5);
    CHECK(window.page->install_panel() == nullptr);
    CHECK(window.page->services().empty());
}

TEST_CASE("综合受理: a card that cannot be relied on is not searched, and a mistyped ID number is refused with the "
          "reason",
          "[gui][pages]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    ScriptedPrompts prompts;
    AcceptanceWindow window(ws, prompts);

    window.page->on_card(card_read("expired"));
    window.wait();
    CHECK(window.page->found().empty());
    CHECK_FALSE(window.page->picture());
    CHECK(label_of(window.page, "customer_card").Contains(zh("过期")));

    // One digit changed: the check character no longer matches, and the page says which it should be.
    const std::string typo = "110105198503120022";
    REQUIRE_FALSE(domain::IdNumber::parse(typo, workflows::local_today()));
    window.page->find(workflows::CustomerKey::id_number, wxString::FromUTF8(typo));
    window.wait();
    CHECK(window.page->found().empty());
    CHECK(label_of(window.page, "customer_message").Contains(zh("校验")));

    // Starting without a customer says what to do first.
    window.page->add_service("FIXED_INSTALL", 1);
    window.click("service_start");
    CHECK(window.page->install_panel() == nullptr);
    CHECK(label_of(window.page, "customer_message").Contains(zh("先")));
}

TEST_CASE("综合受理: a line move goes from the service list through the new address to a queued move order and its "
          "move request",
          "[gui][pages][move]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto found = scenario.find_demo_customer(*clerk, [](const contract::CustomerGetResponse& r) {
        return r.customer.kind == "individual" && !r.blacklisted && r.arrears == domain::Money{} &&
               r.open_orders.empty() &&
               std::ranges::count(r.services, std::string("active"), &contract::ServiceRecord::status) == 1;
    });
    REQUIRE(found);
    const auto line = *std::ranges::find(found->services, std::string("active"), &contract::ServiceRecord::status);
    ScriptedPrompts prompts;
    AcceptanceWindow window(ws, prompts);

    window.page->find(workflows::CustomerKey::service_number, wxString::FromUTF8(line.service_number));
    window.wait();
    REQUIRE(window.page->picture());
    CHECK(window.page->picture()->view.customer.customer_id == found->customer.customer_id);
    CHECK(find<wxListCtrl>(window.page, "customer_services")->GetItemCount() >= 1);
    CHECK_FALSE(window.page->add_service("LINE_MOVE", 1));
    window.click("service_start");
    auto* move = window.page->move_panel();
    REQUIRE(move != nullptr);

    // Nothing can be accepted before an address is chosen.
    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    CHECK_FALSE(find<wxButton>(window.page, "move_accept")->IsEnabled());

    window.type_enter("move_address_text", "科技园路");
    REQUIRE(find<wxListCtrl>(window.page, "move_addresses")->GetItemCount() > 0);
    window.activate("move_addresses", 0);
    REQUIRE(move->address());
    CHECK(label_of(window.page, "move_chosen").Contains(wxString::FromUTF8(move->address()->full_name)));
    screenshot(window.host.frame, "move_zh");
    window.click("move_accept");
    INFO(label_of(window.page, "move_message").utf8_string());
    REQUIRE(move->accepted());
    CHECK(window.wakes == 1);
    const auto order = store::OrderStore(*ws.sql).by_local_id(move->accepted()->local_id);
    REQUIRE(order);
    CHECK(order->order_type == "move");
    CHECK(order->customer_id == found->customer.customer_id);
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before + 1);

    window.click("move_print");
    REQUIRE(window.previewed.size() == 1);
    CHECK(window.previewed.front().form == "move_request");
    window.click("move_finish");
    settle(5);
    CHECK(window.page->move_panel() == nullptr);
    CHECK(window.page->services().empty());
}
