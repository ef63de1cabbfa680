#pragma once
/// 综合受理: the page a counter works from. Identify the customer (place the ID card, or search by ID number, service
/// number, name or pre-accepted order number), see the customer panel (grade, status, services, open orders,
/// arrears, blacklist), build the service list (服务清单: 入网 / 变更 / 费用 services with quantities, none twice)
/// and start the acceptance, which opens the business's own step-by-step panel in place of the panel.
/// Keyboard: focus starts in the search field, Enter searches, Alt+1..4 picks what the text is, Enter on a result
/// opens it, Alt+D adds the chosen service, F9 starts the acceptance, Esc goes back a level.
/// The search row, the card's box, the customer's box and the service list are panels of their own
/// (CustomerFinder, IdCardBox, CustomerBox, ServiceListBox); the page ties them together and opens the businesses.

#include "client/ui/acceptance/service_list_box.h"
#include "client/ui/base/card_consumer.h"
#include "client/ui/base/page_services.h"
#include "client/ui/base/page_task.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/acceptance/identify_customer.h"
#include "domain/service_list.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxListCtrl;
class wxSimplebook;
class wxStaticText;

namespace ui {

class Banner;
class ChangePanel;
class CustomerBox;
class CustomerFinder;
class IdCardBox;
class InstallPanel;
class MovePanel;

class AcceptancePage : public wxPanel, public CardConsumer
{
public:
    AcceptancePage(wxWindow* parent, PageServices services, std::function<void()> wake = {});
    ~AcceptancePage() override;
    AcceptancePage(const AcceptancePage&) = delete;
    AcceptancePage& operator=(const AcceptancePage&) = delete;

    /// Searches for `text` as `key` (also what the search row does).
    void find(workflows::CustomerKey key, const wxString& text);
    /// Opens the customer panel for result `index` of the last search.
    void choose(long index);
    /// A card read identifies its holder: the card's fields and verification are shown, and its number searched.
    void on_card(const idcard::ReaderEvent& event) override;

    /// Adds a service to the list; the problem (already chosen, bad quantity) is shown and returned.
    std::optional<domain::Problem> add_service(const std::string& code, int quantity);
    /// Starts the acceptance of the list's first business for the shown customer.
    void start_acceptance();

    [[nodiscard]] bool busy() const;
    [[nodiscard]] const std::vector<contract::CustomerRecord>& found() const { return m_found; }
    [[nodiscard]] const std::optional<workflows::CustomerPicture>& picture() const { return m_picture; }
    [[nodiscard]] const domain::ServiceList& services() const;
    /// The install panel while an install is under way, else null.
    [[nodiscard]] InstallPanel* install_panel() const { return m_install; }
    /// The move panel while a move is under way, else null.
    [[nodiscard]] MovePanel* move_panel() const { return m_move; }
    /// The panel of a value-added, account or family-bundle change while one is under way, else null.
    [[nodiscard]] ChangePanel* change_panel() const { return m_change; }

private:
    void build();
    wxWindow* build_customer_view(wxWindow* parent);
    void show_found(std::variant<workflows::FoundCustomers, domain::Problem, bss::CallError> answer);
    void show_picture(std::variant<workflows::CustomerPicture, bss::CallError> answer);
    void show_card(const idcard::Verification& verification);
    void set_message(const wxString& text, bool error = false);
    void open_business(wxWindow* panel, const wxString& message);
    void close_business(const std::string& code, bool accepted);
    /// Opens the change panel for `code` (VAS_CHANGE, ACCOUNT_CHANGE, FAMILY_BUNDLE) on the chosen line.
    void start_change(const std::string& code);
    [[nodiscard]] bool business_open() const
    {
        return m_install != nullptr || m_move != nullptr || m_change != nullptr;
    }
    /// The line a change applies to: the one selected in the customer's services, else the only active one.
    [[nodiscard]] std::optional<contract::ServiceRecord> chosen_line() const;
    void on_key(wxKeyEvent& event);

    std::shared_ptr<PageBackend> m_backend;
    std::function<void()> m_wake;
    std::vector<contract::CustomerRecord> m_found;
    std::optional<workflows::CustomerPicture> m_picture;
    int m_pending = 0;

    CustomerFinder* m_finder = nullptr;
    StatusLine* m_message = nullptr;
    Banner* m_banner = nullptr;
    wxSimplebook* m_book = nullptr;
    IdCardBox* m_card = nullptr;
    wxListCtrl* m_results = nullptr;
    CustomerBox* m_customer = nullptr;
    ServiceListBox* m_service_list = nullptr;
    InstallPanel* m_install = nullptr;
    MovePanel* m_move = nullptr;
    ChangePanel* m_change = nullptr;

    PageWorker m_worker; ///< last: joined first, before the widgets and backend go
};

} // namespace ui
