#include "client/workflows/import/import_file_check.h"

#include "client/workflows/import/csv_line.h"
#include "domain/masking.h"

namespace workflows {
namespace {

std::string mask_for(IdentifierKind kind, std::string_view value)
{
    switch (kind) {
    case IdentifierKind::id:
        return domain::mask_id_number(value);
    case IdentifierKind::phone:
        return domain::mask_phone(value);
    case IdentifierKind::uscc:
    case IdentifierKind::orgcode:
    case IdentifierKind::short_number:
        break; // enterprise codes and short numbers are not personal data
    }
    return std::string(value);
}

} // namespace

ImportCheckSummary check_import_file(std::istream& in, const ImportCheckOptions& options, domain::Date today,
                                     const std::function<void(const BadRow&)>& on_bad)
{
    ImportCheckSummary summary;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.erase(0, 3);
        }
        if ((number == 1 && options.has_header) || line.empty()) {
            continue;
        }
        ++summary.rows;
        const CsvField field = csv_field(line, options.column, options.separator);
        if (field.status != CsvFieldStatus::ok) {
            ++summary.invalid;
            on_bad({number, {}, field.status == CsvFieldStatus::missing ? "E_CSV_COLUMN_MISSING" : "E_CSV_QUOTE"});
            continue;
        }
        const IdentifierVerdict verdict = check_identifier(options.kind, field.value, today);
        if (!verdict.valid()) {
            ++summary.invalid;
            on_bad({number, mask_for(options.kind, field.value), verdict.problem->to_string()});
            continue;
        }
        ++summary.valid;
        if (!verdict.warnings.empty()) {
            ++summary.with_warnings;
        }
    }
    return summary;
}

} // namespace workflows
