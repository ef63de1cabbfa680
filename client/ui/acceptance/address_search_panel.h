#pragma once
/// The standard-address search every business with an address uses (新装, 移机): part of the building's address,
/// Enter, then Enter on a building of the list chooses it. Runs on the page's worker (the cache session lives there);
/// offline the cache answers with the buildings this counter has seen. Field names are `<prefix>_address_text` and
/// `<prefix>_addresses`, so tests and screen readers find them per business.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/workflows/workstation/records.h"

#include <functional>
#include <memory>
#include <vector>
#include <wx/panel.h>

class wxListCtrl;
class wxTextCtrl;

namespace ui {

class AddressSearchPanel : public wxPanel
{
public:
    using Chosen = std::function<void(const contract::AddressNode&)>;
    /// `say(text, error)` shows how the search went in the owner's message line.
    using Say = std::function<void(const wxString& text, bool error)>;

    AddressSearchPanel(wxWindow* parent, const char* prefix, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                       Chosen chosen, Say say);
    ~AddressSearchPanel() override;
    AddressSearchPanel(const AddressSearchPanel&) = delete;
    AddressSearchPanel& operator=(const AddressSearchPanel&) = delete;

    /// Searches buildings for what the field holds.
    void search();
    /// Chooses building `index` of the list.
    void choose(long index);
    void focus();
    [[nodiscard]] bool busy() const { return m_tasks.busy(); }

private:
    std::shared_ptr<PageBackend> m_backend;
    Chosen m_chosen;
    Say m_say;
    PanelTasks m_tasks;
    std::vector<contract::AddressNode> m_addresses;
    wxTextCtrl* m_text = nullptr;
    wxListCtrl* m_list = nullptr;
};

} // namespace ui
