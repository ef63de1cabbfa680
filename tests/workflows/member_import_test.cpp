// The member import preview, without a back office: a CSV fixture (BOM, CRLF, a header, quoting) and the same rows in
// an XLSX workbook give the same problems row by row; confirming queues the good rows in orders of at most
// kMembersPerOrder, and what was queued counts as membership for the next import.

#include "client/store/database.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/import/member_import.h"
#include "client/workflows/import/xlsx_sheet.h"
#include "tests/support/temp_dir.h"
#include "tests/workflows/support/xlsx_fixture.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace workflows;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

MemberRoster roster()
{
    MemberRoster r;
    r.membership.area_code = "0755";
    r.membership.members = {"13800000001"};
    r.membership.added_this_month = {"13800000002"};
    r.short_numbers_taken = {*domain::ShortNumber::parse("6601")};
    r.from_back_office = true;
    return r;
}

struct Expected
{
    std::size_t row;
    std::string code;
    std::string field;
    std::string detail_name;
    std::string detail;
};

/// The bad rows the fixture has, against roster().
const std::vector<Expected> kExpectedBad{
    {4, "E_IMPORT_DUPLICATE", "number", "first_row", "2"},
    {5, "E_BAD_LENGTH", "number", "", ""},
    {6, "E_MEMBER_EXISTS", "number", "number", "13800000001"},
    {7, "E_SHORT_NUMBER_TAKEN", "shortNumber", "number", "6601"},
    {8, "E_SHORT_NUMBER_RANGE", "shortNumber", "number", "601"},
    {9, "E_CSV_QUOTE", "", "", ""},
    {10, "E_IMPORT_DUPLICATE", "shortNumber", "first_row", "2"},
    {12, "E_IMPORT_DUPLICATE", "number", "first_row", "11"},
    {13, "E_MEMBER_NOT_LOCAL", "number", "area", "010"},
    {14, "E_MEMBER_ADDED_THIS_MONTH", "number", "number", "13800000002"},
    {15, "E_EMPTY", "number", "", ""},
};

void check_preview(const MemberImportPreview& preview, bool with_quote_row)
{
    REQUIRE(preview.good.size() == 3);
    CHECK(preview.good[0].row == 2);
    CHECK(preview.good[0].member.number == "13812345678");
    CHECK(preview.good[0].member.short_number == "6602");
    CHECK(preview.good[0].member.name == "刘洋");
    CHECK(preview.good[1].row == 3);
    CHECK_FALSE(preview.good[1].member.short_number.has_value());
    CHECK(preview.good[2].row == 11);
    CHECK(preview.good[2].member.number == "0755-26612345"); // canonical, as it is sent
    std::vector<Expected> expected;
    for (const auto& e : kExpectedBad) {
        if (with_quote_row || e.code != "E_CSV_QUOTE") {
            expected.push_back(e);
        }
    }
    REQUIRE(preview.bad.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& bad = preview.bad[i];
        INFO("row " << expected[i].row << " " << expected[i].code);
        CHECK(bad.row == expected[i].row);
        CHECK(bad.problem.code == expected[i].code);
        CHECK(bad.problem.param("field") == expected[i].field);
        if (!expected[i].detail_name.empty()) {
            CHECK(bad.problem.param(expected[i].detail_name) == expected[i].detail);
        }
    }
    // Reports never carry a whole number.
    CHECK(preview.bad[2].masked_number == "138****0001");
}

std::string fixture_path()
{
    const char* data = std::getenv("COUNTER_TEST_DATA");
    REQUIRE(data != nullptr);
    return std::string(data) + "/members_import.csv";
}

} // namespace

TEST_CASE("the CSV member file is previewed row by row with a specific problem for each bad row", "[workflows][import]")
{
    std::ifstream in(fixture_path(), std::ios::binary);
    REQUIRE(in);
    const auto lines = csv_import_lines(in);
    REQUIRE(lines.size() == 15);
    CHECK(lines[0].cells.at(0) == "号码"); // the BOM is not part of the header
    check_preview(preview_lines(lines, roster()), true);
}

TEST_CASE("the same rows in an XLSX workbook, numbers typed as numbers, give the same preview",
          "[workflows][import][xlsx]")
{
    const auto bytes = testing::xlsx_bytes({
        {"号码", "短号", "姓名"},
        {"#13812345678", "#6602", "刘洋"},
        {"#13812345679", "", "王芳"},
        {"#13812345678", "#6603", "重复号码"},
        {"#1381234567", "#6604", "少一位"},
        {"#13800000001", "#6605", "已是成员"},
        {"#13900000002", "#6601", "短号被占"},
        {"#13900000003", "#601", "短号不对"},
        {},
        {"#13900000005", "6602", "短号重复"},
        {"075526612345", "#6607", "座机"},
        {"0755-26612345", "#6608", "座机同号"},
        {"010-66612345", "#6609", "外地座机"},
        {"#13800000002", "", "本月加过"},
        {"", "", "没有号码"},
    });
    const auto rows = read_xlsx_first_sheet(bytes);
    REQUIRE(std::holds_alternative<std::vector<XlsxRow>>(rows));
    std::vector<ImportLine> lines;
    for (const auto& row : std::get<std::vector<XlsxRow>>(rows)) {
        lines.push_back({row.number, row.cells, std::nullopt});
    }
    check_preview(preview_lines(lines, roster()), false);
}

TEST_CASE("a header is only a first row without digits, and a file without one starts with data", "[workflows][import]")
{
    std::istringstream in("13812345678,6602\n13812345679\n");
    const auto preview = preview_lines(csv_import_lines(in), roster());
    CHECK(preview.good.size() == 2);
    CHECK(preview.bad.empty());
}

TEST_CASE("confirming queues the good rows in orders of at most 200 members, and queued members count next time",
          "[workflows][import]")
{
    testing::TempDir dir("counter-import");
    auto sql = store::open_database(dir.path() / "cache.db");
    OrderDesk desk(*sql, "ws-test");
    GroupMembers members(*sql, nullptr, desk, "3001", "C00010001", "0755");
    MemberImport import(members);

    std::ostringstream file;
    file << "号码,短号\n";
    for (int i = 0; i < 450; ++i) {
        file << 13700000000LL + i << "," << (i < 100 ? std::to_string(6100 + i) : std::string()) << "\n";
    }
    std::istringstream in(file.str());
    auto previewed = import.preview_csv(in, kToday);
    REQUIRE(std::holds_alternative<MemberImportPreview>(previewed));
    const auto& preview = std::get<MemberImportPreview>(previewed);
    CHECK(preview.good.size() == 450);
    CHECK_FALSE(preview.roster_from_back_office);    // no back office: this counter's own orders only
    CHECK(store::Outbox(*sql).pending_count() == 0); // nothing is sent before the clerk confirms

    // Month end: closed, nothing queued.
    const auto closed = import.confirm(preview, domain::make_date(2026, 11, 28));
    REQUIRE(std::holds_alternative<MemberProblem>(closed));
    CHECK(std::get<MemberProblem>(closed).code == "E_MEMBER_WINDOW_CLOSED");
    CHECK(std::get<MemberProblem>(closed).param("reopens") == "2026-12-01");
    CHECK(store::Outbox(*sql).pending_count() == 0);

    const auto confirmed = import.confirm(preview, kToday);
    REQUIRE(std::holds_alternative<std::vector<AcceptedOrder>>(confirmed));
    const auto& orders = std::get<std::vector<AcceptedOrder>>(confirmed);
    REQUIRE(orders.size() == 3);
    CHECK(store::Outbox(*sql).pending_count() == 3);
    std::vector<std::size_t> sizes;
    for (const auto& accepted : orders) {
        const auto order = store::OrderStore(*sql).by_local_id(accepted.local_id);
        REQUIRE(order);
        CHECK(order->order_type == "memberAdd");
        const auto kept = order_from_document(order->document);
        REQUIRE(kept);
        sizes.push_back(kept->draft.members.size());
    }
    CHECK(sizes == std::vector<std::size_t>{200, 200, 50});

    // The same file again: every row is already a member-to-be; a new short number clashes with a queued one.
    std::istringstream again(file.str() + "13600000000,6100\n");
    auto second = import.preview_csv(again, kToday);
    REQUIRE(std::holds_alternative<MemberImportPreview>(second));
    const auto& repeat = std::get<MemberImportPreview>(second);
    CHECK(repeat.good.empty());
    REQUIRE(repeat.bad.size() == 451);
    CHECK(repeat.bad[0].problem.code == "E_MEMBER_EXISTS");
    CHECK(repeat.bad[450].problem.code == "E_SHORT_NUMBER_TAKEN");
}

TEST_CASE("an unreadable workbook is one file-level problem", "[workflows][import][xlsx]")
{
    testing::TempDir dir("counter-import");
    auto sql = store::open_database(dir.path() / "cache.db");
    OrderDesk desk(*sql, "ws-test");
    GroupMembers members(*sql, nullptr, desk, "3001", "C00010001", "0755");
    MemberImport import(members);
    const std::string text = "号码\n13812345678\n"; // a CSV saved with the wrong extension
    const std::vector<unsigned char> bytes(text.begin(), text.end());
    const auto previewed = import.preview_xlsx(bytes, kToday);
    REQUIRE(std::holds_alternative<MemberProblem>(previewed));
    CHECK(std::get<MemberProblem>(previewed).code == "E_XLSX_NOT_ZIP");
}
