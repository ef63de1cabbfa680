#include "client/ui/acceptance/acceptance_page.h"

#include "client/ui/acceptance/customer_box.h"
#include "client/ui/acceptance/customer_finder.h"
#include "client/ui/acceptance/customer_text.h"
#include "client/ui/acceptance/id_card_box.h"
#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/changes/account_change_panel.h"
#include "client/ui/changes/family_bundle_panel.h"
#include "client/ui/changes/install_panel.h"
#include "client/ui/changes/move_panel.h"
#include "client/ui/changes/vas_change_panel.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

namespace {

enum : int
{
    kIdKey1 = wxID_HIGHEST + 800,
    kIdKey2,
    kIdKey3,
    kIdKey4,
    kIdFocusSearch // then the service list's kServiceAddId and kServiceStartId
};

enum View : std::size_t
{
    kCustomerView,
    kBusinessView
};

/// What a failed search means for the clerk.
wxString find_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault && error.code() == "E_NOT_FOUND") {
        return _("No such customer at the back office.");
    }
    return call_error_text(error);
}

} // namespace

AcceptancePage::AcceptancePage(wxWindow* parent, PageServices services, std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "acceptance_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_wake(std::move(wake))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_finder->focus(false);
}

AcceptancePage::~AcceptancePage() = default;

void AcceptancePage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    const auto say = [this](const wxString& text, bool error) { set_message(text, error); };
    m_finder = new CustomerFinder(
        this, m_backend, m_worker, [this](CustomerFinder::Answer answer) { show_found(std::move(answer)); }, say);
    top->Add(m_finder, 0, wxEXPAND | wxALL, 8);
    m_banner = new Banner(this, "customer_offline_banner");
    top->Add(m_banner, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    m_message = new StatusLine(this, wxID_ANY, _("Place the ID card on the reader, or type and press Enter."),
                               wxDefaultPosition, wxDefaultSize, 0, "customer_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    m_book = new wxSimplebook(this, wxID_ANY);
    m_book->AddPage(build_customer_view(m_book), wxString());
    top->Add(m_book, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    Bind(wxEVT_CHAR_HOOK, &AcceptancePage::on_key, this);
    wxAcceleratorEntry keys[] = {
        {wxACCEL_ALT, '1', kIdKey1}, {wxACCEL_ALT, '2', kIdKey2},         {wxACCEL_ALT, '3', kIdKey3},
        {wxACCEL_ALT, '4', kIdKey4}, {wxACCEL_CTRL, 'F', kIdFocusSearch}, {wxACCEL_NORMAL, WXK_F9, kServiceStartId},
    };
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    for (int i = 0; i < 4; ++i) {
        Bind(
            wxEVT_MENU, [this, i](wxCommandEvent&) { m_finder->choose_key(i); }, kIdKey1 + i);
    }
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_finder->focus(); }, kIdFocusSearch);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { start_acceptance(); }, kServiceStartId);
}

wxWindow* AcceptancePage::build_customer_view(wxWindow* parent)
{
    auto* view = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "customer_view");
    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    // Left: the card as read, the customers found, the chosen customer.
    auto* left = new wxBoxSizer(wxVERTICAL);
    m_card = new IdCardBox(view);
    left->Add(m_card, 0, wxEXPAND | wxBOTTOM, 6);

    m_results = new wxListCtrl(view, wxID_ANY, wxDefaultPosition, wxSize(-1, 120), wxLC_REPORT | wxLC_SINGLE_SEL,
                               wxDefaultValidator, "customer_results");
    m_results->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 140);
    m_results->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 70);
    m_results->AppendColumn(_("Main certificate"), wxLIST_FORMAT_LEFT, 180);
    m_results->AppendColumn(_("Grade"), wxLIST_FORMAT_LEFT, 70);
    m_results->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 70);
    fill_last_column(m_results);
    left->Add(m_results, 1, wxEXPAND | wxBOTTOM, 6);
    m_results->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { choose(event.GetIndex()); });

    m_customer = new CustomerBox(view);
    left->Add(m_customer, 2, wxEXPAND);
    columns->Add(left, 3, wxEXPAND | wxRIGHT, 8);

    // Right: the service list.
    m_service_list = new ServiceListBox(
        view, [this](const wxString& text, bool error) { set_message(text, error); }, [this] { start_acceptance(); });
    columns->Add(m_service_list, 2, wxEXPAND);
    view->SetSizer(columns);
    return view;
}

void AcceptancePage::on_key(wxKeyEvent& event)
{
    if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers() && !business_open()) {
        m_finder->clear();
        set_message(wxString());
        m_finder->focus(false);
        return;
    }
    event.Skip();
}

void AcceptancePage::find(workflows::CustomerKey key, const wxString& text)
{
    m_finder->find(key, text);
}

void AcceptancePage::show_found(std::variant<workflows::FoundCustomers, domain::Problem, bss::CallError> answer)
{
    m_results->DeleteAllItems();
    m_found.clear();
    if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
        set_message(problem_text(*problem), true);
        m_finder->focus(false);
        return;
    }
    if (const auto* error = std::get_if<bss::CallError>(&answer)) {
        set_message(find_error_text(*error), true);
        return;
    }
    auto& found = std::get<workflows::FoundCustomers>(answer);
    m_banner->show_text(found.from_cache
                            ? _("The back office cannot be reached: these are the copies this counter keeps. Orders "
                                "are queued and sent when it is back.")
                            : wxString());
    m_found = std::move(found.customers);
    for (const auto& customer : m_found) {
        const long row = m_results->InsertItem(m_results->GetItemCount(), shown_name(customer));
        m_results->SetItem(row, 1, customer.kind == "group" ? _("Group") : _("Person"));
        m_results->SetItem(row, 2, main_certificate(customer));
        m_results->SetItem(row, 3, grade_text(customer.grade));
        m_results->SetItem(row, 4, customer_status_text(customer.status));
    }
    if (m_found.empty()) {
        set_message(_("No customer found. Check what was typed, or open a new customer."), true);
        return;
    }
    // TRANSLATORS: %zu is how many customers were found.
    set_message(wxString::Format(_("%zu found. Enter opens the one selected."), m_found.size()));
    m_results->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    if (m_found.size() == 1) {
        choose(0);
    } else {
        m_results->SetFocus();
    }
}

void AcceptancePage::choose(long index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_found.size()) {
        return;
    }
    const std::string customer_id = m_found[static_cast<std::size_t>(index)].customer_id;
    set_message(_("Opening the customer..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, customer_id] {
            workflows::IdentifyCustomer identify(*backend);
            return identify.picture(customer_id);
        },
        [this](std::variant<workflows::CustomerPicture, bss::CallError> answer) { show_picture(std::move(answer)); },
        [this](const wxString& text) { set_message(text, true); });
}

void AcceptancePage::show_picture(std::variant<workflows::CustomerPicture, bss::CallError> answer)
{
    if (const auto* error = std::get_if<bss::CallError>(&answer)) {
        set_message(find_error_text(*error), true);
        return;
    }
    m_picture = std::move(std::get<workflows::CustomerPicture>(answer));
    m_customer->show(*m_picture);
    set_message(
        wxString::Format(_("Customer %s. Add services to the list, then F9."), shown_name(m_picture->view.customer)));
    m_service_list->focus();
    m_book->GetPage(kCustomerView)->Layout();
}

void AcceptancePage::on_card(const idcard::ReaderEvent& event)
{
    switch (event.kind) {
    case idcard::ReaderEventKind::card_placed:
        set_message(_("Reading the card..."));
        return;
    case idcard::ReaderEventKind::card_read:
        if (event.verification) {
            show_card(*event.verification);
        }
        return;
    case idcard::ReaderEventKind::error:
        set_message(_("The card could not be read. Lift it and place it again."), true);
        return;
    default:
        return;
    }
}

void AcceptancePage::show_card(const idcard::Verification& verification)
{
    m_card->show(verification);
    m_book->GetPage(kCustomerView)->Layout();
    if (!verification.identity) {
        set_message(_("This card cannot be relied on: see why above."), true);
        return;
    }
    find(workflows::CustomerKey::id_number, wxString::FromUTF8(verification.card.id_number));
}

std::optional<domain::Problem> AcceptancePage::add_service(const std::string& code, int quantity)
{
    return m_service_list->add(code, quantity);
}

const domain::ServiceList& AcceptancePage::services() const
{
    return m_service_list->services();
}

bool AcceptancePage::busy() const
{
    return m_pending > 0 || m_finder->busy() || (m_install != nullptr && m_install->busy()) ||
           (m_move != nullptr && m_move->busy()) || (m_change != nullptr && m_change->busy());
}

std::optional<contract::ServiceRecord> AcceptancePage::chosen_line() const
{
    if (!m_picture) {
        return std::nullopt;
    }
    return m_customer->chosen_line(*m_picture);
}

void AcceptancePage::start_acceptance()
{
    if (business_open()) {
        return;
    }
    if (!m_picture) {
        set_message(_("Identify the customer first: place the card or search."), true);
        m_finder->focus(false);
        return;
    }
    if (services().empty()) {
        set_message(_("Add a service to the list first."), true);
        m_service_list->focus();
        return;
    }
    if (!m_picture->from_cache && m_picture->view.blacklisted) {
        set_message(_("This customer is blacklisted: no new business may be accepted."), true);
        return;
    }
    const auto& first = services().services().front();
    if (first.code == "FIXED_INSTALL") {
        m_install = new InstallPanel(
            m_book, m_backend, m_worker, m_picture->view.customer, first.quantity,
            [this](bool accepted) { close_business("FIXED_INSTALL", accepted); }, m_wake);
        open_business(m_install, _("Fixed-line install: follow the steps; Esc goes back."));
        m_install->start();
        return;
    }
    if (first.code == "LINE_MOVE") {
        const auto line = chosen_line();
        if (!line) {
            set_message(m_picture->view.services.empty()
                            ? _("This customer has no line to move.")
                            : _("Select the line to move in the customer's services, then F9."),
                        true);
            m_customer->focus_services();
            return;
        }
        m_move = new MovePanel(
            m_book, m_backend, m_worker,
            workflows::LineRef{m_picture->view.customer.customer_id, line->service_number, line->billing_account_id},
            [this](bool accepted) { close_business("LINE_MOVE", accepted); }, m_wake);
        open_business(m_move, _("Line move: choose the new address; Esc goes back."));
        return;
    }
    start_change(first.code);
}

void AcceptancePage::start_change(const std::string& code)
{
    const auto line = chosen_line();
    if (!line) {
        set_message(m_picture->view.services.empty()
                        ? _("This customer has no line to change.")
                        : _("Select the line to change in the customer's services, then F9."),
                    true);
        m_customer->focus_services();
        return;
    }
    workflows::LineRef ref{m_picture->view.customer.customer_id, line->service_number, line->billing_account_id};
    auto finished = [this, code](bool accepted) { close_business(code, accepted); };
    if (code == "VAS_CHANGE") {
        m_change = new VasChangePanel(m_book, m_backend, m_worker, std::move(ref), finished, m_wake);
        open_business(m_change, _("Value-added change: tick what to add and what to cancel; Esc goes back."));
    } else if (code == "ACCOUNT_CHANGE") {
        m_change = new AccountChangePanel(m_book, m_backend, m_worker, std::move(ref), finished, m_wake);
        open_business(m_change, _("Account change: choose the account or the way of paying; Esc goes back."));
    } else if (code == "FAMILY_BUNDLE") {
        m_change = new FamilyBundlePanel(m_book, m_backend, m_worker, std::move(ref), finished, m_wake);
        open_business(m_change, _("Family bundle: type the family numbers; Esc goes back."));
    } else {
        // Every service the list offers (service_offers) has its panel above; this is a list from a newer version.
        set_message(_("This business cannot be started from the service list here. Remove it from the list to go on."),
                    true);
    }
}

void AcceptancePage::open_business(wxWindow* panel, const wxString& message)
{
    m_book->AddPage(panel, wxString());
    m_book->SetSelection(kBusinessView);
    set_message(message);
}

void AcceptancePage::close_business(const std::string& code, bool accepted)
{
    wxWindow* panel = m_install != nullptr ? static_cast<wxWindow*>(m_install)
                      : m_move != nullptr  ? static_cast<wxWindow*>(m_move)
                                           : m_change;
    if (panel == nullptr) {
        return;
    }
    m_book->SetSelection(kCustomerView);
    // Deleted later: this runs from one of the panel's own handlers.
    m_install = nullptr;
    m_move = nullptr;
    m_change = nullptr;
    m_book->RemovePage(kBusinessView);
    panel->Hide();
    CallAfter([panel] { panel->Destroy(); });
    if (accepted) {
        m_service_list->remove(code);
        set_message(_("Accepted. The order is queued for the back office; see it under Order inquiry (F5)."));
    } else {
        set_message(_("The business was left; nothing was accepted."));
    }
    m_service_list->focus();
}

void AcceptancePage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
