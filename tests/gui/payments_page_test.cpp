// 收费与退费 and 日结 in bare frames against the real back office over loopback HTTPS, in Chinese: a payment into a
// demo customer's account is queued, sent, and its receipt printed; a refund asks a supervisor (a wrong password is
// refused and refunds nothing, bad input asks nobody), then refunds with the approval; the day's settlement shows the
// payment and the refund with the day's totals, and closing it asks first. Screenshots: payments_zh.png,
// settlement_zh.png.

#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/ui/money/payment_method_text.h"
#include "client/ui/money/payments_page.h"
#include "client/ui/money/settlement_page.h"
#include "pages_support.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

template <typename Page> struct PageWindow
{
    Host host;
    Page* page = nullptr;
    std::vector<printing::Layout> previewed;

    template <typename... Extra> PageWindow(testing::Workstation& ws, ScriptedPrompts& prompts, Extra&&... extra)
    {
        auto services = services_for(ws, true, prompts);
        services.forms_folder = COUNTER_FORMS_DIR;
        services.archive_folder = ws.dir.path() / "archive";
        services.prompts.preview = [this](wxWindow*, const printing::Layout& layout, const printing::Offsets&) {
            previewed.push_back(layout);
        };
        page = new Page(host.frame, std::move(services), std::forward<Extra>(extra)...);
        host.frame->SetSize(1100, 760);
        host.show();
        wait();
    }

    void wait()
    {
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    void type(const char* name, const std::string& text)
    {
        auto* field = find<wxTextCtrl>(page, name);
        REQUIRE(field);
        field->ChangeValue(wxString::FromUTF8(text));
    }

    void click(const char* name)
    {
        auto* button = find<wxButton>(page, name);
        REQUIRE(button);
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->GetEventHandler()->ProcessEvent(click);
        wait();
    }
};

} // namespace

TEST_CASE("收费与日结: a payment is taken and its receipt printed, a refund needs a supervisor, and the day's "
          "settlement shows both and closes",
          "[gui][pages][payments]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto customer = scenario.find_demo_customer(*clerk, [](const contract::CustomerGetResponse& r) {
        return r.customer.kind == "individual" && !r.blacklisted;
    });
    REQUIRE(customer);
    ScriptedPrompts prompts;
    PageWindow<ui::PaymentsPage> window(ws, prompts, std::function<void()>{});

    window.type("payment_customer", customer->customer.customer_id);
    window.page->list_accounts();
    window.wait();
    REQUIRE_FALSE(window.page->accounts().empty());
    // Each account's way of paying reads in the clerk's words, not as the wire spells it.
    auto* accounts = find<wxListCtrl>(window.page, "payment_accounts");
    REQUIRE(accounts);
    CHECK(cell(accounts, 0, 3) == ui::payment_method_text(window.page->accounts().front().payment_method));
    CHECK(cell(accounts, 0, 3) != wxString::FromUTF8(window.page->accounts().front().payment_method));

    // Bad amounts are refused before anything is queued.
    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    window.type("payment_amount", "12.345");
    window.click("payment_take");
    CHECK_FALSE(window.page->payment());
    CHECK(label_of(window.page, "payment_message").Contains(zh("两位小数")));
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before);

    window.type("payment_amount", "50.00");
    window.click("payment_take");
    REQUIRE(window.page->payment());
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before + 1);
    window.click("payment_print");
    INFO(label_of(window.page, "payment_message").utf8_string());
    REQUIRE(window.previewed.size() == 1);
    CHECK(window.previewed.front().form == "receipt");
    screenshot(window.host.frame, "payments_zh");

    ws.sync();
    const auto sent = store::PaymentStore(*ws.sql).by_local_id(*window.page->payment());
    REQUIRE(sent);
    REQUIRE(sent->payment_id);

    // A refund without a reason asks nobody.
    window.type("refund_payment", *sent->payment_id);
    window.type("refund_amount", "20.00");
    window.type("refund_reason", "");
    window.click("refund_button");
    INFO(label_of(window.page, "payment_message").utf8_string());
    CHECK(prompts.asked.empty());
    CHECK(label_of(window.page, "payment_message").Contains(zh("原因")));
    CHECK_FALSE(window.page->refunded());

    // The supervisor mistypes the password: refused, nothing refunded.
    window.type("refund_reason", "客户多缴");
    prompts.texts = {"2001", "wrong-password"};
    window.click("refund_button");
    CHECK(prompts.asked.size() == 2);
    CHECK_FALSE(window.page->refunded());
    const auto refused = label_of(window.page, "payment_message").utf8_string();
    INFO(refused);
    CHECK(label_of(window.page, "payment_message").Contains(zh("密码")));

    prompts.texts = {"2001", "Super#2001"};
    window.type("refund_reason", "客户多缴");
    window.click("refund_button");
    INFO(label_of(window.page, "payment_message").utf8_string());
    REQUIRE(window.page->refunded());
    CHECK(window.page->refunded()->approved_by == "2001");
    CHECK(window.page->refunded()->amount == domain::Money::from_fen(2000));

    // The settlement of the back office's day (its fixed time: 2026-11-23).
    PageWindow<ui::SettlementPage> day(ws, prompts);
    find<wxDatePickerCtrl>(day.page, "settlement_day")->SetValue(wxDateTime(23, wxDateTime::Nov, 2026));
    day.page->show_day();
    day.wait();
    REQUIRE(day.page->shown());
    const auto& shown = *day.page->shown();
    CHECK_FALSE(shown.closed);
    CHECK(shown.refunds == domain::Money::from_fen(2000));
    const auto cash = std::ranges::find(shown.lines, std::string("cash"), &contract::SettlementLine::method);
    REQUIRE(cash != shown.lines.end());
    CHECK(cash->amount.fen() >= 5000);
    // Under the lines: what was taken by every method together, the refunds and the net the till holds.
    domain::Money received;
    for (const auto& line : shown.lines) {
        received += line.amount;
    }
    CHECK(received.fen() >= cash->amount.fen());
    CHECK(shown.net.fen() == received.fen() - shown.refunds.fen());
    CHECK(label_of(day.page, "settlement_totals") ==
          wxString::Format(zh("收款：%s    退费：%s    净额：%s    %s"), zh(received.format().c_str()),
                           zh(shown.refunds.format().c_str()), zh(shown.net.format().c_str()), zh("未日结")));
    screenshot(day.host.frame, "settlement_zh");

    prompts.confirms = {false};
    day.click("settlement_close");
    CHECK_FALSE(day.page->shown()->closed);
    prompts.confirms = {true};
    day.click("settlement_close");
    CHECK(day.page->shown()->closed);
    CHECK_FALSE(find<wxButton>(day.page, "settlement_close")->IsEnabled());
}

TEST_CASE("the ways of paying read in the clerk's words, from the one table, and an unknown one as it came",
          "[gui][pages][payments]")
{
    use_chinese();
    const std::pair<domain::Tender, const char*> tenders[] = {
        {domain::Tender::cash, "现金"},     {domain::Tender::bank_card, "银行卡"}, {domain::Tender::wechat, "微信支付"},
        {domain::Tender::alipay, "支付宝"}, {domain::Tender::cheque, "支票"},
    };
    for (const auto& [tender, words] : tenders) {
        INFO(domain::wire_name(tender));
        CHECK(ui::tender_text(tender) == zh(words));
        CHECK(ui::payment_method_text(std::string(domain::wire_name(tender))) == zh(words));
    }
    CHECK(ui::payment_method_text("collection") == zh("托收"));
    CHECK(ui::payment_method_text("directDebit") == zh("银行代扣"));
    CHECK(ui::payment_method_text("barter") == "barter");

    // A choice offers the counter's tenders in the table's order, cash first and chosen.
    Host host;
    auto* choice = new wxChoice(host.frame, wxID_ANY);
    ui::offer_counter_tenders(*choice);
    REQUIRE(choice->GetCount() == domain::kCounterTenders.size());
    CHECK(choice->GetString(0) == zh("现金"));
    CHECK(ui::chosen_tender(*choice) == domain::Tender::cash);
    choice->SetSelection(2);
    CHECK(ui::chosen_tender(*choice) == domain::kCounterTenders[2]);
}
