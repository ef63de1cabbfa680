#pragma once
/// One field of one CSV line (RFC 4180 quoting: "a,b" and "say ""hi"""), without copying the line. Import files of
/// ID numbers and members hold one record per line; a quoted line break is not supported and reported.

#include <optional>
#include <string>
#include <string_view>

namespace workflows {

enum class CsvFieldStatus
{
    ok,
    missing,
    bad_quote
};

struct CsvField
{
    CsvFieldStatus status = CsvFieldStatus::ok;
    std::string value; ///< unquoted
};

/// Field `column` (1-based) of `line`, split on `separator`.
CsvField csv_field(std::string_view line, std::size_t column, char separator = ',');

} // namespace workflows
