// 报表 in a bare frame against the real back office over loopback HTTPS, in Chinese: a supervisor shows the month's
// volume per day and per clerk after a clerk's paid installs (table, bars, totals), exports it through a fake save
// prompt and the workbook reads back; a wrong range is refused at once; a clerk is told reports are not theirs;
// without a back office the page says reports need one; a month of bars keeps its labels apart.
// Screenshot: reports_zh.png.

#include "client/ui/reports/reports_page.h"
#include "client/ui/reports/volume_chart.h"
#include "client/workflows/import/xlsx_sheet.h"
#include "client/workflows/orders/order_desk.h"
#include "pages_support.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

struct ReportsWindow
{
    Host host;
    ui::ReportsPage* page = nullptr;
    std::vector<wxString> save_titles;
    std::optional<wxString> save_answer;

    /// `configured` false: no back office configured (the frame hands no way to connect).
    ReportsWindow(testing::Workstation& ws, ScriptedPrompts& prompts, bool configured = true)
    {
        auto services = services_for(ws, true, prompts);
        if (!configured) {
            services.connect = nullptr;
        }
        services.prompts.choose_save_path = [this](wxWindow*, const wxString& title, const wxString& default_name) {
            save_titles.push_back(title + " | " + default_name);
            return save_answer;
        };
        page = new ui::ReportsPage(host.frame, std::move(services));
        host.frame->SetSize(1100, 700);
        host.show();
        wait();
    }

    void wait()
    {
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    void choose(wxDateTime from, wxDateTime to, int grouping)
    {
        find<wxDatePickerCtrl>(page, "reports_from")->SetValue(from);
        find<wxDatePickerCtrl>(page, "reports_to")->SetValue(to);
        find<wxChoice>(page, "reports_group")->SetSelection(grouping);
        page->show_report();
        wait();
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

    [[nodiscard]] wxString message() const { return label_of(page, "reports_message"); }
};

void paid_install(Scenario& scenario, testing::Workstation& ws, const std::string& name, domain::Money paid)
{
    auto clerk = scenario.client_as(ws.staff);
    const auto customer = scenario.new_individual(*clerk, name);
    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    auto draft = Scenario::install_draft(customer.customer_id, number, building.address_id);
    ws.desk.accept(ws.staff, draft, workflows::PaymentTaken{paid, domain::Tender::cash});
}

const wxDateTime kFirst(1, wxDateTime::Nov, 2026);
const wxDateTime kToday(23, wxDateTime::Nov, 2026); // the back office's fixed clock

} // namespace

TEST_CASE("报表: a supervisor sees the volume per day and per clerk as a table and bars, and exports it to Excel",
          "[gui][pages][reports]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation clerk(scenario, "1001");
    // Each sent before the next is accepted: the pool offers the same free number until one is taken. An install
    // owes ¥100.00 in the demo catalog, and a payment may not be more than its order owes.
    paid_install(scenario, clerk, "报表甲", domain::Money::from_yuan(100));
    clerk.sync();
    paid_install(scenario, clerk, "报表乙", domain::Money::from_fen(4550));
    clerk.sync();

    testing::Workstation supervisor(scenario, "2001");
    ScriptedPrompts prompts;
    ReportsWindow window(supervisor, prompts);
    // Opened on this month so far (the machine's month, not the back office's): answered, not refused.
    CHECK(find<wxDatePickerCtrl>(window.page, "reports_from")->GetValue().GetDay() == 1);
    INFO(window.message().utf8_string());
    CHECK(window.page->shown());
    CHECK(find<wxButton>(window.page, "reports_export")->IsEnabled() == window.page->shown().has_value());

    // Per day: the 23rd holds at least the two installs just paid.
    window.choose(kFirst, kToday, 0);
    INFO(window.message().utf8_string());
    REQUIRE(window.page->shown());
    const auto& by_day = *window.page->shown();
    auto* table = find<wxListCtrl>(window.page, "reports_table");
    REQUIRE(table);
    REQUIRE(table->GetItemCount() == static_cast<int>(by_day.rows.size()));
    const auto today = std::ranges::find(by_day.rows, std::string("2026-11-23"), &contract::VolumeRow::key);
    REQUIRE(today != by_day.rows.end());
    CHECK(today->orders >= 2);
    CHECK(today->amount >= domain::Money::from_fen(10000 + 4550));
    const long today_row = table->FindItem(-1, "2026-11-23");
    REQUIRE(today_row >= 0);
    CHECK(cell(table, today_row, 1) == wxString::Format("%lld", static_cast<long long>(today->orders)));
    CHECK(cell(table, today_row, 2) == wxString::FromUTF8(today->amount.format()));
    CHECK(cell(table, today_row, 3).EndsWith("%"));
    CHECK(label_of(window.page, "reports_totals").Contains(zh("合计")));
    CHECK(label_of(window.page, "reports_chart_title") == zh("每日业务量"));

    // The chart has one bar per row, to scale, and no label runs into another row or into its bar.
    auto* chart = find<ui::VolumeChart>(window.page, "reports_chart");
    REQUIRE(chart);
    REQUIRE(chart->bars().size() == by_day.rows.size());
    const auto placed = chart->placed();
    REQUIRE(placed.size() == by_day.rows.size());
    std::int64_t most = 0;
    for (const auto& row : by_day.rows) {
        most = std::max(most, row.orders);
    }
    for (std::size_t i = 0; i < placed.size(); ++i) {
        INFO("bar " << i);
        CHECK((placed[i].bar.GetWidth() > 0) == (by_day.rows[i].orders > 0));
        CHECK(placed[i].label.GetRight() < placed[i].bar.GetLeft());
        CHECK(placed[i].bar.GetRight() < placed[i].value.GetLeft());
        if (by_day.rows[i].orders == most) {
            CHECK(placed[i].value.GetRight() <= chart->GetClientSize().GetWidth());
        }
        if (i > 0) {
            CHECK(placed[i - 1].label.GetBottom() < placed[i].label.GetTop());
        }
    }

    // Per clerk: 1001's row, and the bars follow.
    window.choose(kFirst, kToday, 1);
    REQUIRE(window.page->shown());
    CHECK(window.page->shown()->query.group_by == workflows::VolumeGrouping::staff);
    REQUIRE(table->FindItem(-1, "1001") >= 0);
    CHECK(chart->bars().size() == window.page->shown()->rows.size());
    wxListItem header;
    header.SetMask(wxLIST_MASK_TEXT);
    table->GetColumn(0, header);
    CHECK(header.GetText() == zh("营业员"));
    screenshot(window.host.frame, "reports_zh");

    // Enter shows again, here per hall.
    find<wxChoice>(window.page, "reports_group")->SetSelection(2);
    wxKeyEvent enter(wxEVT_CHAR_HOOK);
    enter.m_keyCode = WXK_RETURN;
    window.page->GetEventHandler()->ProcessEvent(enter);
    window.wait();
    REQUIRE(window.page->shown());
    CHECK(window.page->shown()->query.group_by == workflows::VolumeGrouping::hall);
    CHECK(table->FindItem(-1, "H01") >= 0);
    CHECK(label_of(window.page, "reports_chart_title") == zh("各营业厅业务量"));
    window.choose(kFirst, kToday, 1);

    // Exported through the save prompt: asked once, written on the worker, read back.
    const auto folder = supervisor.dir.path() / "exports";
    std::filesystem::create_directories(folder);
    window.save_answer = wxString::FromUTF8((folder / "月报").string()); // no extension: .xlsx is added
    window.click("reports_export");
    INFO(window.message().utf8_string());
    REQUIRE(window.save_titles.size() == 1);
    CHECK(window.save_titles[0].Contains(zh("2026-11-01")));
    REQUIRE(window.page->exported());
    const auto written = folder / "月报.xlsx";
    REQUIRE(std::filesystem::exists(written));
    CHECK(window.message().Contains(zh("已导出")));
    std::ifstream in(written, std::ios::binary);
    const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto read = workflows::read_xlsx_first_sheet(bytes);
    REQUIRE(std::holds_alternative<std::vector<workflows::XlsxRow>>(read));
    const auto& rows = std::get<std::vector<workflows::XlsxRow>>(read);
    const auto& shown = *window.page->shown();
    REQUIRE(rows.size() == shown.rows.size() + 3);
    CHECK(wxString::FromUTF8(rows[0].cells.at(0)).Contains(zh("按营业员")));
    CHECK(rows[1].cells == std::vector<std::string>{"营业员", "业务量（笔）", "金额（元）"});
    CHECK(rows.back().cells.at(0) == "合计");
    CHECK(std::stoll(rows.back().cells.at(1)) == shown.total_orders);
    CHECK(std::stod(rows.back().cells.at(2)) == Approx(static_cast<double>(shown.total_amount.fen()) / 100.0));

    // Cancelled: nothing written, said so.
    window.save_answer.reset();
    window.click("reports_export");
    CHECK(window.save_titles.size() == 2);
    CHECK(window.message() == zh("未导出任何内容。"));

    // A folder that does not exist: the problem is shown, in Chinese.
    window.save_answer = wxString::FromUTF8((folder / "没有这个文件夹" / "x.xlsx").string());
    window.click("reports_export");
    CHECK(window.message().Contains(zh("无法写入")));

    // The last day before the first: refused at once, the table emptied.
    window.choose(kToday, kFirst, 0);
    CHECK_FALSE(window.page->shown());
    CHECK(table->GetItemCount() == 0);
    CHECK(window.message().Contains(zh("晚于")));
    CHECK_FALSE(find<wxButton>(window.page, "reports_export")->IsEnabled());
}

TEST_CASE("报表: a clerk is told reports are for supervisors", "[gui][pages][reports]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation clerk(scenario, "1001");
    ScriptedPrompts prompts;
    ReportsWindow window(clerk, prompts);
    window.choose(kFirst, kToday, 2);
    CHECK_FALSE(window.page->shown());
    INFO(window.message().utf8_string());
    CHECK(window.message().Contains(zh("报表仅供班长")));
    CHECK(find<wxListCtrl>(window.page, "reports_table")->GetItemCount() == 0);
    CHECK(label_of(window.page, "reports_chart_title") == zh("各营业厅业务量"));
    CHECK(find<ui::VolumeChart>(window.page, "reports_chart")->bars().empty());
    CHECK_FALSE(find<wxButton>(window.page, "reports_export")->IsEnabled());
    screenshot(window.host.frame, "reports_clerk_zh");
}

TEST_CASE("报表: without a back office the page says reports need one", "[gui][pages][reports]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation supervisor(scenario, "2001");
    ScriptedPrompts prompts;
    ReportsWindow window(supervisor, prompts, false);
    CHECK_FALSE(window.page->shown());
    INFO(window.message().utf8_string());
    CHECK(window.message().Contains(zh("未连接后台")));
    CHECK_FALSE(find<wxButton>(window.page, "reports_export")->IsEnabled());
}

TEST_CASE("报表: a month of bars stays legible: one row per key, labels apart, the chart scrolls",
          "[gui][pages][reports]")
{
    use_chinese();
    Host host;
    auto* chart = new ui::VolumeChart(host.frame, "reports_chart");
    host.frame->SetSize(700, 400);
    host.show();
    std::vector<ui::ChartBar> bars;
    for (int day = 1; day <= 31; ++day) {
        const int orders = (day * 37) % 23;
        bars.push_back(
            {wxString::Format("2026-12-%02d", day), static_cast<double>(orders), wxString::Format("%d", orders)});
    }
    chart->set_bars(bars, zh("所选日期内没有业务。"));
    settle();
    const auto placed = chart->placed();
    REQUIRE(placed.size() == 31);
    for (std::size_t i = 1; i < placed.size(); ++i) {
        INFO("bar " << i);
        CHECK(placed[i - 1].label.GetBottom() < placed[i].label.GetTop());
        CHECK(placed[i - 1].bar.GetBottom() < placed[i].bar.GetTop());
        CHECK(placed[i].label.GetRight() < placed[i].bar.GetLeft());
    }
    // Taller than the window: it scrolls rather than squeezing the rows.
    CHECK(chart->GetVirtualSize().GetHeight() > chart->GetClientSize().GetHeight());
    screenshot(host.frame, "reports_chart_month_zh");

    chart->set_bars({}, zh("所选日期内没有业务。"));
    CHECK(chart->placed().empty());
}
