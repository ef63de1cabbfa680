#pragma once
/// Checks one column of an import file (CSV, UTF-8, optional BOM, CRLF or LF) row by row, as the IT staff do before
/// a batch import and as the member import does before it sends anything.

#include "client/workflows/acceptance/identifier_check.h"

#include <cstddef>
#include <functional>
#include <istream>
#include <string>

namespace workflows {

struct ImportCheckOptions
{
    IdentifierKind kind = IdentifierKind::id;
    std::size_t column = 1;  ///< 1-based
    bool has_header = false; ///< skip the first line
    char separator = ',';
};

/// One refused row. `value` is already masked: reports are read by more people than the data is for.
struct BadRow
{
    std::size_t line = 0;
    std::string masked_value;
    std::string reason; ///< "E_ID_CHECK_CHAR expected=X", "E_CSV_COLUMN_MISSING", "E_CSV_QUOTE"
};

struct ImportCheckSummary
{
    std::size_t rows = 0;
    std::size_t valid = 0;
    std::size_t invalid = 0;
    std::size_t with_warnings = 0;
};

/// Reads `in` to the end, calling `on_bad` for every refused row in file order. Blank lines are skipped.
ImportCheckSummary check_import_file(std::istream& in, const ImportCheckOptions& options, domain::Date today,
                                     const std::function<void(const BadRow&)>& on_bad);

} // namespace workflows
