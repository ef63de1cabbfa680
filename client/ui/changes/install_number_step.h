#pragma once
/// The install's third step: free numbers searched by their ending digits, one reserved (预占) with a countdown to
/// its expiry. Offline, a full number typed is taken as the customer's choice, for the back office to confirm.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/changes/install_step.h"
#include "client/workflows/workstation/records.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class InstallNumberStep : public wxPanel
{
public:
    /// Runs its calls on the page's `worker`; searches at `exchange()` (the address step's, asked each time);
    /// `go_on()` when a number is held (the Next button takes the focus); `expired()` when its reservation has run
    /// out (the number is gone).
    InstallNumberStep(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                      std::function<std::optional<std::string>()> exchange, InstallSay say, std::function<void()> go_on,
                      std::function<void()> expired);
    InstallNumberStep(const InstallNumberStep&) = delete;
    InstallNumberStep& operator=(const InstallNumberStep&) = delete;

    /// Searches free numbers ending in the pattern field's digits.
    void search();
    /// Reserves number `index` of the list (releasing the one reserved before).
    void reserve(long index);
    /// Stops counting down the reservation (the order is accepted, or the install left).
    void stop_countdown();
    /// Releases the number reserved, if any, on the worker; nobody waits for it.
    void release();
    /// Forgets the number and the list, for the next line's number.
    void clear();
    void focus();

    [[nodiscard]] bool busy() const { return m_tasks.busy(); }
    /// The number held: reserved, or typed offline.
    [[nodiscard]] const std::optional<contract::NumberRecord>& number() const { return m_number; }

private:
    void tick();
    /// The field's label and hint for searching by ending digits (online) or typing the whole number (offline).
    void show_search(bool online);

    std::shared_ptr<PageBackend> m_backend;
    PanelTasks m_tasks;
    std::function<std::optional<std::string>()> m_exchange;
    InstallSay m_say;
    std::function<void()> m_go_on;
    std::function<void()> m_expired;

    std::vector<contract::NumberRecord> m_numbers;
    std::optional<contract::NumberRecord> m_number;

    wxStaticText* m_pattern_label = nullptr; ///< 尾号 while numbers can be searched, 号码 offline
    wxTextCtrl* m_pattern = nullptr;
    wxListCtrl* m_number_list = nullptr;
    wxStaticText* m_reservation = nullptr;
    wxTimer m_countdown;
};

} // namespace ui
