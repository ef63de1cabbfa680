#pragma once
/// 报表 (F8): business volume (orders accepted, money taken net of refunds) between two days inclusive, per day,
/// clerk or hall, as the back office counts it (reportVolume, permission report.read: supervisors and
/// administrators), and its export to an Excel workbook. Reports are made by the back office from every
/// workstation's work, so there is no offline answer: without a back office the clerk is told reports need it.
///
/// The range is checked here before anything is sent, so a mistyped year asks the back office nothing.

#include "client/workflows/workstation/desk.h"
#include "services/bssclient/bss_client.h"
#include "services/contract/messages/sync.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace workflows {

/// The longest range one report covers, in days (a year, leap day included).
inline constexpr int kMaxReportDays = 366;

enum class VolumeGrouping
{
    day,   ///< one row per business day ("2026-11-23")
    staff, ///< one row per clerk (工号)
    hall,  ///< one row per business hall
};

/// The contract's name of a grouping: "day", "staff", "hall".
std::string_view grouping_name(VolumeGrouping grouping);

/// Why a report was not made or not written: a code and parameters, translated where shown.
/// - E_REPORT_RANGE {from, to, reason}: reason "toBeforeFrom", or "tooLong" with {days, max}; "invalidDate".
/// - E_REPORT_OFFLINE: no back office is configured or nobody is signed in; reports need it.
/// - E_REPORT_WRITE {path, reason}: the workbook could not be written there (reason: libxlsxwriter's words, for
///   support).
struct ReportProblem
{
    std::string code;
    std::vector<std::pair<std::string, std::string>> params;

    /// The value of a parameter, or an empty view when absent.
    [[nodiscard]] std::string_view param(std::string_view name) const;

    friend bool operator==(const ReportProblem&, const ReportProblem&) = default;
};

struct VolumeQuery
{
    domain::Date from{};
    domain::Date to{}; ///< inclusive
    VolumeGrouping group_by = VolumeGrouping::day;
};

/// What the back office answered, sorted by key, with the totals.
struct VolumeReport
{
    VolumeQuery query;
    std::vector<contract::VolumeRow> rows;
    std::int64_t total_orders = 0;
    domain::Money total_amount;

    /// A row's orders as a share of all orders, 0 to 1 (0 when there are none).
    [[nodiscard]] double order_share(const contract::VolumeRow& row) const;
};

using VolumeAnswer = std::variant<VolumeReport, ReportProblem, bss::CallError>;

/// The words written into the workbook, in the clerk's language (the workflow knows no translations). `title`
/// names the range and the grouping, e.g. "业务量报表 2026-11-01 至 2026-11-23（按日）".
struct VolumeSheetText
{
    std::string sheet = "Volume";
    std::string title = "Business volume";
    std::string key = "Day";
    std::string orders = "Orders";
    std::string amount = "Amount (yuan)";
    std::string total = "Total";
};

class VolumeReports
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit VolumeReports(Desk& desk);
    /// `client` may be null (no back office configured or signed out): every report then says it needs one.
    explicit VolumeReports(bss::BssClient* client);

    /// The range's problem, if any: from after to, more than kMaxReportDays days, or a date that does not exist.
    [[nodiscard]] static std::optional<ReportProblem> check(const VolumeQuery& query);

    /// The volume between the query's days, asked of the back office after check(). Refusals come back as the
    /// back office's (E_PERMISSION for a clerk without report.read).
    VolumeAnswer volume(const VolumeQuery& query);

private:
    bss::BssClient* m_client;
};

/// Writes `report` to an .xlsx at `path` (replacing it): the title, a header row, one row per key (orders and
/// amounts as numbers, amounts in yuan with two decimals), a totals row (sums, with their values cached), column
/// widths that fit. Nothing on success; E_REPORT_WRITE when the file cannot be written.
std::optional<ReportProblem> export_volume_xlsx(const VolumeReport& report, const std::filesystem::path& path,
                                                const VolumeSheetText& text = {});

} // namespace workflows
