// 报表 against the real back office: a clerk's installs with their payments (and a refund) show up in the volume
// per day, clerk and hall exactly as done; a clerk is refused (report.read is a supervisor's); bad ranges are
// refused here and send nothing; without a back office the answer says reports need one; the Excel export reads
// back with its title, header, rows and totals, and an unwritable path is a problem, not a crash.

#include "client/store/payment_store.h"
#include "client/workflows/import/xlsx_sheet.h"
#include "client/workflows/money/payment_desk.h"
#include "client/workflows/reports/volume_report.h"
#include "tests/workflows/support/workstation.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <tuple>
#include <zip.h>

using namespace workflows;

namespace {

const domain::Date kToday = domain::make_date(2026, 11, 23); // the back office's fixed clock, in China

VolumeReport report_of(VolumeAnswer answer)
{
    if (const auto* error = std::get_if<bss::CallError>(&answer)) {
        FAIL(error->code() << " " << error->detail);
    }
    if (const auto* problem = std::get_if<ReportProblem>(&answer)) {
        FAIL(problem->code);
    }
    return std::get<VolumeReport>(std::move(answer));
}

contract::VolumeRow row_of(const VolumeReport& report, const std::string& key)
{
    const auto found = std::ranges::find(report.rows, key, &contract::VolumeRow::key);
    return found == report.rows.end() ? contract::VolumeRow{key, 0, {}} : *found;
}

/// An install accepted at `ws` with `paid` taken in cash, not yet sent.
std::string paid_install(testing::Scenario& scenario, testing::Workstation& ws, const std::string& name,
                         domain::Money paid)
{
    auto clerk = scenario.client_as(ws.staff);
    const auto customer = scenario.new_individual(*clerk, name);
    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;
    auto draft = testing::Scenario::install_draft(customer.customer_id, number, building.address_id);
    return ws.desk.accept(ws.staff, draft, PaymentTaken{paid, domain::Tender::cash}).local_id;
}

/// One part of a workbook (a ZIP entry) as text, or empty when absent.
std::string workbook_part(const std::filesystem::path& path, const char* name)
{
    int error = 0;
    zip_t* archive = zip_open(path.string().c_str(), ZIP_RDONLY, &error);
    REQUIRE(archive != nullptr);
    std::string text;
    zip_stat_t stat;
    if (zip_stat(archive, name, 0, &stat) == 0) {
        if (zip_file_t* file = zip_fopen(archive, name, 0)) {
            text.resize(static_cast<std::size_t>(stat.size));
            const auto read = zip_fread(file, text.data(), stat.size);
            text.resize(read < 0 ? 0 : static_cast<std::size_t>(read));
            zip_fclose(file);
        }
    }
    zip_close(archive);
    return text;
}

std::vector<unsigned char> file_bytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("the volume per day, clerk and hall is what the counter did", "[workflows][reports]")
{
    testing::Scenario scenario;
    testing::Workstation clerk(scenario, "1001");
    testing::Workstation supervisor(scenario, "2001");
    VolumeReports reports(&supervisor.client);
    const VolumeQuery today_by_staff{kToday, kToday, VolumeGrouping::staff};
    const VolumeQuery today_by_hall{kToday, kToday, VolumeGrouping::hall};
    const VolumeQuery month_by_day{domain::make_date(2026, 11, 1), kToday, VolumeGrouping::day};
    const auto staff_before = report_of(reports.volume(today_by_staff));
    const auto hall_before = report_of(reports.volume(today_by_hall));
    const auto days_before = report_of(reports.volume(month_by_day));

    // Each sent before the next is accepted: the pool offers the same free number until one is taken.
    paid_install(scenario, clerk, "报表甲", domain::Money::from_yuan(100));
    clerk.sync();
    paid_install(scenario, clerk, "报表乙", domain::Money::from_fen(5850));
    clerk.sync();
    // A refund of 20.00 with a supervisor's approval: the volume counts money taken net of refunds.
    PaymentDesk payments(*clerk.sql, &clerk.client, clerk.desk, clerk.staff);
    const auto paid = paid_install(scenario, clerk, "报表丙", domain::Money::from_yuan(30));
    clerk.sync();
    const auto taken = store::PaymentStore(*clerk.sql).for_order(paid);
    REQUIRE(taken.size() == 1);
    REQUIRE(taken.front().payment_id);
    REQUIRE(std::holds_alternative<contract::RefundRecord>(
        payments.refund(*taken.front().payment_id, domain::Money::from_yuan(20), "多收", {"2001", "Super#2001"})));
    const auto done_orders = 3;
    const auto done_amount = domain::Money::from_fen(10000 + 5850 + 3000 - 2000);

    const auto by_staff = report_of(reports.volume(today_by_staff));
    const auto mine = row_of(by_staff, "1001");
    CHECK(mine.orders - row_of(staff_before, "1001").orders == done_orders);
    CHECK(mine.amount - row_of(staff_before, "1001").amount == done_amount);
    // Nobody else's row moved.
    for (const auto& row : by_staff.rows) {
        if (row.key != "1001") {
            INFO(row.key);
            CHECK(row.orders == row_of(staff_before, row.key).orders);
            CHECK(row.amount == row_of(staff_before, row.key).amount);
        }
    }
    CHECK(by_staff.total_orders == staff_before.total_orders + done_orders);
    CHECK(by_staff.total_amount == staff_before.total_amount + done_amount);

    const auto by_hall = report_of(reports.volume(today_by_hall));
    CHECK(row_of(by_hall, "H01").orders - row_of(hall_before, "H01").orders == done_orders);
    CHECK(row_of(by_hall, "H01").amount - row_of(hall_before, "H01").amount == done_amount);

    const auto by_day = report_of(reports.volume(month_by_day));
    CHECK(row_of(by_day, "2026-11-23").orders - row_of(days_before, "2026-11-23").orders == done_orders);
    CHECK(row_of(by_day, "2026-11-23").amount - row_of(days_before, "2026-11-23").amount == done_amount);
    CHECK(std::ranges::is_sorted(by_day.rows, {}, &contract::VolumeRow::key));
    for (const auto& row : by_day.rows) {
        CHECK(row.key >= "2026-11-01");
        CHECK(row.key <= "2026-11-23");
    }
    double shares = 0;
    for (const auto& row : by_day.rows) {
        shares += by_day.order_share(row);
    }
    CHECK(shares == Approx(1.0));
}

TEST_CASE("a clerk may not see reports", "[workflows][reports]")
{
    testing::Scenario scenario;
    testing::Workstation clerk(scenario, "1001");
    auto answer = VolumeReports(&clerk.client).volume({kToday, kToday, VolumeGrouping::staff});
    REQUIRE(std::holds_alternative<bss::CallError>(answer));
    CHECK(std::get<bss::CallError>(answer).code() == "E_PERMISSION");
}

TEST_CASE("bad ranges are refused before anything is sent, and without a back office reports say they need one",
          "[workflows][reports]")
{
    testing::Scenario scenario;
    // Never signed in and never used: any request sent would open a connection.
    bss::BssClient fresh(testing::options_for(scenario.server()));
    VolumeReports reports(&fresh);
    struct Case
    {
        const char* what;
        VolumeQuery query;
        const char* reason;
    };
    const Case cases[] = {
        {"from after to", {kToday, domain::make_date(2026, 11, 1), VolumeGrouping::day}, "toBeforeFrom"},
        {"367 days", {domain::make_date(2025, 11, 22), kToday, VolumeGrouping::hall}, "tooLong"},
        {"no such day", {domain::make_date(2026, 2, 30), kToday, VolumeGrouping::staff}, "invalidDate"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto answer = reports.volume(c.query);
        REQUIRE(std::holds_alternative<ReportProblem>(answer));
        const auto& problem = std::get<ReportProblem>(answer);
        CHECK(problem.code == "E_REPORT_RANGE");
        CHECK(problem.param("reason") == c.reason);
    }
    CHECK(std::get<ReportProblem>(reports.volume(cases[1].query)).param("days") == "367");
    CHECK(std::get<ReportProblem>(reports.volume(cases[1].query)).param("max") == "366");
    CHECK(fresh.connections_opened() == 0);
    // A year and a day, or a leap year, is one report.
    CHECK_FALSE(VolumeReports::check({domain::make_date(2025, 11, 23), kToday, VolumeGrouping::day}));
    CHECK_FALSE(
        VolumeReports::check({domain::make_date(2023, 11, 24), domain::make_date(2024, 11, 23), VolumeGrouping::day}));
    CHECK(
        VolumeReports::check({domain::make_date(2023, 11, 23), domain::make_date(2024, 11, 23), VolumeGrouping::day}));
    CHECK_FALSE(VolumeReports::check({kToday, kToday, VolumeGrouping::day}));

    auto offline = VolumeReports(nullptr).volume({kToday, kToday, VolumeGrouping::day});
    REQUIRE(std::holds_alternative<ReportProblem>(offline));
    CHECK(std::get<ReportProblem>(offline).code == "E_REPORT_OFFLINE");
}

TEST_CASE("the volume is exported to an Excel workbook that reads back", "[workflows][reports]")
{
    testing::TempDir dir("counter-report");
    VolumeReport report;
    report.query = {domain::make_date(2026, 11, 1), kToday, VolumeGrouping::day};
    report.rows = {{"2026-11-02", 3, domain::Money::from_fen(12345)},
                   {"2026-11-23", 7, domain::Money::from_fen(100)},
                   {"2026-11-24", 0, domain::Money::from_fen(-500)}};
    report.total_orders = 10;
    report.total_amount = domain::Money::from_fen(12345 + 100 - 500);
    VolumeSheetText text;
    text.sheet = "业务量";
    text.title = "业务量报表 2026-11-01 至 2026-11-23（按日）";
    text.key = "日期";
    text.orders = "业务量（笔）";
    text.amount = "金额（元）";
    text.total = "合计";
    const auto path = dir.path() / "业务量.xlsx";
    REQUIRE_FALSE(export_volume_xlsx(report, path, text));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "业务量.xlsx.part"));

    const auto read = read_xlsx_first_sheet(file_bytes(path));
    REQUIRE(std::holds_alternative<std::vector<XlsxRow>>(read));
    const auto& rows = std::get<std::vector<XlsxRow>>(read);
    REQUIRE(rows.size() == 6); // title, header, three rows, totals
    CHECK(rows[0].number == 1);
    CHECK(rows[0].cells.at(0) == text.title);
    CHECK(rows[1].cells == std::vector<std::string>{"日期", "业务量（笔）", "金额（元）"});
    const std::vector<std::tuple<std::string, double, double>> expected{
        {"2026-11-02", 3, 123.45}, {"2026-11-23", 7, 1.00}, {"2026-11-24", 0, -5.00}, {"合计", 10, 119.45}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& [key, orders, amount] = expected[i];
        const auto& row = rows[i + 2];
        INFO("row " << row.number);
        REQUIRE(row.cells.size() == 3);
        CHECK(row.cells[0] == key);
        CHECK(std::stod(row.cells[1]) == Approx(orders));
        CHECK(std::stod(row.cells[2]) == Approx(amount));
    }

    // Amounts in yuan with two decimals, the totals as sums (their values cached above), the title across the
    // columns, widths set.
    const auto styles = workbook_part(path, "xl/styles.xml");
    CHECK(styles.find(R"(formatCode="0.00")") != std::string::npos);
    const auto sheet = workbook_part(path, "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>SUM(B4:B6)</f>") != std::string::npos);
    CHECK(sheet.find("<f>SUM(C4:C6)</f>") != std::string::npos);
    CHECK(sheet.find(R"(<mergeCell ref="A1:C1"/>)") != std::string::npos);
    CHECK(sheet.find("<cols>") != std::string::npos);
    CHECK(sheet.find("customWidth=\"1\"") != std::string::npos);

    // Written again over the first: replaced, not appended to.
    report.rows.resize(1);
    report.total_orders = 3;
    report.total_amount = domain::Money::from_fen(12345);
    REQUIRE_FALSE(export_volume_xlsx(report, path, text));
    const auto again = read_xlsx_first_sheet(file_bytes(path));
    REQUIRE(std::holds_alternative<std::vector<XlsxRow>>(again));
    CHECK(std::get<std::vector<XlsxRow>>(again).size() == 4);

    // An empty report still has its header and a zero total.
    report.rows.clear();
    report.total_orders = 0;
    report.total_amount = {};
    const auto empty_path = dir.path() / "empty.xlsx";
    REQUIRE_FALSE(export_volume_xlsx(report, empty_path));
    const auto empty = read_xlsx_first_sheet(file_bytes(empty_path));
    REQUIRE(std::holds_alternative<std::vector<XlsxRow>>(empty));
    REQUIRE(std::get<std::vector<XlsxRow>>(empty).size() == 3);
    CHECK(std::get<std::vector<XlsxRow>>(empty).back().cells.at(0) == "Total");
}

TEST_CASE("an unwritable path is a problem, and nothing is left behind", "[workflows][reports]")
{
    testing::TempDir dir("counter-report");
    VolumeReport report;
    report.rows = {{"1001", 1, domain::Money::from_yuan(1)}};
    report.total_orders = 1;
    report.total_amount = domain::Money::from_yuan(1);
    for (const auto& path : {dir.path() / "no-such-folder" / "report.xlsx", dir.path(), std::filesystem::path()}) {
        INFO(path.string());
        const auto problem = export_volume_xlsx(report, path);
        REQUIRE(problem);
        CHECK(problem->code == "E_REPORT_WRITE");
        CHECK(problem->param("path") == path.string());
        CHECK_FALSE(problem->param("reason").empty());
    }
    CHECK(std::filesystem::is_empty(dir.path()));
}
