#pragma once
/// The 综合受理 page's search row: what the text is (ID number, service number, name, pre-accepted order), the text,
/// and the search it runs in the cache or at the back office. What it finds goes to the page's list.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/workflows/acceptance/identify_customer.h"

#include <functional>
#include <memory>
#include <variant>
#include <wx/panel.h>

class wxChoice;
class wxTextCtrl;

namespace ui {

class CustomerFinder : public wxPanel
{
public:
    using Answer = std::variant<workflows::FoundCustomers, domain::Problem, bss::CallError>;

    /// Runs its searches on the page's `worker`; `found(answer)` takes what each one found; `say(text, error)` tells
    /// the clerk in the page's message line.
    CustomerFinder(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                   std::function<void(Answer)> found, std::function<void(const wxString& text, bool error)> say);

    /// Searches for what the row holds.
    void search();
    /// Searches for `text` as `key`, showing both in the row.
    void find(workflows::CustomerKey key, const wxString& text);
    /// Makes the text the `index`th kind (Alt+1..4) and selects it for typing.
    void choose_key(int index);
    /// Focuses the text, selecting it for typing over when `select`.
    void focus(bool select = true);
    void clear();
    [[nodiscard]] bool busy() const { return m_pending > 0; }

private:
    std::shared_ptr<PageBackend> m_backend;
    PageWorker& m_worker;
    std::function<void(Answer)> m_found;
    std::function<void(const wxString&, bool)> m_say;
    int m_pending = 0;
    wxChoice* m_key = nullptr;
    wxTextCtrl* m_text = nullptr;
};

} // namespace ui
