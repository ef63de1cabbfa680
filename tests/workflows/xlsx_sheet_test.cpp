// The XLSX reader: workbooks made by libxlsxwriter (shared strings and inline strings), parts written by hand for what
// other producers do (prefixed namespaces, rich text, numbers in E notation, gaps), and the refusals of broken files.

#include "client/workflows/import/xlsx_sheet.h"
#include "tests/workflows/support/xlsx_fixture.h"

#include <catch2/catch.hpp>

using namespace workflows;

namespace {

std::vector<XlsxRow> rows_of(const XlsxRows& result)
{
    if (const auto* error = std::get_if<XlsxError>(&result)) {
        FAIL(error->code << " " << error->part);
    }
    return std::get<std::vector<XlsxRow>>(result);
}

std::string error_of(const XlsxRows& result)
{
    REQUIRE(std::holds_alternative<XlsxError>(result));
    return std::get<XlsxError>(result).code;
}

std::string sheet(const std::string& rows)
{
    return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           rows + "</sheetData></worksheet>";
}

} // namespace

TEST_CASE("the first sheet of a libxlsxwriter workbook is read with shared strings and numbers as digits",
          "[workflows][xlsx]")
{
    for (const bool constant_memory : {false, true}) {
        INFO("constant_memory " << constant_memory);
        const auto bytes = testing::xlsx_bytes({{"号码", "短号", "姓名"},
                                                {"#13812345678", "#6601", "刘洋"},
                                                {},
                                                {"0755-26612345", "", "王 芳"},
                                                {"", "", "", "", "备注"}},
                                               constant_memory);
        const auto rows = rows_of(read_xlsx_first_sheet(bytes));
        REQUIRE(rows.size() == 4); // the blank row 3 is not returned
        CHECK(rows[0].number == 1);
        CHECK(rows[0].cells == std::vector<std::string>{"号码", "短号", "姓名"});
        CHECK(rows[1].number == 2);
        CHECK(rows[1].cells == std::vector<std::string>{"13812345678", "6601", "刘洋"});
        CHECK(rows[2].number == 4); // the sheet's own row number, as the clerk sees it
        CHECK(rows[2].cells == std::vector<std::string>{"0755-26612345", "", "王 芳"});
        CHECK(rows[3].number == 5);
        CHECK(rows[3].cells == std::vector<std::string>{"", "", "", "", "备注"});
    }
}

TEST_CASE("sheet parts from other producers: prefixes, rich text, inline strings, E notation and gaps",
          "[workflows][xlsx]")
{
    const auto shared = parse_shared_strings(
        R"(<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>刘洋</x:t></x:si>)"
        R"(<x:si><x:r><x:t>王</x:t></x:r><x:r><x:t xml:space="preserve"> 芳</x:t></x:r><x:rPh><x:t>ワン</x:t></x:rPh></x:si>)"
        R"(<x:si><x:t> </x:t></x:si></x:sst>)");
    REQUIRE(std::holds_alternative<std::vector<std::string>>(shared));
    const auto& strings = std::get<std::vector<std::string>>(shared);
    CHECK(strings == std::vector<std::string>{"刘洋", "王 芳", " "});

    const auto rows = rows_of(parse_sheet(
        R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
        R"(<x:row r="7"><x:c r="A7"><x:v>1.3812345678E10</x:v></x:c><x:c r="C7" t="s"><x:v>1</x:v></x:c></x:row>)"
        R"(<x:row><x:c><x:v>13912345678.0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>6602</x:t></x:is></x:c>)"
        R"(<x:c t="b"><x:v>1</x:v></x:c></x:row>)"
        R"(<x:row r="9"><x:c r="B9"><x:v>0.5</x:v></x:c><x:c r="D9" t="str"><x:v>=A1</x:v></x:c></x:row>)"
        R"(</x:sheetData></x:worksheet>)",
        strings));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].number == 7);
    CHECK(rows[0].cells == std::vector<std::string>{"13812345678", "", "王 芳"});
    CHECK(rows[1].number == 8); // no r: the row after the previous one
    CHECK(rows[1].cells == std::vector<std::string>{"13912345678", "6602", "1"});
    CHECK(rows[2].cells == std::vector<std::string>{"", "0.5", "", "=A1"});
}

TEST_CASE("broken workbooks and parts are refused with a code and the part", "[workflows][xlsx]")
{
    const std::vector<unsigned char> not_zip{'P', 'K', 3, 4, 'n', 'o', 't'};
    CHECK(error_of(read_xlsx_first_sheet(not_zip)) == "E_XLSX_NOT_ZIP");
    CHECK(error_of(read_xlsx_first_sheet({})) == "E_XLSX_NOT_ZIP");

    // A shared-string index the table does not have, or that is no number.
    CHECK(error_of(parse_sheet(sheet(R"(<row r="1"><c r="A1" t="s"><v>3</v></c></row>)"), {"a"})) ==
          "E_XLSX_SHARED_STRING");
    CHECK(error_of(parse_sheet(sheet(R"(<row r="1"><c r="A1" t="s"><v>-1</v></c></row>)"), {"a"})) ==
          "E_XLSX_SHARED_STRING");
    CHECK(error_of(parse_sheet("<worksheet><sheetData><row>", {})) == "E_XLSX_XML");

    // Row numbers past Excel's last row, given or implied by the row before (found by fuzz_xlsx_sheet: the row after
    // r="18446744073709551615" wrapped to row 0).
    CHECK(rows_of(parse_sheet(sheet(R"(<row r="1048576"><c><v>1</v></c></row>)"), {}))[0].number == 1048576);
    CHECK(error_of(parse_sheet(sheet(R"(<row r="1048577"><c><v>1</v></c></row>)"), {})) == "E_XLSX_ROW_NUMBER");
    CHECK(error_of(parse_sheet(sheet(R"(<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>)"), {})) ==
          "E_XLSX_ROW_NUMBER");
    CHECK(
        error_of(parse_sheet(sheet(R"(<row r="18446744073709551615"><c><v>1</v></c></row><row><c><v>2</v></c></row>)"),
                             {})) == "E_XLSX_ROW_NUMBER");

    XlsxLimits few;
    few.max_rows = 2;
    few.max_columns = 2;
    const auto three = sheet(R"(<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>)"
                             R"(<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>)");
    CHECK(error_of(parse_sheet(three, {}, few)) == "E_XLSX_TOO_MANY_ROWS");
    few.max_rows = 3;
    const auto rows = rows_of(parse_sheet(three, {}, few));
    CHECK(rows[0].cells == std::vector<std::string>{"1"}); // column C is beyond the limit

    // A part larger than allowed once inflated.
    XlsxLimits tiny;
    tiny.max_part_bytes = 100;
    const auto bytes = testing::xlsx_bytes({{"13812345678"}});
    const auto big = read_xlsx_first_sheet(bytes, tiny);
    CHECK(error_of(big) == "E_XLSX_TOO_LARGE");
    CHECK_FALSE(std::get<XlsxError>(big).part.empty());

    // Cut short: the directory at the end is gone.
    auto cut = bytes;
    cut.resize(cut.size() / 2);
    CHECK(error_of(read_xlsx_first_sheet(cut)) == "E_XLSX_NOT_ZIP");
}
