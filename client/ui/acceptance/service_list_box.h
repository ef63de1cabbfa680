#pragma once
/// The 综合受理 page's service list (服务清单): the services the counter offers, those chosen for the customer with
/// their quantities (none twice), and the button that starts their acceptance.

#include "domain/problem.h"
#include "domain/service_list.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <wx/defs.h>
#include <wx/panel.h>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxSpinCtrl;

namespace ui {

/// A service the list offers (服务清单), with the business that accepts it.
struct ServiceOffer
{
    const char* code; ///< domain::ChosenService::code
    domain::ServiceCategory category;
    const char* label; ///< msgid
};

/// Every service the list offers, in the order shown.
const std::vector<ServiceOffer>& service_offers();
/// The offer with this code, or null.
const ServiceOffer* find_offer(std::string_view code);

/// The box's Add and Start buttons; the page's F9 runs kServiceStartId as its command too.
enum : int
{
    kServiceAddId = wxID_HIGHEST + 805,
    kServiceStartId
};

class ServiceListBox : public wxPanel
{
public:
    /// `say(text, error)` tells how adding went in the page's message line; `start()` starts the acceptance.
    ServiceListBox(wxWindow* parent, std::function<void(const wxString& text, bool error)> say,
                   std::function<void()> start);

    /// Adds a service; the problem (already chosen, bad quantity) is said and returned.
    std::optional<domain::Problem> add(const std::string& code, int quantity);
    /// Takes a service off the list (it was accepted).
    void remove(const std::string& code);
    [[nodiscard]] const domain::ServiceList& services() const { return m_services; }
    void focus();

private:
    void add_chosen_offer();
    void refresh();

    std::function<void(const wxString&, bool)> m_say;
    domain::ServiceList m_services;
    wxChoice* m_offer = nullptr;
    wxSpinCtrl* m_quantity = nullptr;
    wxListCtrl* m_chosen = nullptr;
    wxButton* m_start = nullptr;
};

} // namespace ui
