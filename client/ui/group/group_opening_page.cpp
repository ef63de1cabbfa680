#include "client/ui/group/group_opening_page.h"

#include "client/ui/base/error_text.h"
#include "client/ui/base/page_widgets.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/forms/form_preview_dialog.h"
#include "client/ui/forms/form_printing.h"
#include "client/workflows/forms/group_opening_form.h"
#include "client/workflows/workstation/local_clock.h"
#include "domain/masking.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

namespace ui {

namespace {

enum : int
{
    kIdOpen = wxID_HIGHEST + 1100,
    kIdMain,
    kIdClear
};

constexpr domain::GroupType kTypes[] = {domain::GroupType::key_account, domain::GroupType::sme,
                                        domain::GroupType::other};
constexpr domain::CertificateKind kKinds[] = {
    domain::CertificateKind::business_licence, domain::CertificateKind::org_code_certificate,
    domain::CertificateKind::public_institution, domain::CertificateKind::introduction_letter,
    domain::CertificateKind::personal_id};

wxString kind_text(domain::CertificateKind kind)
{
    switch (kind) {
    case domain::CertificateKind::business_licence:
        return _("Business licence");
    case domain::CertificateKind::org_code_certificate:
        return _("Organisation code certificate");
    case domain::CertificateKind::public_institution:
        return _("Public institution certificate");
    case domain::CertificateKind::introduction_letter:
        return _("Introduction letter");
    case domain::CertificateKind::personal_id:
        return _("Personal ID");
    }
    return {};
}

/// A text field that moves on to the next one on Enter (`enter` runs first when given).
wxTextCtrl* entry(wxWindow* parent, const char* name, int width, std::function<void()> enter = {})
{
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1), wxTE_PROCESS_ENTER,
                                 wxDefaultValidator, name);
    field->Bind(wxEVT_TEXT_ENTER, [field, enter = std::move(enter)](wxCommandEvent&) {
        if (enter) {
            enter();
        }
        field->Navigate();
    });
    return field;
}

} // namespace

GroupOpeningPage::GroupOpeningPage(wxWindow* parent, PageServices services, std::function<void()> wake)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "group_opening_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services))), m_wake(std::move(wake))
{
    build();
    m_worker.set_on_stop([backend = m_backend] { backend->cancel(); });
    m_name->SetFocus();
}

GroupOpeningPage::~GroupOpeningPage() = default;

void GroupOpeningPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    const auto label = [this](const wxString& text) { return new wxStaticText(this, wxID_ANY, text); };

    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    auto* name_row = new wxBoxSizer(wxHORIZONTAL);
    m_name = entry(this, "group_name", 360);
    m_name->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        event.Skip();
        check_name();
    });
    name_row->Add(m_name, 0, wxRIGHT, 8);
    m_name_state =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "group_name_state");
    name_row->Add(m_name_state, 1, wxALIGN_CENTER_VERTICAL);
    grid->Add(label(_("Group name:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(name_row, 0, wxEXPAND);

    auto* type_row = new wxBoxSizer(wxHORIZONTAL);
    m_type =
        new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator, "group_type");
    m_type->Append(_("Key account"));
    m_type->Append(_("Small or medium enterprise"));
    m_type->Append(_("Other"));
    m_type->SetSelection(0);
    type_row->Add(m_type, 0, wxRIGHT, 12);
    type_row->Add(label(_("Sales grid:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_grid = entry(this, "group_grid", 160);
    type_row->Add(m_grid, 0);
    grid->Add(label(_("Type:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(type_row, 0);

    m_managers = entry(this, "group_managers", 240);
    m_managers->SetHint(_("staff IDs, e.g. 3001, 3002"));
    grid->Add(label(_("Customer managers:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_managers, 0);
    m_address = entry(this, "group_address", 480);
    grid->Add(label(_("Address:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_address, 0, wxEXPAND);
    m_phone = entry(this, "group_phone", 200);
    grid->Add(label(_("Contact phone:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_phone, 0);
    top->Add(grid, 0, wxEXPAND | wxALL, 8);

    auto* certificates = new wxStaticBoxSizer(wxVERTICAL, this, _("Certificates"));
    auto* box = certificates->GetStaticBox();
    auto* add_row = new wxBoxSizer(wxHORIZONTAL);
    m_kind = new wxChoice(box, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                          "group_certificate_kind");
    for (const auto kind : kKinds) {
        m_kind->Append(kind_text(kind));
    }
    m_kind->SetSelection(0);
    add_row->Add(m_kind, 0, wxRIGHT, 6);
    m_number = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, wxSize(260, -1), wxTE_PROCESS_ENTER,
                              wxDefaultValidator, "group_certificate_number");
    m_number->SetHint(_("Number, then Enter"));
    add_row->Add(m_number, 0, wxRIGHT, 6);
    auto* add = new wxButton(box, wxID_ANY, _("A&dd certificate"), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "group_certificate_add");
    add_row->Add(add, 0, wxRIGHT, 6);
    auto* main = new wxButton(box, kIdMain, _("&Mark as main"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                              "group_certificate_main");
    add_row->Add(main, 0, wxRIGHT, 6);
    auto* remove = new wxButton(box, wxID_ANY, _("&Remove"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                "group_certificate_remove");
    add_row->Add(remove, 0);
    certificates->Add(add_row, 0, wxALL, 4);
    m_certificate_list = new wxListCtrl(box, wxID_ANY, wxDefaultPosition, wxSize(-1, 120),
                                        wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "group_certificates");
    m_certificate_list->AppendColumn(_("Main"), wxLIST_FORMAT_CENTER, 60);
    m_certificate_list->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 220);
    m_certificate_list->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, 260);
    fill_last_column(m_certificate_list);
    certificates->Add(m_certificate_list, 1, wxEXPAND | wxALL, 4);
    top->Add(certificates, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    m_message = new StatusLine(this, wxID_ANY, _("Type the group's name; it is checked when you leave the field."),
                               wxDefaultPosition, wxDefaultSize, 0, "group_message");
    top->Add(m_message, 0, wxEXPAND | wxALL, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* clear = new wxButton(this, kIdClear, _("Clear (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "group_clear");
    m_print = new wxButton(this, wxID_ANY, _("&Print the opening form"), wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, "group_print");
    m_print->Disable();
    m_open = new wxButton(this, kIdOpen, _("&Open the group (Ctrl+Enter)"), wxDefaultPosition, wxDefaultSize, 0,
                          wxDefaultValidator, "group_open");
    buttons->Add(clear, 0);
    buttons->AddStretchSpacer();
    buttons->Add(m_print, 0, wxRIGHT, 6);
    buttons->Add(m_open, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    m_type->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_grid(); });
    m_number->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add_certificate(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_certificate(); });
    main->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        mark_main(m_certificate_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long index = m_certificate_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (index >= 0 && static_cast<std::size_t>(index) < m_certificates.size()) {
            m_certificates.erase(m_certificates.begin() + index);
            refresh_certificates();
        }
    });
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, WXK_RETURN, kIdOpen}, {wxACCEL_NORMAL, WXK_ESCAPE, kIdClear}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { open(); }, kIdOpen);
    const auto clear_all = [this] {
        for (auto* field : {m_name, m_grid, m_managers, m_address, m_phone, m_number}) {
            field->ChangeValue(wxString());
        }
        m_certificates.clear();
        m_name_check.reset();
        m_checked_name.clear();
        m_name_state->SetLabel(wxString());
        refresh_certificates();
        set_message(_("Type the group's name; it is checked when you leave the field."));
        m_name->SetFocus();
    };
    Bind(
        wxEVT_MENU, [clear_all](wxCommandEvent&) { clear_all(); }, kIdClear);
    clear->Bind(wxEVT_BUTTON, [clear_all](wxCommandEvent&) { clear_all(); });
    update_grid();
}

void GroupOpeningPage::update_grid()
{
    // Key accounts are never in a grid; the field says so by being off.
    const bool key_account = kTypes[std::max(m_type->GetSelection(), 0)] == domain::GroupType::key_account;
    if (key_account) {
        m_grid->ChangeValue(wxString());
    }
    m_grid->Enable(!key_account);
}

void GroupOpeningPage::check_name()
{
    const std::string name = m_name->GetValue().Strip(wxString::both).utf8_string();
    if (name.empty() || name == m_checked_name) {
        return;
    }
    m_checked_name = name;
    m_name_state->SetLabel(_("Checking the name..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, name] {
            workflows::OpenGroupCustomer opening(*backend);
            return opening.check_group_name(name);
        },
        [this](std::variant<workflows::GroupNameCheck, bss::CallError> answer) {
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                m_name_state->SetLabel(call_error_text(*error));
                m_name_state->SetForegroundColour(problem_colour());
                return;
            }
            m_name_check = std::get<workflows::GroupNameCheck>(answer);
            switch (m_name_check->status) {
            case workflows::GroupNameCheck::Status::free:
                m_name_state->SetLabel(_("The name is free."));
                m_name_state->SetForegroundColour(wxColour(0x1B, 0x5E, 0x20));
                break;
            case workflows::GroupNameCheck::Status::exists:
                m_name_state->SetLabel(
                    wxString::Format(_("A customer of this name already exists (%s)."),
                                     wxString::FromUTF8(m_name_check->existing_customer_id.value_or(""))));
                m_name_state->SetForegroundColour(problem_colour());
                break;
            case workflows::GroupNameCheck::Status::unknown:
                m_name_state->SetLabel(_("Not checked: the back office cannot be reached. It checks when the group "
                                         "is sent."));
                m_name_state->SetForegroundColour(wxColour(0x6B, 0x3A, 0x00));
                break;
            }
            Layout();
        },
        [this](const wxString& text) { set_message(text, true); });
}

void GroupOpeningPage::add_certificate()
{
    const std::string number = m_number->GetValue().Strip(wxString::both).utf8_string();
    if (number.empty()) {
        set_message(problem_text(domain::problem(domain::Errc::empty)), true);
        m_number->SetFocus();
        return;
    }
    workflows::GroupCertificate certificate;
    certificate.kind = kKinds[std::max(m_kind->GetSelection(), 0)];
    certificate.number = number;
    certificate.main = m_certificates.empty();
    m_certificates.push_back(std::move(certificate));
    m_number->ChangeValue(wxString());
    refresh_certificates();
    set_message(_("Certificate added. The first one is the main one; Alt+M marks another."));
    m_number->SetFocus();
}

void GroupOpeningPage::mark_main(long index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_certificates.size()) {
        set_message(_("Select a certificate in the list first."), true);
        return;
    }
    for (std::size_t i = 0; i < m_certificates.size(); ++i) {
        m_certificates[i].main = static_cast<long>(i) == index;
    }
    refresh_certificates();
}

void GroupOpeningPage::refresh_certificates()
{
    m_certificate_list->DeleteAllItems();
    for (const auto& certificate : m_certificates) {
        const long row =
            m_certificate_list->InsertItem(m_certificate_list->GetItemCount(), certificate.main ? _("Main") : "");
        m_certificate_list->SetItem(row, 1, kind_text(certificate.kind));
        m_certificate_list->SetItem(row, 2, wxString::FromUTF8(certificate.number));
    }
}

workflows::GroupApplication GroupOpeningPage::application() const
{
    const auto text = [](const wxTextCtrl* field) { return field->GetValue().Strip(wxString::both).utf8_string(); };
    workflows::GroupApplication out;
    out.name = text(m_name);
    out.type = kTypes[std::max(m_type->GetSelection(), 0)];
    out.certificates = m_certificates;
    wxStringTokenizer managers(m_managers->GetValue(), wxString::FromUTF8(", ，、;"));
    while (managers.HasMoreTokens()) {
        const auto manager = managers.GetNextToken().Strip(wxString::both);
        if (!manager.empty()) {
            out.managers.push_back(manager.utf8_string());
        }
    }
    if (const auto grid = text(m_grid); !grid.empty()) {
        out.grid = grid;
    }
    if (const auto address = text(m_address); !address.empty()) {
        out.address = address;
    }
    if (const auto phone = text(m_phone); !phone.empty()) {
        out.contact_phone = phone;
    }
    return out;
}

void GroupOpeningPage::show_problems(const std::vector<domain::Problem>& problems)
{
    wxString text = _("The group cannot be opened yet:");
    for (const auto& problem : problems) {
        text += "\n  - " + problem_text(problem);
    }
    set_message(text, true);
    Layout();
}

void GroupOpeningPage::open()
{
    if (busy()) {
        return;
    }
    const auto app = application();
    const auto problems = workflows::OpenGroupCustomer::check(app, workflows::local_today());
    if (!problems.empty()) {
        show_problems(problems);
        return;
    }
    if (m_name_check && m_name_check->status == workflows::GroupNameCheck::Status::exists &&
        m_checked_name == app.name) {
        set_message(_("A customer of this name already exists: find it with F2 instead of opening it again."), true);
        m_name->SetFocus();
        return;
    }
    set_message(_("Opening the group..."));
    m_open->Disable();
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, app] {
            workflows::OpenGroupCustomer opening(*backend);
            return opening.open(app, workflows::local_today());
        },
        [this](std::variant<workflows::OpenedCustomer, std::vector<domain::Problem>, bss::CallError> answer) {
            m_open->Enable();
            if (const auto* refused = std::get_if<std::vector<domain::Problem>>(&answer)) {
                show_problems(*refused);
                return;
            }
            if (const auto* error = std::get_if<bss::CallError>(&answer)) {
                if (error->kind == bss::FailureKind::fault && error->code() == "E_NAME_EXISTS") {
                    set_message(_("A customer of this name already exists: find it with F2 instead of opening it "
                                  "again."),
                                true);
                    return;
                }
                set_message(call_error_text(*error), true);
                return;
            }
            m_opened = std::get<workflows::OpenedCustomer>(std::move(answer));
            if (m_wake) {
                m_wake();
            }
            const wxString id = wxString::FromUTF8(m_opened->customer.customer_id);
            set_message(m_opened->provisional
                            ? wxString::Format(_("Recorded offline as %s: it is opened when the back office is "
                                                 "reached. Print the opening form (Alt+P)."),
                                               id)
                            : wxString::Format(_("Group opened: customer %s. Print the opening form (Alt+P)."), id));
            m_print->Enable();
            m_print->SetFocus();
        },
        [this](const wxString& text) { set_message(text, true); });
}

void GroupOpeningPage::print()
{
    if (!m_opened || busy()) {
        return;
    }
    set_message(_("Preparing the opening form..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, customer = m_opened->customer.customer_id]() -> std::shared_ptr<Printable> {
            return archive_form(*backend, [&](workflows::Desk& desk, const workflows::PrintingCounter& counter) {
                return workflows::group_opening_form(desk, counter, customer);
            });
        },
        [this](const std::shared_ptr<Printable>& printable) {
            set_message(_("The opening form is archived. Print it from the preview for the customer to sign."));
            page_preview(m_backend->services().prompts, this, printable->layout, printable->offsets);
        },
        [this](const wxString& text) { set_message(text, true); });
}

void GroupOpeningPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
