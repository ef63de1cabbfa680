#pragma once
/// The install's second step: the standard address (the building searched and chosen) and its resource check, with
/// the nearby alternatives when the building has no free port. Offline the ports are left to the back office.

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

class wxListCtrl;
class wxStaticText;

namespace ui {

class AddressSearchPanel;

class InstallAddressStep : public wxPanel
{
public:
    /// Runs its calls on the page's `worker`; `go_on()` when a building may be installed at (the Next button takes
    /// the focus).
    InstallAddressStep(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker, InstallSay say,
                       std::function<void()> go_on);
    InstallAddressStep(const InstallAddressStep&) = delete;
    InstallAddressStep& operator=(const InstallAddressStep&) = delete;

    /// Searches buildings for the address field's text.
    void search();
    /// Chooses building `index` of the list (or alternative `index` when `alternative`) and checks its resources.
    void choose(long index, bool alternative);
    void focus();

    [[nodiscard]] bool busy() const;
    /// The building chosen (checked or being checked).
    [[nodiscard]] const std::optional<contract::AddressNode>& address() const { return m_address; }
    /// The exchange (局向) serving it, when the check has told.
    [[nodiscard]] const std::optional<std::string>& exchange() const { return m_exchange; }
    /// Whether it has a free port (or cannot be checked offline).
    [[nodiscard]] bool resources_ok() const { return m_resources_ok; }

private:
    /// Checks the ports at the chosen building `node`.
    void check(const contract::AddressNode& node);

    std::shared_ptr<PageBackend> m_backend;
    PanelTasks m_tasks;
    InstallSay m_say;
    std::function<void()> m_go_on;

    std::vector<contract::AlternativeAddress> m_alternatives;
    std::optional<contract::AddressNode> m_address;
    std::optional<std::string> m_exchange;
    bool m_resources_ok = false;

    AddressSearchPanel* m_address_search = nullptr;
    wxStaticText* m_resource = nullptr;
    wxListCtrl* m_alternative_list = nullptr;
};

} // namespace ui
