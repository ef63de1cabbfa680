#pragma once
/// 固话新装 at the counter, step by step in the 综合受理 page: products (one basic product, value-added ones ticked),
/// the standard address and its resource check (with the nearby alternatives when the building is full), the number
/// (search by ending digits, reserve with a countdown), then the appointment, the fees and the money taken, and the
/// order accepted and its acceptance form archived as PDF. A quantity of N repeats the number and fee steps per line.
/// Offline, the catalog and addresses come from the cache, the checks are left to the back office and the order is
/// queued provisionally. Keyboard: Enter acts in each field (search, choose, reserve), Alt+N next, Alt+B back,
/// Alt+A accepts, Alt+P prints, Esc leaves (releasing a reserved number).
/// Each step is a panel of its own with its widgets and calls (install_products_step.h to install_accepted_step.h);
/// this one leads the clerk through them and accepts the order with what they hold.

#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/changes/fixed_line_install.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxSimplebook;
class wxStaticText;

namespace ui {

class InstallAcceptedStep;
class InstallAddressStep;
class InstallFeesStep;
class InstallNumberStep;
class InstallProductsStep;

class InstallPanel : public wxPanel
{
public:
    enum Step : std::size_t
    {
        kProducts,
        kAddress,
        kNumber,
        kFees,
        kDone
    };

    /// Runs its calls on the page's `worker` with the page's `backend` (the cache session lives on that thread).
    /// `finished(accepted)` runs when the clerk leaves; `wake` tells the sync worker something was queued.
    InstallPanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                 contract::CustomerRecord customer, int lines, std::function<void(bool accepted)> finished,
                 std::function<void()> wake);
    InstallPanel(const InstallPanel&) = delete;
    InstallPanel& operator=(const InstallPanel&) = delete;

    /// Loads the catalog and shows the first step.
    void start();

    void next();
    void back();
    /// Searches buildings for the address field's text.
    void search_addresses();
    /// Chooses building `index` of the list (or alternative `index` when `alternative`) and checks its resources.
    void choose_address(long index, bool alternative = false);
    /// Searches free numbers ending in the pattern field's digits.
    void search_numbers();
    /// Reserves number `index` of the list.
    void reserve(long index);
    /// Accepts the order with the fees and money shown.
    void accept();
    /// Archives the acceptance form of the order just accepted as PDF.
    void print();
    /// Leaves the install (a reserved number is released).
    void leave();

    [[nodiscard]] Step step() const { return m_step; }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] const std::vector<workflows::AcceptedOrder>& accepted() const { return m_accepted; }
    [[nodiscard]] const std::optional<std::filesystem::path>& printed() const;
    [[nodiscard]] wxString message() const;

private:
    void build();
    void show_step(Step step);
    void show_fees();
    [[nodiscard]] std::optional<workflows::InstallChoice> choice(wxString& why) const;
    void set_message(const wxString& text, bool error = false);
    void on_key(wxKeyEvent& event);

    std::shared_ptr<PageBackend> m_backend;
    PanelTasks m_tasks;
    contract::CustomerRecord m_customer;
    int m_lines = 1;
    std::function<void(bool)> m_finished;
    std::function<void()> m_wake;
    Step m_step = kProducts;

    std::optional<contract::CatalogGetResponse> m_catalog;
    std::vector<workflows::AcceptedOrder> m_accepted;

    wxStaticText* m_title = nullptr;
    StatusLine* m_message = nullptr;
    wxSimplebook* m_book = nullptr;
    /// The steps, one page of the book each, in order.
    InstallProductsStep* m_products = nullptr;
    InstallAddressStep* m_address = nullptr;
    InstallNumberStep* m_number = nullptr;
    InstallFeesStep* m_fees = nullptr;
    InstallAcceptedStep* m_done = nullptr;
    wxButton* m_back = nullptr;
    wxButton* m_next = nullptr;
    wxButton* m_accept = nullptr;
};

} // namespace ui
