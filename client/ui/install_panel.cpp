#include "client/ui/install_panel.h"

#include "client/store/settings.h"
#include "client/ui/address_search_panel.h"
#include "client/ui/error_text.h"
#include "client/ui/form_preview_dialog.h"
#include "client/ui/attribute_editor.h"
#include "client/ui/page_widgets.h"
#include "client/ui/problem_text.h"
#include "client/workflows/no_answer.h"
#include "client/workflows/order_forms.h"
#include "client/workflows/print_desk.h"
#include "domain/masking.h"

#include <cstdlib>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

enum : int
{
    kIdNext = wxID_HIGHEST + 900,
    kIdBack,
    kIdAccept,
    kIdPrint
};

/// Payment methods as the contract names them, in the order offered.
constexpr const char* kMethods[] = {"cash", "bankCard", "wechat", "alipay"};

/// What the back office's refusal of a step means, and what to do.
wxString step_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault) {
        const auto code = error.code();
        if (code == "E_NUMBER_TAKEN") {
            return _("Another counter has just taken this number. Choose another.");
        }
        if (code == "E_NO_RESOURCE") {
            return _("No free port at this building. Choose one of the alternatives.");
        }
        if (code == "E_NOT_FOUND" && error.param("reason") == "catalog") {
            return _("No catalog is known yet: the back office must be reached once to load it.");
        }
    }
    return call_error_text(error);
}


wxStaticText* step_heading(wxWindow* parent, const wxString& text)
{
    auto* heading = new wxStaticText(parent, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold());
    return heading;
}

wxListCtrl* report_list(wxWindow* parent, const char* name, int height)
{
    return new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, height), wxLC_REPORT | wxLC_SINGLE_SEL,
                          wxDefaultValidator, name);
}

/// A form archived and laid out for the printer with its calibrated offsets, or why not (a printing error's code
/// and parameters, for IT).
struct Printed
{
    std::filesystem::path archive;
    std::shared_ptr<printing::Layout> layout;
    printing::Offsets offsets;
    std::string error;
};


} // namespace

InstallPanel::InstallPanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                           contract::CustomerRecord customer, int lines, std::function<void(bool)> finished,
                           std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_panel"),
      m_backend(std::move(backend)), m_worker(worker), m_customer(std::move(customer)), m_lines(std::max(lines, 1)),
      m_finished(std::move(finished)), m_wake(std::move(wake)), m_countdown(this)
{
    build();
}

InstallPanel::~InstallPanel()
{
    *m_alive = false;
}

template <typename Work, typename Done> void InstallPanel::run(Work work, Done done)
{
    run_counted(m_worker, m_pending, m_alive, std::move(work), std::move(done),
                [this](const wxString& text) { set_message(text, true); });
}

void InstallPanel::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_title");
    m_title->SetFont(m_title->GetFont().Bold().Larger());
    top->Add(m_title, 0, wxALL, 4);
    m_message = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 4);

    m_book = new wxSimplebook(this, wxID_ANY);
    m_book->AddPage(build_products(m_book), wxString());
    m_book->AddPage(build_address(m_book), wxString());
    m_book->AddPage(build_number(m_book), wxString());
    m_book->AddPage(build_fees(m_book), wxString());
    m_book->AddPage(build_done(m_book), wxString());
    top->Add(m_book, 1, wxEXPAND | wxALL, 4);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* leave_button = new wxButton(this, wxID_CANCEL, _("Leave (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "install_leave");
    m_back = new wxButton(this, kIdBack, _("&Back"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "install_back");
    m_next = new wxButton(this, kIdNext, _("&Next"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          "install_next");
    m_accept = new wxButton(this, kIdAccept, _("&Accept"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "install_accept");
    buttons->Add(leave_button, 0, wxRIGHT, 6);
    buttons->AddStretchSpacer();
    buttons->Add(m_back, 0, wxRIGHT, 6);
    buttons->Add(m_next, 0, wxRIGHT, 6);
    buttons->Add(m_accept, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 4);
    SetSizer(top);

    leave_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { leave(); });
    m_back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back(); });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next(); });
    m_accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); });
    Bind(wxEVT_CHAR_HOOK, &InstallPanel::on_key, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
}

wxWindow* InstallPanel::build_products(wxWindow* parent)
{
    auto* page = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_products");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(step_heading(page, _("1. Products")), 0, wxBOTTOM, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, _("Basic product:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_basic = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxSize(360, -1), 0, nullptr, 0, wxDefaultValidator,
                           "install_basic");
    row->Add(m_basic, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxBOTTOM, 8);
    sizer->Add(new wxStaticText(page, wxID_ANY, _("Value-added services (Space ticks):")), 0, wxBOTTOM, 4);
    m_vas_list = new wxCheckListBox(page, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), 0, nullptr, 0,
                                    wxDefaultValidator, "install_vas");
    sizer->Add(m_vas_list, 1, wxEXPAND);
    m_attributes = new AttributeEditor(page, "install_attribute");
    sizer->Add(m_attributes, 0, wxEXPAND | wxTOP, 6);
    page->SetSizer(sizer);
    m_vas_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) { show_attributes(event.GetSelection()); });
    m_vas_list->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) { show_attributes(event.GetSelection()); });
    return page;
}

wxWindow* InstallPanel::build_address(wxWindow* parent)
{
    auto* page = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_address");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(step_heading(page, _("2. Standard address and resources")), 0, wxBOTTOM, 6);
    m_address_search = new AddressSearchPanel(
        page, "install", m_backend, m_worker, [this](const contract::AddressNode& node) { check_address(node); },
        [this](const wxString& text, bool error) { set_message(text, error); });
    sizer->Add(m_address_search, 1, wxEXPAND | wxBOTTOM, 6);
    m_resource = new wxStaticText(page, wxID_ANY, _("Choose a building: Enter checks its ports."), wxDefaultPosition,
                                  wxDefaultSize, 0, "install_resource");
    sizer->Add(m_resource, 0, wxEXPAND | wxBOTTOM, 6);
    m_alternative_list = report_list(page, "install_alternatives", 90);
    m_alternative_list->AppendColumn(_("Nearby alternative"), wxLIST_FORMAT_LEFT, 480);
    m_alternative_list->AppendColumn(_("Free ports"), wxLIST_FORMAT_RIGHT, 90);
    fill_last_column(m_alternative_list);
    sizer->Add(m_alternative_list, 0, wxEXPAND);
    page->SetSizer(sizer);

    m_alternative_list->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                             [this](wxListEvent& event) { choose_address(event.GetIndex(), true); });
    return page;
}

wxWindow* InstallPanel::build_number(wxWindow* parent)
{
    auto* page = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_number");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(step_heading(page, _("3. Number")), 0, wxBOTTOM, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, _("Ending digits:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_pattern = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(160, -1), wxTE_PROCESS_ENTER,
                               wxDefaultValidator, "install_number_pattern");
    m_pattern->SetHint(_("e.g. 88, then Enter"));
    row->Add(m_pattern, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxBOTTOM, 6);
    m_number_list = report_list(page, "install_numbers", 200);
    m_number_list->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, 160);
    m_number_list->AppendColumn(_("Exchange"), wxLIST_FORMAT_LEFT, 120);
    m_number_list->AppendColumn(_("Number fee (yuan)"), wxLIST_FORMAT_RIGHT, 140);
    fill_last_column(m_number_list);
    sizer->Add(m_number_list, 1, wxEXPAND | wxBOTTOM, 6);
    m_reservation = new wxStaticText(page, wxID_ANY, _("Enter on a number reserves it."), wxDefaultPosition,
                                     wxDefaultSize, 0, "install_reservation");
    sizer->Add(m_reservation, 0, wxEXPAND);
    page->SetSizer(sizer);

    m_pattern->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search_numbers(); });
    m_number_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { reserve(event.GetIndex()); });
    return page;
}

wxWindow* InstallPanel::build_fees(wxWindow* parent)
{
    auto* page = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_fees");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(step_heading(page, _("4. Appointment and fees")), 0, wxBOTTOM, 6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_appointment_on = new wxCheckBox(page, wxID_ANY, _("Appointment on:"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "install_appointment_on");
    row->Add(m_appointment_on, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_appointment = new wxDatePickerCtrl(page, wxID_ANY, wxDateTime::Today() + wxDateSpan::Day(), wxDefaultPosition,
                                         wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator,
                                         "install_appointment");
    m_appointment->SetRange(wxDateTime::Today(), wxDateTime::Today() + wxDateSpan::Months(3));
    m_appointment->Disable();
    row->Add(m_appointment, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxBOTTOM, 8);
    m_fee_list = report_list(page, "install_fee_list", 140);
    m_fee_list->AppendColumn(_("Fee"), wxLIST_FORMAT_LEFT, 300);
    m_fee_list->AppendColumn(_("Amount (yuan)"), wxLIST_FORMAT_RIGHT, 140);
    fill_last_column(m_fee_list);
    sizer->Add(m_fee_list, 1, wxEXPAND | wxBOTTOM, 6);
    m_total = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_total");
    m_total->SetFont(m_total->GetFont().Bold());
    sizer->Add(m_total, 0, wxBOTTOM, 6);
    auto* pay = new wxBoxSizer(wxHORIZONTAL);
    pay->Add(new wxStaticText(page, wxID_ANY, _("Paid by:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_method = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                            "install_method");
    m_method->Append(_("Cash"));
    m_method->Append(_("Bank card"));
    m_method->Append(_("WeChat Pay"));
    m_method->Append(_("Alipay"));
    m_method->SetSelection(0);
    pay->Add(m_method, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    pay->Add(new wxStaticText(page, wxID_ANY, _("Received (yuan):")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_received = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(120, -1), wxTE_PROCESS_ENTER,
                                wxDefaultValidator, "install_received");
    pay->Add(m_received, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(pay, 0);
    page->SetSizer(sizer);

    m_appointment_on->Bind(wxEVT_CHECKBOX,
                           [this](wxCommandEvent&) { m_appointment->Enable(m_appointment_on->GetValue()); });
    m_received->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { accept(); });
    return page;
}

wxWindow* InstallPanel::build_done(wxWindow* parent)
{
    auto* page = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "install_done");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(step_heading(page, _("5. Accepted")), 0, wxBOTTOM, 6);
    m_result = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "install_result");
    sizer->Add(m_result, 0, wxEXPAND | wxBOTTOM, 8);
    m_print = new wxButton(page, kIdPrint, _("&Print the acceptance form"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "install_print");
    sizer->Add(m_print, 0);
    page->SetSizer(sizer);
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    return page;
}

void InstallPanel::start()
{
    show_step(kProducts);
    set_message(_("Loading the catalog..."));
    run(
        [backend = m_backend] {
            const auto& services = backend->services();
            workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
            workflows::FixedLineInstall install(backend->sql(), backend->client(), desk, services.staff);
            return install.catalog();
        },
        [this](std::variant<contract::CatalogGetResponse, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(step_error_text(*error), true);
                return;
            }
            m_catalog = std::get<contract::CatalogGetResponse>(std::move(answer));
            show_catalog();
        });
}

void InstallPanel::show_attributes(int index)
{
    m_attributes->show(index >= 0 && static_cast<std::size_t>(index) < m_vas.size()
                           ? m_vas[static_cast<std::size_t>(index)]
                           : nullptr);
}

void InstallPanel::show_catalog()
{
    m_basics.clear();
    m_vas.clear();
    m_basic->Clear();
    m_vas_list->Clear();
    m_attributes->reset();
    for (const auto& offering : m_catalog->offerings) {
        const wxString label = offering_label(offering);
        if (offering.kind == "basic") {
            m_basics.push_back(&offering);
            m_basic->Append(label);
        } else if (offering.kind == "vas") {
            m_vas.push_back(&offering);
            m_vas_list->Append(label);
        }
    }
    if (!m_basics.empty()) {
        m_basic->SetSelection(0);
    }
    set_message(_("Choose the basic product and tick the value-added services, then Alt+N."));
    m_basic->SetFocus();
}

void InstallPanel::show_step(Step step)
{
    m_step = step;
    m_book->SetSelection(step);
    const int line = static_cast<int>(m_accepted.size()) + (step == kDone ? 0 : 1);
    m_title->SetLabel(m_lines > 1 ? wxString::Format(_("Fixed-line install, line %d of %d"), std::min(line, m_lines),
                                                     m_lines)
                                  : _("Fixed-line install"));
    m_back->Enable(step == kAddress || step == kNumber || step == kFees);
    m_next->Enable(step != kFees);
    m_next->SetLabel(step == kDone ? (static_cast<int>(m_accepted.size()) < m_lines ? _("&Next line") : _("&Finish"))
                                   : _("&Next"));
    m_accept->Enable(step == kFees);
    switch (step) {
    case kProducts:
        m_basic->SetFocus();
        break;
    case kAddress:
        m_address_search->focus();
        break;
    case kNumber:
        m_pattern->SetFocus();
        break;
    case kFees:
        show_fees();
        m_received->SetFocus();
        m_received->SelectAll();
        break;
    case kDone:
        m_print->SetFocus();
        break;
    }
    Layout();
}

void InstallPanel::next()
{
    switch (m_step) {
    case kProducts:
        if (!m_catalog || m_basic->GetSelection() < 0) {
            set_message(problem_text(domain::problem(domain::Errc::order_no_basic_product)), true);
            return;
        }
        for (unsigned i = 0; i < m_vas_list->GetCount(); ++i) {
            if (!m_vas_list->IsChecked(i)) {
                continue;
            }
            if (const auto problem = workflows::check_characteristics(*m_vas[i], m_attributes->values(*m_vas[i]))) {
                // The product whose attribute is missing is shown with its fields, for the clerk to fill in.
                m_vas_list->SetSelection(static_cast<int>(i));
                show_attributes(static_cast<int>(i));
                set_message(attribute_problem_text(*problem, *m_vas[i]), true);
                return;
            }
        }
        set_message(_("Type part of the building's address and press Enter."));
        show_step(m_address ? kNumber : kAddress);
        return;
    case kAddress:
        if (!m_address || !m_resources_ok) {
            set_message(_("Choose a building with a free port first."), true);
            return;
        }
        set_message(_("Type the digits the number should end with (or nothing) and press Enter."));
        show_step(kNumber);
        return;
    case kNumber:
        if (!m_number) {
            set_message(problem_text(domain::problem(domain::Errc::order_no_number)), true);
            return;
        }
        set_message(_("Check the fees with the customer, type what was received, then Alt+A."));
        show_step(kFees);
        return;
    case kFees:
        return;
    case kDone:
        if (static_cast<int>(m_accepted.size()) < m_lines) {
            m_number.reset();
            m_numbers.clear();
            m_number_list->DeleteAllItems();
            m_reservation->SetLabel(_("Enter on a number reserves it."));
            m_printed.reset();
            set_message(_("Same products and address: choose the next line's number."));
            show_step(kNumber);
            return;
        }
        m_finished(true);
        return;
    }
}

void InstallPanel::back()
{
    if (m_step == kAddress) {
        show_step(kProducts);
    } else if (m_step == kNumber) {
        show_step(m_accepted.empty() ? kAddress : kNumber);
    } else if (m_step == kFees) {
        show_step(kNumber);
    }
}

bool InstallPanel::busy() const
{
    return m_pending > 0 || (m_address_search != nullptr && m_address_search->busy());
}

void InstallPanel::search_addresses()
{
    m_address_search->search();
}

void InstallPanel::choose_address(long index, bool alternative)
{
    if (!alternative) {
        m_address_search->choose(index);
        return;
    }
    if (index < 0 || static_cast<std::size_t>(index) >= m_alternatives.size()) {
        return;
    }
    contract::AddressNode node;
    const auto& chosen = m_alternatives[static_cast<std::size_t>(index)];
    node.address_id = chosen.address_id;
    node.full_name = chosen.full_name;
    node.level = "building";
    check_address(node);
}

void InstallPanel::check_address(const contract::AddressNode& node)
{
    m_address = node;
    m_resources_ok = false;
    m_exchange.reset();
    m_resource->SetLabel(wxString::Format(_("Checking ports at %s..."), wxString::FromUTF8(node.full_name)));
    run(
        [backend = m_backend, id = node.address_id] {
            const auto& services = backend->services();
            workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
            workflows::FixedLineInstall install(backend->sql(), backend->client(), desk, services.staff);
            return install.check_resources(id);
        },
        [this](std::variant<contract::ResourceCheckResponse, bss::CallError> answer) {
            m_alternative_list->DeleteAllItems();
            m_alternatives.clear();
            const wxString where = wxString::FromUTF8(m_address->full_name);
            if (auto* error = std::get_if<bss::CallError>(&answer)) {
                if (workflows::no_answer(*error) || error->param("reason") == "offline") {
                    // The back office checks again when the order reaches it; the clerk tells the customer so.
                    m_resources_ok = true;
                    m_resource->SetLabel(wxString::Format(
                        _("%s: ports cannot be checked offline; the back office checks when the order is sent."),
                        where));
                    set_message(_("Alt+N goes on to the number."));
                    m_next->SetFocus();
                    return;
                }
                m_resource->SetLabel(step_error_text(*error));
                return;
            }
            auto& check = std::get<contract::ResourceCheckResponse>(answer);
            m_exchange = check.exchange;
            m_alternatives = std::move(check.alternatives);
            for (const auto& alt : m_alternatives) {
                const long row =
                    m_alternative_list->InsertItem(m_alternative_list->GetItemCount(), wxString::FromUTF8(alt.full_name));
                m_alternative_list->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(alt.free_ports)));
            }
            m_resources_ok = check.result != "fails";
            if (check.result == "fails") {
                m_resource->SetLabel(
                    wxString::Format(_("%s: no free port. Choose a nearby alternative below (Enter)."), where));
                m_resource->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
                if (!m_alternatives.empty()) {
                    m_alternative_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                                     wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
                    m_alternative_list->SetFocus();
                }
                return;
            }
            m_resource->SetForegroundColour(GetForegroundColour());
            // TRANSLATORS: first %s is the address, then the free ports and the exchange (局向).
            m_resource->SetLabel(wxString::Format(_("%s: %lld free ports, exchange %s."), where,
                                                  static_cast<long long>(check.free_ports),
                                                  wxString::FromUTF8(check.exchange.value_or("-"))));
            set_message(_("Ports available. Alt+N goes on to the number."));
            m_next->SetFocus();
        });
}

void InstallPanel::search_numbers()
{
    const std::string pattern = m_pattern->GetValue().Strip(wxString::both).utf8_string();
    set_message(_("Searching free numbers..."));
    run(
        [backend = m_backend, exchange = m_exchange, pattern] {
            const auto& services = backend->services();
            workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
            workflows::FixedLineInstall install(backend->sql(), backend->client(), desk, services.staff);
            return install.search_numbers(exchange, pattern.empty() ? std::nullopt : std::optional(pattern), 20);
        },
        [this, pattern](std::variant<std::vector<contract::NumberRecord>, bss::CallError> answer) {
            m_number_list->DeleteAllItems();
            m_numbers.clear();
            if (auto* error = std::get_if<bss::CallError>(&answer)) {
                if (workflows::no_answer(*error) || error->param("reason") == "offline") {
                    // Offline the number cannot be reserved: a full number typed here is taken as the customer's
                    // choice and the back office confirms it when the order is sent.
                    if (pattern.size() >= 7) {
                        m_number = contract::NumberRecord{pattern, m_exchange.value_or(std::string()), "free", {}, {}};
                        m_reservation->SetLabel(wxString::Format(
                            _("Offline: %s will be confirmed by the back office when the order is sent."),
                            wxString::FromUTF8(pattern)));
                        set_message(_("Alt+N goes on to the fees."));
                        m_next->SetFocus();
                        return;
                    }
                    set_message(_("Numbers cannot be searched offline: type the full number the customer chose."),
                                true);
                    return;
                }
                set_message(step_error_text(*error), true);
                return;
            }
            m_numbers = std::get<std::vector<contract::NumberRecord>>(std::move(answer));
            for (const auto& number : m_numbers) {
                const long row = m_number_list->InsertItem(m_number_list->GetItemCount(),
                                                           wxString::FromUTF8(number.number));
                m_number_list->SetItem(row, 1, wxString::FromUTF8(number.exchange));
                m_number_list->SetItem(row, 2, yuan(number.fee));
            }
            if (m_numbers.empty()) {
                set_message(_("No free number ends in these digits. Try others."), true);
                return;
            }
            set_message(_("Enter reserves the number selected."));
            m_number_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_number_list->SetFocus();
        });
}

void InstallPanel::reserve(long index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_numbers.size()) {
        return;
    }
    const std::string number = m_numbers[static_cast<std::size_t>(index)].number;
    std::optional<std::string> previous;
    if (m_number && m_number->reserved_until) {
        previous = m_number->number;
    }
    set_message(wxString::Format(_("Reserving %s..."), wxString::FromUTF8(number)));
    run(
        [backend = m_backend, number, previous] {
            const auto& services = backend->services();
            workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
            workflows::FixedLineInstall install(backend->sql(), backend->client(), desk, services.staff);
            if (previous && *previous != number) {
                install.release(*previous); // best effort: it expires anyway
            }
            return install.reserve(number);
        },
        [this](std::variant<contract::NumberRecord, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                set_message(step_error_text(*error), true);
                return;
            }
            m_number = std::get<contract::NumberRecord>(std::move(answer));
            tick();
            m_countdown.Start(1000);
            set_message(_("Reserved. Alt+N goes on to the fees."));
            m_next->SetFocus();
        });
}

void InstallPanel::tick()
{
    if (!m_number || !m_number->reserved_until) {
        m_countdown.Stop();
        return;
    }
    // The page's clock (the system's unless a test fixes it); the back office stamps the reservation with its own,
    // so the two are assumed to agree (NTP at both ends), as for every other time the counter shows.
    const auto& clock = m_backend->services().clock;
    const auto now = clock ? clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto left = (*m_number->reserved_until - now).count();
    if (left <= 0) {
        m_countdown.Stop();
        m_reservation->SetLabel(wxString::Format(_("The reservation of %s has expired: reserve a number again."),
                                                 wxString::FromUTF8(m_number->number)));
        m_reservation->SetForegroundColour(wxColour(0xB0, 0x00, 0x20));
        m_number.reset();
        if (m_step == kFees) {
            show_step(kNumber);
        }
        return;
    }
    // TRANSLATORS: %s is the number; then minutes and seconds left of its reservation.
    m_reservation->SetLabel(wxString::Format(_("%s reserved for you: %lld:%02lld left."),
                                             wxString::FromUTF8(m_number->number), static_cast<long long>(left / 60),
                                             static_cast<long long>(left % 60)));
    m_reservation->SetForegroundColour(left < 60 ? wxColour(0xB0, 0x00, 0x20) : GetForegroundColour());
}

std::optional<workflows::InstallChoice> InstallPanel::choice(wxString& why) const
{
    if (!m_catalog || m_basic->GetSelection() < 0) {
        why = problem_text(domain::problem(domain::Errc::order_no_basic_product));
        return std::nullopt;
    }
    workflows::InstallChoice choice;
    choice.customer_id = m_customer.customer_id;
    choice.address_id = m_address ? m_address->address_id : std::string();
    if (m_number) {
        choice.number = *m_number;
    }
    const auto add = [&](const contract::Offering& offering) {
        contract::OrderItem item;
        item.action = "add";
        item.offering_id = offering.offering_id;
        item.characteristics = m_attributes->values(offering);
        choice.products.push_back(std::move(item));
    };
    add(*m_basics[static_cast<std::size_t>(m_basic->GetSelection())]);
    for (unsigned i = 0; i < m_vas_list->GetCount(); ++i) {
        if (m_vas_list->IsChecked(i)) {
            add(*m_vas[i]);
        }
    }
    if (m_appointment_on->GetValue()) {
        const wxDateTime day = m_appointment->GetValue();
        choice.appointment = domain::make_date(day.GetYear(), static_cast<unsigned>(day.GetMonth()) + 1,
                                               static_cast<unsigned>(day.GetDay()));
    }
    return choice;
}

void InstallPanel::show_fees()
{
    m_fee_list->DeleteAllItems();
    m_fees.clear();
    wxString why;
    const auto chosen = choice(why);
    if (!chosen) {
        set_message(why, true);
        return;
    }
    auto fees = workflows::FixedLineInstall::fees(*chosen, *m_catalog);
    if (const auto* problem = std::get_if<domain::Problem>(&fees)) {
        set_message(problem_text(*problem), true);
        return;
    }
    m_fees = std::get<std::vector<contract::Fee>>(std::move(fees));
    domain::Money total;
    for (const auto& fee : m_fees) {
        const long row = m_fee_list->InsertItem(m_fee_list->GetItemCount(), wxString::FromUTF8(fee.name));
        m_fee_list->SetItem(row, 1, yuan(fee.amount));
        total += fee.amount;
    }
    m_total->SetLabel(wxString::Format(_("Total: %s yuan"), yuan(total)));
    m_received->ChangeValue(yuan(total));
}

void InstallPanel::accept()
{
    if (m_step != kFees || busy()) {
        return;
    }
    wxString why;
    auto chosen = choice(why);
    if (!chosen) {
        set_message(why, true);
        return;
    }
    domain::Money total;
    for (const auto& fee : m_fees) {
        total += fee.amount;
    }
    std::optional<workflows::PaymentTaken> payment;
    if (total.fen() > 0) {
        const auto received = domain::Money::parse(m_received->GetValue().Strip(wxString::both).utf8_string());
        if (!received) {
            set_message(problem_text(received.error()), true);
            m_received->SetFocus();
            return;
        }
        if (received->fen() != total.fen()) {
            set_message(wxString::Format(_("Take exactly %s yuan: the fees are paid in full at the counter."),
                                         yuan(total)),
                        true);
            m_received->SetFocus();
            m_received->SelectAll();
            return;
        }
        payment = workflows::PaymentTaken{*received, kMethods[std::max(m_method->GetSelection(), 0)]};
    }
    set_message(_("Accepting..."));
    m_accept->Disable();
    run(
        [backend = m_backend, chosen = std::move(*chosen), catalog = *m_catalog, payment] {
            const auto& services = backend->services();
            workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
            workflows::FixedLineInstall install(backend->sql(), backend->client(), desk, services.staff);
            return install.accept(chosen, catalog, payment);
        },
        [this](std::variant<workflows::AcceptedOrder, domain::Problem> answer) {
            if (const auto* problem = std::get_if<domain::Problem>(&answer)) {
                m_accept->Enable();
                set_message(problem_text(*problem), true);
                return;
            }
            m_countdown.Stop();
            const auto& order = std::get<workflows::AcceptedOrder>(answer);
            m_accepted.push_back(order);
            if (m_wake) {
                m_wake();
            }
            wxString text = wxString::Format(_("Order %s accepted for number %s."), wxString::FromUTF8(order.local_id),
                                             wxString::FromUTF8(m_number ? m_number->number : std::string()));
            text += "\n" + (order.awaiting_customer
                                ? _("It waits for the customer's opening to reach the back office, then goes.")
                                : _("It is queued and goes to the back office now; its number arrives with the answer."));
            m_result->SetLabel(text);
            set_message(_("Print the acceptance form for the customer to sign (Alt+P), then Alt+N."));
            show_step(kDone);
        });
}

void InstallPanel::print()
{
    if (m_accepted.empty() || busy()) {
        return;
    }
    const std::string order = m_accepted.back().local_id;
    set_message(_("Preparing the acceptance form..."));
    run(
        [backend = m_backend, order] {
            const auto& services = backend->services();
            workflows::PrintingCounter counter{store::Settings(backend->settings()).hall_name(), services.staff,
                                               services.staff_name, services.hall_id};
            Printed printed;
            auto built = workflows::acceptance_form(backend->sql(), counter, order);
            if (const auto* error = printing::error_of(built)) {
                printed.error = error->to_string();
                return printed;
            }
            const auto& document = std::get<workflows::FormDocument>(built);
            workflows::PrintDesk desk(backend->sql(), services.forms_folder, services.archive_folder,
                                      services.staff, services.clock);
            auto prepared = desk.prepare(document.form, document.data, document.options());
            if (const auto* error = printing::error_of(prepared)) {
                printed.error = error->to_string();
                return printed;
            }
            auto& form = std::get<workflows::PreparedForm>(prepared);
            printed.archive = form.archive;
            printed.offsets = calibrated_offsets(*backend, document.form);
            printed.layout = std::make_shared<printing::Layout>(std::move(form.layout));
            return printed;
        },
        [this](const Printed& answer) {
            if (!answer.error.empty()) {
                set_message(wxString::Format(_("The form could not be prepared (%s). Call IT."),
                                             wxString::FromUTF8(answer.error)),
                            true);
                return;
            }
            m_printed = answer.archive;
            set_message(wxString::Format(_("The acceptance form is archived as %s. Print it from the preview; "
                                           "Alt+N goes on."),
                                         wxString::FromUTF8(m_printed->string())));
            m_next->SetFocus();
            page_preview(m_backend->services().prompts, this, *answer.layout, answer.offsets);
        });
}

void InstallPanel::leave()
{
    m_countdown.Stop();
    if (m_number && m_number->reserved_until && m_step != kDone) {
        // Released on the worker; nobody waits for it (a reservation expires by itself anyway).
        m_worker.run(
            [backend = m_backend, number = m_number->number] {
                const auto& services = backend->services();
                workflows::OrderDesk desk(backend->sql(), services.workstation_id, services.clock);
                workflows::FixedLineInstall install(backend->sql(), backend->client(), desk, services.staff);
                return install.release(number).has_value();
            },
            [](bool) {}, {});
    }
    m_finished(!m_accepted.empty());
}

wxString InstallPanel::message() const
{
    return m_message->GetLabel();
}

void InstallPanel::set_message(const wxString& text, bool error)
{
    m_message->SetLabel(text);
    m_message->SetForegroundColour(error ? wxColour(0xB0, 0x00, 0x20) : GetForegroundColour());
    m_message->Refresh();
}

void InstallPanel::on_key(wxKeyEvent& event)
{
    if (event.GetKeyCode() == WXK_ESCAPE && !event.HasAnyModifiers()) {
        leave();
        return;
    }
    event.Skip();
}

} // namespace ui
