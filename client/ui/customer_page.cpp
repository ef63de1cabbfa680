#include "client/ui/customer_page.h"

#include "client/ui/error_text.h"
#include "client/ui/install_panel.h"
#include "client/ui/move_panel.h"
#include "client/ui/account_change_panel.h"
#include "client/ui/family_bundle_panel.h"
#include "client/ui/vas_change_panel.h"
#include "client/ui/order_tracking_page.h"
#include "client/ui/page_widgets.h"
#include "client/ui/problem_text.h"
#include "domain/masking.h"

#include <algorithm>
#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/mstream.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbmp.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

enum : int
{
    kIdKey1 = wxID_HIGHEST + 800,
    kIdKey2,
    kIdKey3,
    kIdKey4,
    kIdFocusSearch,
    kIdAddService,
    kIdStart
};

enum View : std::size_t
{
    kCustomerView,
    kBusinessView
};

constexpr workflows::CustomerKey kKeys[] = {workflows::CustomerKey::id_number, workflows::CustomerKey::service_number,
                                            workflows::CustomerKey::name, workflows::CustomerKey::order_id};

wxString grade_text(const std::string& grade)
{
    if (grade == "diamond") {
        return _("Diamond");
    }
    if (grade == "gold") {
        return _("Gold");
    }
    if (grade == "silver") {
        return _("Silver");
    }
    if (grade == "ordinary") {
        return _("Ordinary");
    }
    return wxString::FromUTF8(grade);
}

wxString customer_status_text(const std::string& status)
{
    if (status == "active") {
        return _("Active");
    }
    if (status == "suspended") {
        return _("Suspended");
    }
    if (status == "closed") {
        return _("Closed");
    }
    return wxString::FromUTF8(status);
}

wxString category_text(domain::ServiceCategory category)
{
    switch (category) {
    case domain::ServiceCategory::new_service:
        return _("New service");
    case domain::ServiceCategory::change:
        return _("Change");
    case domain::ServiceCategory::fee:
        return _("Fees");
    }
    return {};
}

/// A person's name is masked in lists; a group's is public.
wxString shown_name(const contract::CustomerRecord& customer)
{
    return wxString::FromUTF8(customer.kind == "individual" ? domain::mask_name(customer.name) : customer.name);
}

wxString main_certificate(const contract::CustomerRecord& customer)
{
    for (const auto& certificate : customer.certificates) {
        if (certificate.main) {
            return wxString::FromUTF8(domain::mask_id_number(certificate.number));
        }
    }
    return customer.certificates.empty() ? wxString()
                                         : wxString::FromUTF8(domain::mask_id_number(customer.certificates[0].number));
}

/// A card's YYYYMMDD as YYYY-MM-DD; other text (长期) as it is.
wxString card_date(const std::string& text)
{
    if (text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return wxString::FromUTF8(text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2));
    }
    return wxString::FromUTF8(text);
}

/// What a failed search means for the clerk.
wxString find_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault && error.code() == "E_NOT_FOUND") {
        return _("No such customer at the back office.");
    }
    return call_error_text(error);
}

/// The card's decoded photo (a BMP), or an invalid bitmap when there is none or it does not read.
wxBitmap photo_bitmap(const idcard::Bytes& bmp)
{
    if (bmp.empty()) {
        return wxNullBitmap;
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_BMP) == nullptr) {
        wxImage::AddHandler(new wxBMPHandler);
    }
    wxMemoryInputStream stream(bmp.data(), bmp.size());
    const wxImage image(stream, wxBITMAP_TYPE_BMP);
    return image.IsOk() ? wxBitmap(image) : wxNullBitmap;
}

} // namespace

const std::vector<ServiceOffer>& service_offers()
{
    static const std::vector<ServiceOffer> offers{
        {"FIXED_INSTALL", domain::ServiceCategory::new_service, wxTRANSLATE("Fixed-line install")},
        {"LINE_MOVE", domain::ServiceCategory::change, wxTRANSLATE("Line move")},
        {"VAS_CHANGE", domain::ServiceCategory::change, wxTRANSLATE("Value-added change")},
        {"ACCOUNT_CHANGE", domain::ServiceCategory::change, wxTRANSLATE("Account change")},
        {"FAMILY_BUNDLE", domain::ServiceCategory::change, wxTRANSLATE("Family bundle")},
        {"PAYMENT", domain::ServiceCategory::fee, wxTRANSLATE("Payment")},
    };
    return offers;
}

const ServiceOffer* find_offer(std::string_view code)
{
    const auto& offers = service_offers();
    const auto found = std::ranges::find(offers, code, [](const ServiceOffer& offer) { return std::string_view(offer.code); });
    return found == offers.end() ? nullptr : &*found;
}

CustomerPage::CustomerPage(wxWindow* parent, PageServices services, std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "customer_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_wake(std::move(wake))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_text->SetFocus();
}

CustomerPage::~CustomerPage() = default;

void CustomerPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    build_search(top);
    m_banner = new Banner(this, "customer_offline_banner");
    top->Add(m_banner, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    m_message = new wxStaticText(this, wxID_ANY, _("Place the ID card on the reader, or type and press Enter."),
                                 wxDefaultPosition, wxDefaultSize, 0, "customer_message");
    top->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    m_book = new wxSimplebook(this, wxID_ANY);
    m_book->AddPage(build_customer_view(m_book), wxString());
    top->Add(m_book, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    Bind(wxEVT_CHAR_HOOK, &CustomerPage::on_key, this);
    wxAcceleratorEntry keys[] = {
        {wxACCEL_ALT, '1', kIdKey1},        {wxACCEL_ALT, '2', kIdKey2},   {wxACCEL_ALT, '3', kIdKey3},
        {wxACCEL_ALT, '4', kIdKey4},        {wxACCEL_CTRL, 'F', kIdFocusSearch},
        {wxACCEL_NORMAL, WXK_F9, kIdStart},
    };
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    for (int i = 0; i < 4; ++i) {
        Bind(
            wxEVT_MENU,
            [this, i](wxCommandEvent&) {
                m_key->SetSelection(i);
                m_text->SetFocus();
                m_text->SelectAll();
            },
            kIdKey1 + i);
    }
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            m_text->SetFocus();
            m_text->SelectAll();
        },
        kIdFocusSearch);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { start_acceptance(); }, kIdStart);
}

void CustomerPage::build_search(wxSizer* top)
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Find by:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_key = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                         "customer_key");
    m_key->Append(_("ID number (Alt+1)"));
    m_key->Append(_("Service number (Alt+2)"));
    m_key->Append(_("Name (Alt+3)"));
    m_key->Append(_("Pre-accepted order (Alt+4)"));
    m_key->SetSelection(0);
    row->Add(m_key, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(300, -1), wxTE_PROCESS_ENTER,
                            wxDefaultValidator, "customer_search");
    m_text->SetHint(_("Type, then Enter"));
    row->Add(m_text, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    auto* go = new wxButton(this, wxID_ANY, _("&Search"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "customer_search_button");
    row->Add(go, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(row, 0, wxEXPAND | wxALL, 8);
    m_text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { search(); });
    m_key->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { m_text->SetFocus(); });
}

wxWindow* CustomerPage::build_customer_view(wxWindow* parent)
{
    auto* view = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
                             "customer_view");
    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    // Left: the card as read, the customers found, the chosen customer.
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* card_box = new wxStaticBoxSizer(wxVERTICAL, view, _("ID card"));
    auto* card_row = new wxBoxSizer(wxHORIZONTAL);
    // The chip's photo, for comparing with the person (人证比对), when the counter can decode it.
    m_photo = new wxStaticBitmap(card_box->GetStaticBox(), wxID_ANY, wxNullBitmap, wxDefaultPosition,
                                 wxSize(102, 126), 0, "customer_photo");
    m_photo->Hide();
    card_row->Add(m_photo, 0, wxRIGHT, 8);
    m_card = new wxStaticText(card_box->GetStaticBox(), wxID_ANY, _("No card read."), wxDefaultPosition,
                              wxDefaultSize, 0, "customer_card");
    card_row->Add(m_card, 1, wxEXPAND);
    card_box->Add(card_row, 0, wxEXPAND | wxALL, 4);
    left->Add(card_box, 0, wxEXPAND | wxBOTTOM, 6);

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

    auto* panel_box = new wxStaticBoxSizer(wxVERTICAL, view, _("Customer"));
    m_summary = new wxStaticText(panel_box->GetStaticBox(), wxID_ANY, _("Nobody chosen yet."), wxDefaultPosition,
                                 wxDefaultSize, 0, "customer_summary");
    panel_box->Add(m_summary, 0, wxEXPAND | wxALL, 4);
    m_flags = new wxStaticText(panel_box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                               "customer_flags");
    panel_box->Add(m_flags, 0, wxEXPAND | wxALL, 4);
    m_held = new wxListCtrl(panel_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxSize(-1, 110),
                            wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "customer_services");
    m_held->AppendColumn(_("Service number"), wxLIST_FORMAT_LEFT, 130);
    m_held->AppendColumn(_("Product"), wxLIST_FORMAT_LEFT, 160);
    m_held->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 90);
    fill_last_column(m_held);
    panel_box->Add(m_held, 1, wxEXPAND | wxALL, 4);
    left->Add(panel_box, 2, wxEXPAND);
    columns->Add(left, 3, wxEXPAND | wxRIGHT, 8);

    // Right: the service list.
    auto* list_box = new wxStaticBoxSizer(wxVERTICAL, view, _("Service list"));
    auto* add_row = new wxBoxSizer(wxHORIZONTAL);
    m_offer = new wxChoice(list_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                           wxDefaultValidator, "service_offer");
    for (const auto& offer : service_offers()) {
        m_offer->Append(wxString::Format("%s - %s", category_text(offer.category), wxGetTranslation(offer.label)));
    }
    m_offer->SetSelection(0);
    add_row->Add(m_offer, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    m_quantity = new wxSpinCtrl(list_box->GetStaticBox(), wxID_ANY, "1", wxDefaultPosition, wxSize(110, -1),
                                wxSP_ARROW_KEYS, 1, domain::ServiceList::kMaxQuantity, 1, "service_quantity");
    add_row->Add(m_quantity, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    auto* add = new wxButton(list_box->GetStaticBox(), kIdAddService, _("A&dd service"), wxDefaultPosition,
                             wxDefaultSize, 0, wxDefaultValidator, "service_add");
    add_row->Add(add, 0, wxALIGN_CENTER_VERTICAL);
    list_box->Add(add_row, 0, wxEXPAND | wxALL, 4);
    m_chosen = new wxListCtrl(list_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxSize(-1, 160),
                              wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "service_chosen");
    m_chosen->AppendColumn(_("Service"), wxLIST_FORMAT_LEFT, 170);
    m_chosen->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 90);
    m_chosen->AppendColumn(_("Quantity"), wxLIST_FORMAT_RIGHT, 70);
    fill_last_column(m_chosen);
    list_box->Add(m_chosen, 1, wxEXPAND | wxALL, 4);
    auto* remove = new wxButton(list_box->GetStaticBox(), wxID_ANY, _("&Remove"), wxDefaultPosition, wxDefaultSize,
                                0, wxDefaultValidator, "service_remove");
    m_start = new wxButton(list_box->GetStaticBox(), kIdStart, _("Start acceptance (F9)"), wxDefaultPosition,
                           wxDefaultSize, 0, wxDefaultValidator, "service_start");
    auto* button_row = new wxBoxSizer(wxHORIZONTAL);
    button_row->Add(remove, 0, wxRIGHT, 6);
    button_row->AddStretchSpacer();
    button_row->Add(m_start, 0);
    list_box->Add(button_row, 0, wxEXPAND | wxALL, 4);
    columns->Add(list_box, 2, wxEXPAND);
    view->SetSizer(columns);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int index = m_offer->GetSelection();
        if (index >= 0) {
            add_service(service_offers()[static_cast<std::size_t>(index)].code, m_quantity->GetValue());
        }
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long index = m_chosen->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (index >= 0 && static_cast<std::size_t>(index) < m_services.services().size()) {
            m_services.remove(m_services.services()[static_cast<std::size_t>(index)].code);
            refresh_services();
        }
    });
    m_start->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_acceptance(); });
    m_quantity->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        const int index = m_offer->GetSelection();
        if (index >= 0) {
            add_service(service_offers()[static_cast<std::size_t>(index)].code, m_quantity->GetValue());
        }
    });
    refresh_services();
    return view;
}

void CustomerPage::on_key(wxKeyEvent& event)
{
    if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers() && !business_open()) {
        m_text->Clear();
        set_message(wxString());
        m_text->SetFocus();
        return;
    }
    event.Skip();
}

void CustomerPage::search()
{
    const int index = m_key->GetSelection();
    find(kKeys[index < 0 ? 0 : index], m_text->GetValue());
}

void CustomerPage::find(workflows::CustomerKey key, const wxString& text)
{
    m_key->SetSelection(static_cast<int>(key));
    if (m_text->GetValue() != text) {
        m_text->ChangeValue(text);
    }
    const std::string value = text.Strip(wxString::both).utf8_string();
    set_message(_("Searching..."));
    ++m_pending;
    m_worker.run(
        [backend = m_backend, key, value] {
            const auto& services = backend->services();
            workflows::IdentifyCustomer identify(backend->sql(), backend->client(), services.staff, services.clock);
            auto answer = identify.find(key, value);
            if (const auto* error = std::get_if<bss::CallError>(&answer);
                error != nullptr && error->kind == bss::FailureKind::fault && error->code() == "E_SESSION") {
                backend->drop_client();
            }
            return answer;
        },
        [this](std::variant<workflows::FoundCustomers, domain::Problem, bss::CallError> answer) {
            --m_pending;
            show_found(std::move(answer));
        },
        [this](const std::string& what) {
            --m_pending;
            set_message(wxString::Format(_("The search failed: %s"), wxString::FromUTF8(what)), true);
        });
}

void CustomerPage::show_found(std::variant<workflows::FoundCustomers, domain::Problem, bss::CallError> answer)
{
    m_results->DeleteAllItems();
    m_found.clear();
    if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
        set_message(problem_text(*problem), true);
        m_text->SetFocus();
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

void CustomerPage::choose(long index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_found.size()) {
        return;
    }
    const std::string customer_id = m_found[static_cast<std::size_t>(index)].customer_id;
    set_message(_("Opening the customer..."));
    ++m_pending;
    m_worker.run(
        [backend = m_backend, customer_id] {
            const auto& services = backend->services();
            workflows::IdentifyCustomer identify(backend->sql(), backend->client(), services.staff, services.clock);
            return identify.picture(customer_id);
        },
        [this](std::variant<workflows::CustomerPicture, bss::CallError> answer) {
            --m_pending;
            show_picture(std::move(answer));
        },
        [this](const std::string& what) {
            --m_pending;
            set_message(wxString::Format(_("The customer could not be opened: %s"), wxString::FromUTF8(what)), true);
        });
}

void CustomerPage::show_picture(std::variant<workflows::CustomerPicture, bss::CallError> answer)
{
    if (const auto* error = std::get_if<bss::CallError>(&answer)) {
        set_message(find_error_text(*error), true);
        return;
    }
    m_picture = std::move(std::get<workflows::CustomerPicture>(answer));
    const auto& view = m_picture->view;
    const auto& customer = view.customer;
    wxString summary = wxString::Format(_("%s    Grade: %s    Status: %s"), shown_name(customer),
                                        grade_text(customer.grade), customer_status_text(customer.status));
    summary += "\n" + wxString::Format(_("Main certificate: %s"), main_certificate(customer));
    if (customer.contact_phone) {
        summary += "    " + wxString::Format(_("Contact: %s"),
                                             wxString::FromUTF8(domain::mask_phone(*customer.contact_phone)));
    }
    if (customer.address) {
        summary += "\n" + wxString::Format(_("Address: %s"),
                                           wxString::FromUTF8(domain::mask_address(*customer.address)));
    }
    m_summary->SetLabel(summary);

    wxString flags;
    bool warn = false;
    if (m_picture->from_cache) {
        flags = _("Arrears, blacklist and services need the back office: not known offline.");
    } else {
        if (view.blacklisted) {
            flags += _("BLACKLISTED: no new business may be accepted. ");
            warn = true;
        }
        if (view.arrears.fen() > 0) {
            flags += wxString::Format(_("Arrears: %s, to be paid first. "),
                                      wxString::FromUTF8(view.arrears.format()));
            warn = true;
        } else {
            flags += _("No arrears. ");
        }
        // TRANSLATORS: %zu is how many orders of the customer are not finished.
        flags += wxString::Format(_("Open orders: %zu."), view.open_orders.size());
    }
    m_flags->SetLabel(flags);
    m_flags->SetForegroundColour(warn ? wxColour(0xB0, 0x00, 0x20) : GetForegroundColour());

    m_held->DeleteAllItems();
    for (const auto& service : view.services) {
        const long row = m_held->InsertItem(m_held->GetItemCount(), wxString::FromUTF8(service.service_number));
        m_held->SetItem(row, 1, wxString::FromUTF8(service.offering_id));
        m_held->SetItem(row, 2, customer_status_text(service.status));
    }
    set_message(wxString::Format(_("Customer %s. Add services to the list, then F9."), shown_name(customer)));
    m_offer->SetFocus();
    m_book->GetPage(kCustomerView)->Layout();
}

void CustomerPage::on_card(const idcard::ReaderEvent& event)
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

void CustomerPage::show_card(const idcard::Verification& verification)
{
    const auto& card = verification.card;
    wxString text = wxString::Format(_("%s    ID %s"), wxString::FromUTF8(card.name),
                                     wxString::FromUTF8(domain::mask_id_number(card.id_number)));
    text += "\n" + wxString::Format(_("Valid %s to %s"), card_date(card.valid_from), card_date(card.valid_to));
    m_photo->Hide();
    if (verification.identity) {
        text += "\n" + _("Verified: the card is genuine and valid today.");
        m_card->SetForegroundColour(wxColour(0x1B, 0x5E, 0x20));
        if (const auto photo = photo_bitmap(verification.identity->photo_bmp); photo.IsOk()) {
            m_photo->SetBitmap(photo);
            m_photo->Show();
        } else {
            text += "\n" + _("No photo on screen (no decoder here): compare the card's own photo with the holder.");
        }
    } else {
        for (const auto& problem : verification.problems) {
            text += "\n" + problem_text(problem);
        }
        m_card->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
    }
    m_card->SetLabel(text);
    m_book->GetPage(kCustomerView)->Layout();
    if (!verification.identity) {
        set_message(_("This card cannot be relied on: see why above."), true);
        return;
    }
    find(workflows::CustomerKey::id_number, wxString::FromUTF8(card.id_number));
}

std::optional<domain::Problem> CustomerPage::add_service(const std::string& code, int quantity)
{
    const auto* offer = find_offer(code);
    if (offer == nullptr) {
        return std::nullopt;
    }
    auto problem = m_services.add(domain::ChosenService{code, offer->category, quantity});
    if (problem) {
        set_message(problem_text(*problem), true);
    } else {
        set_message(_("Added. F9 starts the acceptance."));
    }
    refresh_services();
    return problem;
}

void CustomerPage::refresh_services()
{
    m_chosen->DeleteAllItems();
    for (const auto& chosen : m_services.services()) {
        const auto* offer = find_offer(chosen.code);
        const wxString label = offer == nullptr ? wxString::FromUTF8(chosen.code) : wxGetTranslation(offer->label);
        const long row = m_chosen->InsertItem(m_chosen->GetItemCount(), label);
        m_chosen->SetItem(row, 1, category_text(chosen.category));
        m_chosen->SetItem(row, 2, wxString::Format("%d", chosen.quantity));
    }
    m_start->Enable(!m_services.empty());
}

bool CustomerPage::busy() const
{
    return m_pending > 0 || (m_install != nullptr && m_install->busy()) || (m_move != nullptr && m_move->busy()) ||
           (m_change != nullptr && m_change->busy());
}

std::optional<contract::ServiceRecord> CustomerPage::chosen_line() const
{
    if (!m_picture) {
        return std::nullopt;
    }
    const auto& services = m_picture->view.services;
    const long selected = m_held->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected >= 0 && static_cast<std::size_t>(selected) < services.size()) {
        return services[static_cast<std::size_t>(selected)];
    }
    std::optional<contract::ServiceRecord> active;
    for (const auto& service : services) {
        if (service.status == "active") {
            if (active) {
                return std::nullopt; // several: the clerk chooses
            }
            active = service;
        }
    }
    return active;
}

void CustomerPage::start_acceptance()
{
    if (business_open()) {
        return;
    }
    if (!m_picture) {
        set_message(_("Identify the customer first: place the card or search."), true);
        m_text->SetFocus();
        return;
    }
    if (m_services.empty()) {
        set_message(_("Add a service to the list first."), true);
        m_offer->SetFocus();
        return;
    }
    if (!m_picture->from_cache && m_picture->view.blacklisted) {
        set_message(_("This customer is blacklisted: no new business may be accepted."), true);
        return;
    }
    const auto& first = m_services.services().front();
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
            m_held->SetFocus();
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

void CustomerPage::start_change(const std::string& code)
{
    const auto line = chosen_line();
    if (!line) {
        set_message(m_picture->view.services.empty()
                        ? _("This customer has no line to change.")
                        : _("Select the line to change in the customer's services, then F9."),
                    true);
        m_held->SetFocus();
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
        set_message(_("This business opens in a later version of the workstation. Remove it from the list to go on."),
                    true);
    }
}

void CustomerPage::open_business(wxWindow* panel, const wxString& message)
{
    m_book->AddPage(panel, wxString());
    m_book->SetSelection(kBusinessView);
    set_message(message);
}

void CustomerPage::close_business(const std::string& code, bool accepted)
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
        m_services.remove(code);
        refresh_services();
        set_message(_("Accepted. The order is queued for the back office; see it under Order inquiry (F5)."));
    } else {
        set_message(_("The business was left; nothing was accepted."));
    }
    m_offer->SetFocus();
}

void CustomerPage::set_message(const wxString& text, bool error)
{
    m_message->SetLabel(text);
    m_message->SetForegroundColour(error ? wxColour(0xB0, 0x00, 0x20) : GetForegroundColour());
    m_message->Refresh();
}

} // namespace ui
