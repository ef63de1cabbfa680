#pragma once
/// 报表 (F8): the business volume between two days, per day, clerk or hall, as the back office counts it: a table
/// (orders, money taken, share of the orders), a bar chart of the orders, the totals, and its export to an Excel
/// workbook. Supervisors and administrators only (report.read); a clerk is told so. Every back-office call and the
/// file written run on the page's worker thread.
/// Keyboard: Enter or F5 shows, Ctrl+E exports.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/reports/volume_report.h"

#include <memory>
#include <optional>
#include <wx/panel.h>

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;

namespace ui {

class VolumeChart;

/// A report's problem (E_REPORT_RANGE, E_REPORT_OFFLINE, E_REPORT_WRITE) in the clerk's words.
wxString report_problem_text(const workflows::ReportProblem& problem);

class ReportsPage : public wxPanel
{
public:
    ReportsPage(wxWindow* parent, PageServices services);
    ~ReportsPage() override;
    ReportsPage(const ReportsPage&) = delete;
    ReportsPage& operator=(const ReportsPage&) = delete;

    /// Shows the volume for the chosen days and grouping.
    void show_report();
    /// Asks where, then writes the shown report to an Excel workbook.
    void export_excel();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const std::optional<workflows::VolumeReport>& shown() const { return m_shown; }
    /// The last workbook written, for the tests and the message.
    [[nodiscard]] const std::optional<wxString>& exported() const { return m_exported; }

private:
    void show(workflows::VolumeReport report);
    void clear();
    /// The key column's heading and the chart's title for `grouping`.
    void set_grouping(workflows::VolumeGrouping grouping);
    [[nodiscard]] workflows::VolumeQuery query() const;
    [[nodiscard]] workflows::VolumeSheetText sheet_text(const workflows::VolumeReport& report) const;
    void on_key(wxKeyEvent& event);
    void set_message(const wxString& text, bool error = false);
    template <typename Work, typename Done> void run(Work work, Done done);

    std::shared_ptr<PageBackend> m_backend;
    std::optional<workflows::VolumeReport> m_shown;
    std::optional<wxString> m_exported;
    int m_pending = 0;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxChoice* m_group = nullptr;
    wxButton* m_export = nullptr;
    wxListCtrl* m_table = nullptr;
    VolumeChart* m_chart = nullptr;
    wxStaticText* m_chart_title = nullptr;
    wxStaticText* m_totals = nullptr;
    StatusLine* m_message = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
