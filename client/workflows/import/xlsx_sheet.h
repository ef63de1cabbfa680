#pragma once
/// The first worksheet of an XLSX workbook (Office Open XML: a ZIP of XML parts) as rows of cell texts: what a batch
/// import needs, not a spreadsheet engine. Shared strings (rich text runs joined), inline strings, numbers (a phone
/// number typed as a number comes back as its digits, not 1.38E+10), booleans and the cached values of formulas;
/// styles, dates as dates and the other sheets are ignored. Debian has no C or C++ XLSX reader, so this is libzip for
/// the container and pugixml for the parts. Pure over bytes, bounded by XlsxLimits, and fuzzed (fuzz_xlsx_sheet).

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace workflows {

struct XlsxLimits
{
    std::size_t max_part_bytes = std::size_t{32} * 1024 * 1024; ///< one part, uncompressed (a ZIP bomb stops here)
    std::size_t max_rows = 100000;
    std::size_t max_columns = 64; ///< cells to the right of this are dropped
};

/// One row of the sheet. `number` is the sheet's own row number (1-based, as Excel shows it), so a report can name
/// the row the clerk sees even when blank rows were skipped.
struct XlsxRow
{
    std::size_t number = 0;
    std::vector<std::string> cells; ///< by column (A = 0); cells not in the file are empty
};

/// Why the workbook could not be read. Codes: E_XLSX_NOT_ZIP, E_XLSX_PART_MISSING, E_XLSX_PART_CORRUPT,
/// E_XLSX_TOO_LARGE, E_XLSX_XML, E_XLSX_SHARED_STRING, E_XLSX_TOO_MANY_ROWS, E_XLSX_ROW_NUMBER (a row numbered, or
/// following one numbered, past Excel's last row 1,048,576).
struct XlsxError
{
    std::string code;
    std::string part; ///< the ZIP entry concerned, e.g. "xl/worksheets/sheet1.xml"; empty for the container
};

using XlsxRows = std::variant<std::vector<XlsxRow>, XlsxError>;

/// Reads the first sheet (in workbook order) of the workbook in `bytes`. Rows without any cell are not returned.
XlsxRows read_xlsx_first_sheet(std::span<const unsigned char> bytes, const XlsxLimits& limits = {});

/// xl/sharedStrings.xml → the strings by index.
std::variant<std::vector<std::string>, XlsxError> parse_shared_strings(std::string_view xml);
/// A worksheet part → its rows, with shared-string cells resolved from `shared`.
XlsxRows parse_sheet(std::string_view xml, const std::vector<std::string>& shared, const XlsxLimits& limits = {});

} // namespace workflows
