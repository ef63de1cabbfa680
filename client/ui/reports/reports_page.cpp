#include "client/ui/reports/reports_page.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/reports/volume_chart.h"
#include "domain/civil_date.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

enum : int
{
    kIdShow = wxID_HIGHEST + 1300,
    kIdExport,
};

/// The choice's order.
constexpr workflows::VolumeGrouping kGroupings[] = {workflows::VolumeGrouping::day, workflows::VolumeGrouping::staff,
                                                    workflows::VolumeGrouping::hall};

wxString iso(domain::Date date)
{
    return wxString::FromUTF8(domain::format_iso(date));
}

domain::Date date_of(const wxDateTime& chosen)
{
    return domain::make_date(chosen.GetYear(), static_cast<unsigned>(chosen.GetMonth()) + 1,
                             static_cast<unsigned>(chosen.GetDay()));
}

wxString key_header(workflows::VolumeGrouping grouping)
{
    switch (grouping) {
    case workflows::VolumeGrouping::staff:
        // TRANSLATORS: the column of the clerks' staff numbers (工号) in the volume report.
        return _("Clerk");
    case workflows::VolumeGrouping::hall:
        return _("Business hall");
    case workflows::VolumeGrouping::day:
        break;
    }
    return _("Business day");
}

wxString chart_title(workflows::VolumeGrouping grouping)
{
    switch (grouping) {
    case workflows::VolumeGrouping::staff:
        return _("Orders per clerk");
    case workflows::VolumeGrouping::hall:
        return _("Orders per business hall");
    case workflows::VolumeGrouping::day:
        break;
    }
    return _("Orders per day");
}

wxString report_title(const workflows::VolumeQuery& query)
{
    const wxString from = iso(query.from);
    const wxString to = iso(query.to);
    switch (query.group_by) {
    case workflows::VolumeGrouping::staff:
        // TRANSLATORS: the title of an exported report; %s are the first and last days, e.g. 2026-11-01.
        return wxString::Format(_("Business volume %s to %s, per clerk"), from, to);
    case workflows::VolumeGrouping::hall:
        // TRANSLATORS: the title of an exported report; %s are the first and last days, e.g. 2026-11-01.
        return wxString::Format(_("Business volume %s to %s, per business hall"), from, to);
    case workflows::VolumeGrouping::day:
        break;
    }
    // TRANSLATORS: the title of an exported report; %s are the first and last days, e.g. 2026-11-01.
    return wxString::Format(_("Business volume %s to %s, per day"), from, to);
}

wxString share_text(double share)
{
    return wxString::Format("%.1f%%", share * 100.0);
}

} // namespace

wxString report_problem_text(const workflows::ReportProblem& problem)
{
    const auto param = [&](const char* name) { return wxString::FromUTF8(std::string(problem.param(name))); };
    if (problem.code == "E_REPORT_RANGE") {
        if (problem.param("reason") == "toBeforeFrom") {
            // TRANSLATORS: %s are the two days the clerk chose, e.g. 2026-11-23 and 2026-11-01.
            return wxString::Format(_("The first day %s is after the last day %s. Swap them."), param("from"),
                                    param("to"));
        }
        if (problem.param("reason") == "tooLong") {
            // TRANSLATORS: first %s is the number of days chosen, second the most one report covers (366).
            return wxString::Format(_("%s days were chosen; one report covers at most %s. Choose a shorter range."),
                                    param("days"), param("max"));
        }
        return _("One of the days chosen does not exist.");
    }
    if (problem.code == "E_REPORT_OFFLINE") {
        return _("Reports are made by the back office, and this workstation is not connected to one. Sign in to the "
                 "back office and try again.");
    }
    if (problem.code == "E_REPORT_WRITE") {
        return wxString::Format(_("The workbook could not be written to %s. Choose a folder you may write to, and "
                                  "close the file if it is open in Excel."),
                                param("path"));
    }
    return wxString::FromUTF8(problem.code);
}

ReportsPage::ReportsPage(wxWindow* parent, PageServices services)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "reports_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services)))
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    const wxDateTime today = wxDateTime::Today();
    wxDateTime first = today;
    first.SetDay(1);
    row->Add(new wxStaticText(this, wxID_ANY, _("From:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_from = date_picker(this, first, "reports_from");
    row->Add(m_from, 0, wxRIGHT, 12);
    row->Add(new wxStaticText(this, wxID_ANY, _("To:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_to = date_picker(this, today, "reports_to");
    row->Add(m_to, 0, wxRIGHT, 12);
    row->Add(new wxStaticText(this, wxID_ANY, _("Group by:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    const wxString groupings[] = {_("By day"), _("By clerk"), _("By business hall")};
    m_group = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, static_cast<int>(std::size(groupings)),
                           groupings, 0, wxDefaultValidator, "reports_group");
    m_group->SetSelection(0);
    row->Add(m_group, 0, wxRIGHT, 12);
    auto* show_button = new wxButton(this, kIdShow, _("&Show (F5)"), wxDefaultPosition, wxDefaultSize, 0,
                                     wxDefaultValidator, "reports_show");
    row->Add(show_button, 0, wxRIGHT, 6);
    m_export = new wxButton(this, kIdExport, _("&Export to Excel... (Ctrl+E)"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "reports_export");
    m_export->Disable();
    row->Add(m_export, 0);
    top->Add(row, 0, wxALL, 8);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    m_table = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(420, 240), wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, "reports_table");
    m_table->AppendColumn(key_header(workflows::VolumeGrouping::day), wxLIST_FORMAT_LEFT, 130);
    m_table->AppendColumn(_("Orders"), wxLIST_FORMAT_RIGHT, 80);
    m_table->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, 130);
    m_table->AppendColumn(_("Share of orders"), wxLIST_FORMAT_RIGHT, 80);
    fill_last_column(m_table);
    body->Add(m_table, 1, wxEXPAND | wxRIGHT, 8);
    auto* chart_column = new wxBoxSizer(wxVERTICAL);
    m_chart_title = new wxStaticText(this, wxID_ANY, chart_title(workflows::VolumeGrouping::day), wxDefaultPosition,
                                     wxDefaultSize, 0, "reports_chart_title");
    m_chart_title->SetFont(m_chart_title->GetFont().Bold());
    chart_column->Add(m_chart_title, 0, wxBOTTOM, 4);
    m_chart = new VolumeChart(this, "reports_chart");
    chart_column->Add(m_chart, 1, wxEXPAND);
    body->Add(chart_column, 1, wxEXPAND);
    top->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_totals = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "reports_totals");
    m_totals->SetFont(m_totals->GetFont().Bold());
    top->Add(m_totals, 0, wxALL, 8);
    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "reports_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);

    show_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_report(); });
    m_export->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_excel(); });
    Bind(wxEVT_CHAR_HOOK, &ReportsPage::on_key, this);
    wxAcceleratorEntry keys[] = {{wxACCEL_NORMAL, WXK_F5, kIdShow}, {wxACCEL_CTRL, 'E', kIdExport}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_report(); }, kIdShow);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { export_excel(); }, kIdExport);
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_from->SetFocus();
    show_report();
}

ReportsPage::~ReportsPage() = default;

template <typename Work, typename Done> void ReportsPage::run(Work work, Done done)
{
    run_counted(m_worker, m_pending, nullptr, std::move(work), std::move(done),
                [this](const wxString& text) { set_message(text, true); });
}

void ReportsPage::on_key(wxKeyEvent& event)
{
    // Enter shows from the date pickers and the choice; on a button it presses that button, as everywhere.
    const int key = event.GetKeyCode();
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && !event.HasAnyModifiers() &&
        dynamic_cast<wxButton*>(FindFocus()) == nullptr) {
        show_report();
        return;
    }
    event.Skip();
}

workflows::VolumeQuery ReportsPage::query() const
{
    const int chosen = std::max(0, m_group->GetSelection());
    return {date_of(m_from->GetValue()), date_of(m_to->GetValue()),
            kGroupings[std::min<std::size_t>(static_cast<std::size_t>(chosen), std::size(kGroupings) - 1)]};
}

void ReportsPage::show_report()
{
    const auto asked = query();
    set_grouping(asked.group_by);
    // The range is checked here too, so a wrong one is answered at once, without a round trip to the worker.
    if (const auto problem = workflows::VolumeReports::check(asked)) {
        clear();
        set_message(report_problem_text(*problem), true);
        return;
    }
    set_message(_("Asking the back office..."));
    run([backend = m_backend, asked] { return workflows::VolumeReports(*backend).volume(asked); },
        [this](workflows::VolumeAnswer answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                clear();
                if (error->kind == bss::FailureKind::fault && error->code() == "E_PERMISSION" &&
                    error->param("reason").empty()) {
                    set_message(_("Reports are for supervisors and administrators: your role cannot see them."), true);
                } else {
                    set_message(call_error_text(*error), true);
                }
                return;
            }
            if (const auto* problem = std::get_if<workflows::ReportProblem>(&answer)) {
                clear();
                set_message(report_problem_text(*problem), true);
                return;
            }
            show(std::get<workflows::VolumeReport>(std::move(answer)));
        });
}

void ReportsPage::clear()
{
    m_shown.reset();
    m_table->DeleteAllItems();
    m_chart->set_bars({});
    m_totals->SetLabel(wxString());
    m_export->Disable();
}

void ReportsPage::set_grouping(workflows::VolumeGrouping grouping)
{
    wxListItem column;
    column.SetMask(wxLIST_MASK_TEXT);
    column.SetText(key_header(grouping));
    m_table->SetColumn(0, column);
    m_chart_title->SetLabel(chart_title(grouping));
}

void ReportsPage::show(workflows::VolumeReport report)
{
    set_grouping(report.query.group_by);
    m_table->DeleteAllItems();
    std::vector<ChartBar> bars;
    for (const auto& line : report.rows) {
        const wxString key = wxString::FromUTF8(line.key);
        const wxString orders = wxString::Format("%lld", static_cast<long long>(line.orders));
        const long item = m_table->InsertItem(m_table->GetItemCount(), key);
        m_table->SetItem(item, 1, orders);
        m_table->SetItem(item, 2, wxString::FromUTF8(line.amount.format()));
        m_table->SetItem(item, 3, share_text(report.order_share(line)));
        bars.push_back({key, static_cast<double>(line.orders), orders});
    }
    m_chart->set_bars(std::move(bars), _("No business in these days."));
    const auto total = static_cast<long long>(report.total_orders);
    // TRANSLATORS: the report's totals: the number of orders, then the money taken net of refunds.
    m_totals->SetLabel(
        wxString::Format(wxPLURAL("Total: %lld order, %s", "Total: %lld orders, %s", static_cast<unsigned>(total)),
                         total, wxString::FromUTF8(report.total_amount.format())));
    if (report.rows.empty()) {
        // TRANSLATORS: %s are the first and last days of the report.
        set_message(
            wxString::Format(_("No business between %s and %s."), iso(report.query.from), iso(report.query.to)));
    } else {
        set_message(wxString());
    }
    m_shown = std::move(report);
    m_export->Enable();
    Layout();
}

workflows::VolumeSheetText ReportsPage::sheet_text(const workflows::VolumeReport& report) const
{
    workflows::VolumeSheetText text;
    // TRANSLATORS: the name of the worksheet tab in the exported workbook (at most 31 characters).
    text.sheet = _("Business volume").utf8_string();
    text.title = report_title(report.query).utf8_string();
    text.key = key_header(report.query.group_by).utf8_string();
    text.orders = _("Orders").utf8_string();
    text.amount = _("Amount (yuan)").utf8_string();
    text.total = _("Total").utf8_string();
    return text;
}

void ReportsPage::export_excel()
{
    if (!m_shown) {
        set_message(_("Show a report first, then export it."), true);
        return;
    }
    if (busy()) {
        return;
    }
    // TRANSLATORS: the file name offered when exporting; %s are the first and last days. Keep .xlsx.
    const wxString default_name =
        wxString::Format(_("Business volume %s to %s.xlsx"), iso(m_shown->query.from), iso(m_shown->query.to));
    auto chosen = page_choose_save_path(m_backend->services().prompts, this, _("Export to Excel"), default_name);
    if (!chosen || chosen->empty()) {
        set_message(_("Nothing was exported."));
        return;
    }
    wxString path = *chosen;
    if (!wxFileName(path).GetExt().IsSameAs("xlsx", false)) {
        path += ".xlsx";
    }
    set_message(_("Writing the workbook..."));
    run(
        [report = *m_shown, text = sheet_text(*m_shown), file = std::filesystem::path(path.utf8_string())] {
            return workflows::export_volume_xlsx(report, file, text);
        },
        [this, path](std::optional<workflows::ReportProblem> problem) {
            if (problem) {
                set_message(report_problem_text(*problem), true);
                return;
            }
            m_exported = path;
            // TRANSLATORS: %s is the file written.
            set_message(wxString::Format(_("Exported to %s."), path));
        });
}

void ReportsPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
