#pragma once
/// The install's last step: the order accepted, and its acceptance form archived as PDF and previewed for printing
/// (for the customer to sign).

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/changes/install_step.h"
#include "client/workflows/orders/order_desk.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <wx/panel.h>

class wxButton;
class wxStaticText;

namespace ui {

class InstallAcceptedStep : public wxPanel
{
public:
    /// Runs its calls on the page's `worker`; the preview opens over `owner` (the install panel, so it goes when the
    /// install does); its Print button asks `print_asked()`; `go_on()` once the form is archived (the Next button
    /// takes the focus).
    InstallAcceptedStep(wxWindow* parent, wxWindow* owner, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                        InstallSay say, std::function<void()> print_asked, std::function<void()> go_on);
    InstallAcceptedStep(const InstallAcceptedStep&) = delete;
    InstallAcceptedStep& operator=(const InstallAcceptedStep&) = delete;

    /// Says `order` is accepted for `number`, and where it goes next.
    void show(const workflows::AcceptedOrder& order, const std::string& number);
    /// Archives the acceptance form of order `local_id` as PDF and previews it.
    void print(const std::string& local_id);
    /// Forgets the form archived (the next line has its own).
    void forget_printed() { m_printed.reset(); }
    void focus();

    [[nodiscard]] bool busy() const { return m_tasks.busy(); }
    [[nodiscard]] const std::optional<std::filesystem::path>& printed() const { return m_printed; }

private:
    wxWindow* m_owner;
    std::shared_ptr<PageBackend> m_backend;
    PanelTasks m_tasks;
    InstallSay m_say;
    std::function<void()> m_go_on;
    std::optional<std::filesystem::path> m_printed;

    wxStaticText* m_result = nullptr;
    wxButton* m_print = nullptr;
};

} // namespace ui
