#pragma once
/// 日结 (F7): the clerk's takings for a day by payment method, refunds and the net the till must hold, and closing
/// the day, after which the back office refuses payments and refunds dated that day. Closing asks first.
/// Keyboard: Enter or F5 shows the day, Alt+C closes it.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/workstation/records.h"

#include <memory>
#include <optional>
#include <wx/panel.h>

class wxButton;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;

namespace ui {

class SettlementPage : public wxPanel
{
public:
    SettlementPage(wxWindow* parent, PageServices services);
    ~SettlementPage() override;
    SettlementPage(const SettlementPage&) = delete;
    SettlementPage& operator=(const SettlementPage&) = delete;

    /// Shows the chosen day's settlement.
    void show_day();
    /// Asks, then closes the chosen day.
    void close_day();

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] const std::optional<contract::SettlementResponse>& shown() const { return m_shown; }

private:
    void show(const contract::SettlementResponse& settlement);
    [[nodiscard]] domain::Date day() const;
    void set_message(const wxString& text, bool error = false);
    /// Runs `call(payments, day)` on the worker with the page's payment desk; back here, shows the day's figures it
    /// answers with and `done`, or why there are none.
    template <typename Call> void run_on_day(Call call, const wxString& done);

    std::shared_ptr<PageBackend> m_backend;
    std::optional<contract::SettlementResponse> m_shown;
    int m_pending = 0;
    wxDatePickerCtrl* m_day = nullptr;
    wxListCtrl* m_lines = nullptr;
    wxStaticText* m_totals = nullptr;
    StatusLine* m_message = nullptr;
    wxButton* m_close = nullptr;

    PageWorker m_worker; ///< last: joined first
};

} // namespace ui
