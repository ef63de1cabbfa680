#pragma once
/// Batch import of a group's members from a CSV or XLSX file (批量导入): columns number, short number (optional),
/// name (optional); a first row whose number cell has no digit is the template's header. The preview checks every
/// row against the domain's rules, the rest of the file and the group's roster, and names each bad row's problem;
/// nothing is sent until the clerk confirms. Confirming queues the good rows as memberAdd orders of up to
/// kMembersPerOrder members each, in one transaction: one order per batch rather than per row, because one import is
/// one business act (one order number on the acceptance form, one work order for the back office instead of
/// hundreds), the preview has already taken out what the back office would refuse, and a refusal that still comes
/// (a number added elsewhere meanwhile) names the member's position in its order, so the clerk edits that order in
/// the sync error queue; the cap bounds the request and what such a refusal holds up.

#include "client/workflows/group/group_members.h"

#include <cstddef>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// A row of an import file, whatever the format.
struct ImportLine
{
    std::size_t row = 0;                     ///< as the clerk sees it: the line number, or the sheet's row number
    std::vector<std::string> cells;          ///< number, short number, name
    std::optional<MemberProblem> unreadable; ///< E_CSV_QUOTE, E_CSV_COLUMN_MISSING
};

struct ImportedMember
{
    std::size_t row = 0;
    contract::MemberEntry member; ///< as it will be sent (canonical number)
};

struct RefusedRow
{
    std::size_t row = 0;
    std::string masked_number; ///< reports are read by more people than the data is for
    MemberProblem problem;
};

struct MemberImportPreview
{
    std::string group_id;
    std::vector<ImportedMember> good;
    std::vector<RefusedRow> bad;          ///< in file order
    bool roster_from_back_office = false; ///< false: membership was checked against this counter's orders only
    std::optional<bss::CallError> offline;
};

/// The preview of `lines` against `roster` (pure): header skipped, each row's first problem, duplicates within the
/// file refused as E_IMPORT_DUPLICATE {field, first_row} against the earlier good row.
MemberImportPreview preview_lines(const std::vector<ImportLine>& lines, const MemberRoster& roster);

/// The lines of a CSV file (UTF-8, optional BOM, CRLF or LF, RFC 4180 quoting); blank lines skipped.
std::vector<ImportLine> csv_import_lines(std::istream& in, char separator = ',');

class MemberImport
{
public:
    explicit MemberImport(GroupMembers& members) : m_members(members) {}

    using Preview = std::variant<MemberImportPreview, MemberProblem, bss::CallError>;

    /// A file-level problem (an unreadable workbook) or a refusal of memberList comes back instead of a preview.
    Preview preview_csv(std::istream& in, domain::Date today);
    Preview preview_xlsx(std::span<const unsigned char> bytes, domain::Date today);

    /// Queues the preview's good rows; E_MEMBER_WINDOW_CLOSED at month end. Precondition: the preview is of this
    /// group.
    std::variant<std::vector<AcceptedOrder>, MemberProblem> confirm(const MemberImportPreview& preview,
                                                                    domain::Date today);

private:
    Preview preview(const std::vector<ImportLine>& lines, domain::Date today);

    GroupMembers& m_members;
};

} // namespace workflows
