#include "client/workflows/import/member_import.h"

#include "client/workflows/import/csv_line.h"
#include "client/workflows/import/xlsx_sheet.h"
#include "domain/masking.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace workflows {
namespace {

constexpr std::size_t kColumns = 3; // number, short number, name

bool has_digit(const std::string& text)
{
    return text.find_first_of("0123456789") != std::string::npos;
}

/// The first non-empty row is the template's header when its number cell holds no digit at all ("号码", "number").
bool is_header(const ImportLine& line)
{
    return !line.unreadable && (line.cells.empty() || !has_digit(line.cells[0]));
}

} // namespace

std::vector<ImportLine> csv_import_lines(std::istream& in, char separator)
{
    std::vector<ImportLine> lines;
    std::string text;
    std::size_t number = 0;
    while (std::getline(in, text)) {
        ++number;
        if (!text.empty() && text.back() == '\r') {
            text.pop_back();
        }
        if (number == 1 && text.starts_with("\xEF\xBB\xBF")) {
            text.erase(0, 3);
        }
        if (text.empty()) {
            continue;
        }
        ImportLine line;
        line.row = number;
        for (std::size_t column = 1; column <= kColumns; ++column) {
            auto field = csv_field(text, column, separator);
            if (field.status == CsvFieldStatus::bad_quote) {
                line.unreadable = MemberProblem{"E_CSV_QUOTE", {{"column", std::to_string(column)}}};
                break;
            }
            if (field.status == CsvFieldStatus::missing) {
                if (column == 1) {
                    line.unreadable = MemberProblem{"E_CSV_COLUMN_MISSING", {{"column", "1"}}};
                }
                break; // the optional columns may be left out
            }
            line.cells.push_back(std::move(field.value));
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

MemberImportPreview preview_lines(const std::vector<ImportLine>& lines, const MemberRoster& roster)
{
    MemberImportPreview preview;
    preview.roster_from_back_office = roster.from_back_office;
    preview.offline = roster.offline;
    std::map<std::string, std::size_t> numbers; // canonical number → the good row that has it
    std::map<std::string, std::size_t> shorts;
    bool first = true;
    for (const auto& line : lines) {
        if (first) {
            first = false;
            if (is_header(line)) {
                continue;
            }
        }
        const auto cell = [&](std::size_t i) -> std::optional<std::string> {
            return i < line.cells.size() && !line.cells[i].empty() ? std::optional(line.cells[i]) : std::nullopt;
        };
        const std::string raw = cell(0).value_or(std::string());
        const auto refuse = [&](MemberProblem problem) {
            preview.bad.push_back(
                {line.row, raw.empty() ? std::string() : domain::mask_phone(raw), std::move(problem)});
        };
        if (line.unreadable) {
            refuse(*line.unreadable);
            continue;
        }
        auto checked = GroupMembers::check_candidate({raw, cell(1), cell(2)}, roster);
        if (auto* problem = std::get_if<MemberProblem>(&checked)) {
            refuse(std::move(*problem));
            continue;
        }
        auto& entry = std::get<contract::MemberEntry>(checked);
        if (const auto seen = numbers.find(entry.number); seen != numbers.end()) {
            refuse({"E_IMPORT_DUPLICATE", {{"field", "number"}, {"first_row", std::to_string(seen->second)}}});
            continue;
        }
        if (entry.short_number) {
            if (const auto seen = shorts.find(*entry.short_number); seen != shorts.end()) {
                refuse({"E_IMPORT_DUPLICATE", {{"field", "shortNumber"}, {"first_row", std::to_string(seen->second)}}});
                continue;
            }
            shorts.emplace(*entry.short_number, line.row);
        }
        numbers.emplace(entry.number, line.row);
        preview.good.push_back({line.row, std::move(entry)});
    }
    return preview;
}

MemberImport::Preview MemberImport::preview(const std::vector<ImportLine>& lines, domain::Date today)
{
    auto roster = m_members.roster(today);
    if (auto* error = std::get_if<bss::CallError>(&roster)) {
        return std::move(*error);
    }
    auto result = preview_lines(lines, std::get<MemberRoster>(roster));
    result.group_id = m_members.group_id();
    return result;
}

MemberImport::Preview MemberImport::preview_csv(std::istream& in, domain::Date today)
{
    return preview(csv_import_lines(in), today);
}

MemberImport::Preview MemberImport::preview_xlsx(std::span<const unsigned char> bytes, domain::Date today)
{
    auto rows = read_xlsx_first_sheet(bytes);
    if (auto* error = std::get_if<XlsxError>(&rows)) {
        MemberProblem problem{error->code, {}};
        if (!error->part.empty()) {
            problem.params.emplace_back("part", error->part);
        }
        return problem;
    }
    std::vector<ImportLine> lines;
    for (auto& row : std::get<std::vector<XlsxRow>>(rows)) {
        row.cells.resize(std::min(row.cells.size(), kColumns));
        // A row whose cells are all blank is a blank line, as in a CSV file.
        if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); })) {
            continue;
        }
        lines.push_back({row.number, std::move(row.cells), std::nullopt});
    }
    return preview(lines, today);
}

std::variant<std::vector<AcceptedOrder>, MemberProblem> MemberImport::confirm(const MemberImportPreview& preview,
                                                                              domain::Date today)
{
    if (preview.group_id != m_members.group_id()) {
        throw std::invalid_argument("the preview is of another group");
    }
    if (auto closed = domain::check_member_window(today)) {
        return MemberProblem::from(*closed);
    }
    std::vector<contract::MemberEntry> members;
    members.reserve(preview.good.size());
    for (const auto& row : preview.good) {
        members.push_back(row.member);
    }
    return m_members.add_checked(members);
}

} // namespace workflows
