#include "client/workflows/reports/volume_report.h"

#include "domain/civil_date.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <system_error>
#include <xlsxwriter.h>

namespace workflows {

namespace {

ReportProblem range_problem(const VolumeQuery& query, std::string reason,
                            std::vector<std::pair<std::string, std::string>> more = {})
{
    ReportProblem problem{"E_REPORT_RANGE",
                          {{"from", query.from.ok() ? domain::format_iso(query.from) : std::string()},
                           {"to", query.to.ok() ? domain::format_iso(query.to) : std::string()},
                           {"reason", std::move(reason)}}};
    problem.params.insert(problem.params.end(), more.begin(), more.end());
    return problem;
}

/// How many columns a text takes in a spreadsheet: Chinese characters (and other wide ones) count twice.
double display_width(std::string_view utf8)
{
    double width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::size_t length = 1;
        char32_t code = lead;
        if (lead >= 0xF0) {
            length = 4;
            code = lead & 0x07U;
        } else if (lead >= 0xE0) {
            length = 3;
            code = lead & 0x0FU;
        } else if (lead >= 0xC0) {
            length = 2;
            code = lead & 0x1FU;
        }
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) {
            code = (code << 6U) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
        }
        width += code >= 0x1100 ? 2.0 : 1.0;
        i += length;
    }
    return width;
}

std::string cell_name(lxw_row_t row, lxw_col_t col)
{
    char name[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(name, row, col);
    return name;
}

ReportProblem write_problem(const std::filesystem::path& path, std::string reason)
{
    return ReportProblem{"E_REPORT_WRITE", {{"path", path.string()}, {"reason", std::move(reason)}}};
}

} // namespace

std::string_view grouping_name(VolumeGrouping grouping)
{
    switch (grouping) {
    case VolumeGrouping::day:
        return "day";
    case VolumeGrouping::staff:
        return "staff";
    case VolumeGrouping::hall:
        return "hall";
    }
    return "day";
}

std::string_view ReportProblem::param(std::string_view name) const
{
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

double VolumeReport::order_share(const contract::VolumeRow& row) const
{
    return total_orders > 0 ? static_cast<double>(row.orders) / static_cast<double>(total_orders) : 0.0;
}

VolumeReports::VolumeReports(Desk& desk) : VolumeReports(desk.client()) {}

VolumeReports::VolumeReports(bss::BssClient* client) : m_client(client) {}

std::optional<ReportProblem> VolumeReports::check(const VolumeQuery& query)
{
    if (!query.from.ok() || !query.to.ok()) {
        return range_problem(query, "invalidDate");
    }
    const auto days = (std::chrono::sys_days(query.to) - std::chrono::sys_days(query.from)).count() + 1;
    if (days < 1) {
        return range_problem(query, "toBeforeFrom");
    }
    if (days > kMaxReportDays) {
        return range_problem(query, "tooLong",
                             {{"days", std::to_string(days)}, {"max", std::to_string(kMaxReportDays)}});
    }
    return std::nullopt;
}

VolumeAnswer VolumeReports::volume(const VolumeQuery& query)
{
    if (auto problem = check(query)) {
        return *std::move(problem);
    }
    if (m_client == nullptr) {
        return ReportProblem{"E_REPORT_OFFLINE", {}};
    }
    contract::ReportVolumeRequest request;
    request.from = query.from;
    request.to = query.to;
    request.group_by = std::string(grouping_name(query.group_by));
    auto answer = m_client->call(request);
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        return std::move(*error);
    }
    VolumeReport report;
    report.query = query;
    report.rows = std::move(std::get<contract::ReportVolumeResponse>(answer).rows);
    std::ranges::sort(report.rows, {}, &contract::VolumeRow::key);
    for (const auto& row : report.rows) {
        report.total_orders += row.orders;
        report.total_amount += row.amount;
    }
    return report;
}

std::optional<ReportProblem> export_volume_xlsx(const VolumeReport& report, const std::filesystem::path& path,
                                                const VolumeSheetText& text)
{
    if (path.empty() || !path.has_filename()) {
        return write_problem(path, "no file name");
    }
    // Written beside the target and renamed over it, so a failure half way never leaves a broken workbook where
    // the clerk expects the report.
    auto partial = path;
    partial += ".part";
    lxw_workbook* workbook = workbook_new(partial.string().c_str());
    if (workbook == nullptr) {
        return write_problem(path, "cannot start the workbook");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, text.sheet.c_str());
    if (sheet == nullptr) {
        sheet = workbook_add_worksheet(workbook, nullptr); // a name Excel refuses (too long, []:*?/\)
    }
    lxw_format* title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_CENTER);
    lxw_format* money = workbook_add_format(workbook);
    format_set_num_format(money, "0.00");
    lxw_format* total = workbook_add_format(workbook);
    format_set_bold(total);
    format_set_top(total, LXW_BORDER_THIN);
    lxw_format* total_money = workbook_add_format(workbook);
    format_set_bold(total_money);
    format_set_top(total_money, LXW_BORDER_THIN);
    format_set_num_format(total_money, "0.00");

    constexpr lxw_row_t kHeaderRow = 2;
    constexpr lxw_row_t kFirstRow = kHeaderRow + 1;
    worksheet_merge_range(sheet, 0, 0, 0, 2, text.title.c_str(), title);
    worksheet_write_string(sheet, kHeaderRow, 0, text.key.c_str(), header);
    worksheet_write_string(sheet, kHeaderRow, 1, text.orders.c_str(), header);
    worksheet_write_string(sheet, kHeaderRow, 2, text.amount.c_str(), header);
    double key_width = std::max(display_width(text.key), display_width(text.total));
    double orders_width = display_width(text.orders);
    double amount_width = display_width(text.amount);
    auto row = kFirstRow;
    for (const auto& line : report.rows) {
        worksheet_write_string(sheet, row, 0, line.key.c_str(), nullptr);
        worksheet_write_number(sheet, row, 1, static_cast<double>(line.orders), nullptr);
        worksheet_write_number(sheet, row, 2, static_cast<double>(line.amount.fen()) / 100.0, money);
        key_width = std::max(key_width, display_width(line.key));
        orders_width = std::max(orders_width, display_width(std::to_string(line.orders)));
        amount_width = std::max(amount_width, display_width(line.amount.plain()));
        ++row;
    }
    const auto total_orders = static_cast<double>(report.total_orders);
    const auto total_amount = static_cast<double>(report.total_amount.fen()) / 100.0;
    worksheet_write_string(sheet, row, 0, text.total.c_str(), total);
    if (report.rows.empty()) {
        worksheet_write_number(sheet, row, 1, 0, total);
        worksheet_write_number(sheet, row, 2, 0, total_money);
    } else {
        // Sums rather than numbers, so a row corrected in Excel keeps the total right; the values are cached for
        // readers that do not calculate.
        const auto sum = [&](lxw_col_t col) {
            return "=SUM(" + cell_name(kFirstRow, col) + ":" + cell_name(row - 1, col) + ")";
        };
        worksheet_write_formula_num(sheet, row, 1, sum(1).c_str(), total, total_orders);
        worksheet_write_formula_num(sheet, row, 2, sum(2).c_str(), total_money, total_amount);
    }
    orders_width = std::max(orders_width, display_width(std::to_string(report.total_orders)));
    amount_width = std::max(amount_width, display_width(report.total_amount.plain()));
    worksheet_set_column(sheet, 0, 0, key_width + 4, nullptr);
    worksheet_set_column(sheet, 1, 1, orders_width + 4, nullptr);
    worksheet_set_column(sheet, 2, 2, amount_width + 4, nullptr);
    worksheet_freeze_panes(sheet, kFirstRow, 0);

    const lxw_error closed = workbook_close(workbook);
    std::error_code ignored;
    if (closed != LXW_NO_ERROR) {
        std::filesystem::remove(partial, ignored);
        return write_problem(path, lxw_strerror(closed));
    }
    std::error_code renamed;
    std::filesystem::rename(partial, path, renamed);
    if (renamed) {
        std::filesystem::remove(partial, ignored);
        return write_problem(path, renamed.message());
    }
    return std::nullopt;
}

} // namespace workflows
