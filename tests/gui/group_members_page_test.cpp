// 集团成员管理 in a bare frame against the real back office over loopback HTTPS, in Chinese, as customer manager
// 3001: a bad number is refused with its reason and nothing queued; a good one is queued as a member order and,
// once sent, listed as waiting for the member's SMS confirmation (so removing it is refused while that is under
// way); a CSV import previews its bad rows (a broken number, a duplicate) with their problems and queues only the
// good rows when confirmed; an Excel workbook goes the same way. Screenshot: group_members_zh.png.

#include "client/store/outbox.h"
#include "client/ui/group/group_members_page.h"
#include "client/workflows/group/open_group_customer.h"
#include "client/workflows/workstation/local_clock.h"
#include "domain/credit_code.h"
#include "domain/org_code.h"
#include "pages_support.h"
#include "tests/workflows/support/xlsx_fixture.h"

#include <fstream>
#include <wx/button.h>
#include <wx/textctrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

std::string open_group(testing::Workstation& ws)
{
    workflows::GroupApplication g;
    g.name = "深圳市成员页测试有限公司";
    g.type = domain::GroupType::key_account;
    g.managers = {"3001"};
    const std::string body = "MA5UT009";
    const std::string first17 = "91440300" + body + domain::OrgCode::check_character(body);
    g.certificates.push_back({domain::CertificateKind::business_licence,
                              first17 + domain::CreditCode::check_character(first17), true, std::nullopt});
    workflows::OpenGroupCustomer open(*ws.sql, &ws.client, ws.staff, "ws-test");
    const auto opened = open.open(g, workflows::local_today());
    REQUIRE(std::holds_alternative<workflows::OpenedCustomer>(opened));
    return std::get<workflows::OpenedCustomer>(opened).customer.customer_id;
}

struct MembersWindow
{
    Host host;
    ui::GroupMembersPage* page;

    MembersWindow(testing::Workstation& ws, ScriptedPrompts& prompts)
    {
        auto services = services_for(ws, true, prompts);
        services.default_area_code = "0755";
        page = new ui::GroupMembersPage(host.frame, std::move(services));
        host.frame->SetSize(1100, 800);
        host.show();
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

TEST_CASE("集团成员: one member added after a refused bad number, and a CSV import previews its bad rows and queues "
          "the good ones",
          "[gui][pages][members]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    const auto group = open_group(ws);
    ScriptedPrompts prompts;
    MembersWindow window(ws, prompts);

    window.type("members_group", group);
    window.page->list();
    window.wait();
    CHECK(window.page->members().empty());

    // A number one digit short: refused with the reason, nothing queued.
    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    window.type("members_number", "1381234567");
    window.click("members_add");
    CHECK(window.page->accepted_orders() == 0);
    CHECK(label_of(window.page, "members_message").Contains(zh("位")));
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before);

    window.type("members_number", "13812345678");
    window.type("members_short", "611");
    window.click("members_add");
    INFO(label_of(window.page, "members_message").utf8_string());
    REQUIRE(window.page->accepted_orders() == 1);
    CHECK(store::Outbox(*ws.sql).pending_count() == queued_before + 1);

    // Sent: the back office lists the member as waiting for the SMS confirmation; removing it now is refused.
    ws.sync();
    window.page->list();
    window.wait();
    REQUIRE(window.page->members().size() == 1);
    CHECK(window.page->members().front().state == "pendingConfirmation");
    auto* list = find<wxListCtrl>(window.page, "members_list");
    list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    prompts.confirms = {true};
    window.click("members_remove");
    CHECK(window.page->accepted_orders() == 1);
    CHECK(label_of(window.page, "members_message").Contains(zh("办理中")));

    // The import: a header, a good row, the same number again, a broken number.
    const auto file = ws.dir.path() / "members.csv";
    {
        std::ofstream csv(file);
        csv << "号码,短号,姓名\n13812345679,612,张三\n13812345679,613,李四\n12345,,王五\n";
    }
    window.type("members_file", file.string());
    window.click("members_preview");
    REQUIRE(window.page->preview());
    CHECK(window.page->preview()->good.size() == 1);
    CHECK(window.page->preview()->bad.size() == 2);
    auto* bad = find<wxListCtrl>(window.page, "members_bad_rows");
    REQUIRE(bad->GetItemCount() == 2);
    CHECK(bad->GetItemText(0, 0) == "3");
    CHECK(bad->GetItemText(0, 2).Contains("2"));
    CHECK(bad->GetItemText(1, 0) == "4");
    screenshot(window.host.frame, "group_members_zh");
    window.click("members_confirm");
    CHECK(window.page->accepted_orders() == 2);
    CHECK(store::Outbox(*ws.sql).pending_count() == 1); // the single member was sent above; the import's one order

    // A file that is not there is named, and nothing is previewed.
    window.type("members_file", (ws.dir.path() / "missing.csv").string());
    window.click("members_preview");
    CHECK_FALSE(window.page->preview());
    CHECK(label_of(window.page, "members_message").Contains("missing.csv"));
}

TEST_CASE("集团成员: an Excel workbook (numbers typed as numbers) is previewed and queued through the page like a CSV",
          "[gui][pages][members][xlsx]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    const auto group = open_group(ws);
    ScriptedPrompts prompts;
    MembersWindow window(ws, prompts);
    window.type("members_group", group);

    // A header, two good rows (a number cell and a fixed line as text), a repeat of the first, a number a digit short.
    const auto bytes = testing::xlsx_bytes({
        {"号码", "短号", "姓名"},
        {"#13812345680", "#621", "赵一"},
        {"0755-26612346", "", "前台座机"},
        {"#13812345680", "#622", "重复号码"},
        {"#1381234568", "", "少一位"},
    });
    const auto file = ws.dir.path() / "成员名单.XLSX";
    {
        std::ofstream out(file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    window.type("members_file", file.string());
    window.click("members_preview");
    INFO(label_of(window.page, "members_message").utf8_string());
    REQUIRE(window.page->preview());
    CHECK(window.page->preview()->good.size() == 2);
    CHECK(window.page->preview()->bad.size() == 2);
    auto* bad = find<wxListCtrl>(window.page, "members_bad_rows");
    REQUIRE(bad->GetItemCount() == 2);
    CHECK(bad->GetItemText(0, 0) == "4");
    CHECK(bad->GetItemText(1, 0) == "5");
    CHECK(find<wxButton>(window.page, "members_confirm")->IsEnabled());

    const auto queued_before = store::Outbox(*ws.sql).pending_count();
    window.click("members_confirm");
    CHECK(window.page->accepted_orders() >= 1);
    CHECK(store::Outbox(*ws.sql).pending_count() > queued_before);
    CHECK_FALSE(window.page->preview());

    // Sent: both good rows are members of the group, waiting for their confirmation.
    ws.sync();
    window.page->list();
    window.wait();
    REQUIRE(window.page->members().size() == 2);
    for (const auto& member : window.page->members()) {
        CHECK(member.state == "pendingConfirmation");
    }
}
