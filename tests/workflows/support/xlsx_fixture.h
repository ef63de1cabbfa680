#pragma once
/// XLSX workbooks made in the test with libxlsxwriter (so no binary fixtures in git): rows of cells, each a string or,
/// when it starts with '#', a number (how a spreadsheet keeps a phone number typed without a leading quote).

#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>
#include <xlsxwriter.h>

namespace testing {

using SheetCells = std::vector<std::vector<std::string>>;

/// The bytes of a workbook whose first sheet holds `rows` from A1; `constant_memory` makes libxlsxwriter write
/// inline strings instead of the shared-string table.
inline std::vector<unsigned char> xlsx_bytes(const SheetCells& rows, bool constant_memory = false)
{
    TempDir dir("counter-xlsx");
    const auto path = (dir.path() / "members.xlsx").string();
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
    REQUIRE(workbook != nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "成员");
    workbook_add_worksheet(workbook, "其他"); // only the first sheet is read
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const auto& cell = rows[r][c];
            const auto row = static_cast<lxw_row_t>(r);
            const auto col = static_cast<lxw_col_t>(c);
            if (cell.empty()) {
                continue;
            }
            if (cell.front() == '#') {
                worksheet_write_number(sheet, row, col, std::stod(cell.substr(1)), nullptr);
            } else {
                worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
            }
        }
    }
    REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace testing
