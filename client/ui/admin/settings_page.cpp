#include "client/ui/admin/settings_page.h"

#include "client/ui/base/error_text.h"
#include "client/workflows/forms/print_desk.h"

#include <algorithm>
#include <filesystem>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

enum : int
{
    kIdSave = wxID_HIGHEST + 1000,
    kIdRevert
};

using workflows::calibrated_forms;
using workflows::SettingsField;
using workflows::SettingsProblem;

wxString form_label(const std::string& form)
{
    if (form == "acceptance") {
        return _("Acceptance form");
    }
    if (form == "receipt") {
        return _("Receipt");
    }
    if (form == "move_request") {
        return _("Move request");
    }
    if (form == "group_opening") {
        return _("Group opening form");
    }
    return wxString::FromUTF8(form);
}

/// What the settings desk refused, for the clerk.
wxString settings_problem_text(const SettingsProblem& problem)
{
    const auto param = [&problem](const char* name) { return wxString::FromUTF8(problem.param(name)); };
    if (problem.field == SettingsField::url) {
        return endpoint_error_text(problem.code, problem.param("url"));
    }
    if (problem.code == "E_NO_FILE") {
        return wxString::Format(_("There is no file %s."), param("path"));
    }
    if (problem.code == "E_READER_ADDRESS") {
        return wxString::Format(_("%s is not a reader: type a serial device (/dev/ttyUSB0, COM3) or sdk: and the "
                                  "vendor's library, with @ and its port if not 1001 (sdk:libsdtapi.so@1)."),
                                param("address"));
    }
    if (problem.code == "E_AREA_CODE") {
        return wxString::Format(_("%s is not an area code: it is 010, 02x or 0 and three digits, as in 0755."),
                                param("code"));
    }
    if (problem.code == "E_CERT_PAIR") {
        return _("The workstation certificate and its key go together: give both or neither.");
    }
    const wxString form = form_label(problem.param("form"));
    if (problem.code == "E_OFFSET_RANGE") {
        // TRANSLATORS: %s is a form's name; offsets beyond 30 mm mean the wrong paper or tray.
        return wxString::Format(_("%s: an offset beyond 30 mm means the wrong paper or tray, not calibration."), form);
    }
    return wxString::Format(_("%s: type the offsets as two numbers in mm, right then down, e.g. 1.5,-0.8."), form);
}

wxTextCtrl* field(wxWindow* parent, const char* name, int width = 420)
{
    return new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1), 0, wxDefaultValidator,
                          name);
}

} // namespace

SettingsPage::SettingsPage(wxWindow* parent, PageServices services)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "settings_page"),
      m_backend(std::make_shared<PageBackend>(std::move(services)))
{
    build();
    load();
    m_url->SetFocus();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::build()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    const auto row = [](wxSizer* grid, wxWindow* parent, const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
        grid->Add(control, 0, wxEXPAND);
    };

    auto* link_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Back office"));
    auto* link = new wxFlexGridSizer(2, 6, 8);
    link->AddGrowableCol(1);
    auto* box = link_box->GetStaticBox();
    m_url = field(box, "settings_url");
    m_url->SetHint(_("https://bss.example.com/bss/v1/ (empty: training mode)"));
    row(link, box, _("&URL:"), m_url);
    m_ca = field(box, "settings_ca");
    row(link, box, _("&CA certificate file:"), m_ca);
    m_cert = field(box, "settings_client_cert");
    row(link, box, _("Workstation certificate:"), m_cert);
    m_key = field(box, "settings_client_key");
    row(link, box, _("Workstation key:"), m_key);
    link_box->Add(link, 0, wxEXPAND | wxALL, 6);
    top->Add(link_box, 0, wxEXPAND | wxALL, 8);

    auto* counter_box = new wxStaticBoxSizer(wxVERTICAL, this, _("This counter"));
    auto* counter = new wxFlexGridSizer(2, 6, 8);
    box = counter_box->GetStaticBox();
    m_reader = field(box, "settings_reader", 220);
    m_reader->SetHint("/dev/ttyUSB0, COM3, sdk:libsdtapi.so");
    row(counter, box, _("ID card &reader port:"), m_reader);
    m_language = new wxChoice(box, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                              "settings_language");
    m_language->Append(_("Follow the system"));
    m_language->Append(wxString::FromUTF8("中文（简体）"));
    m_language->Append("English");
    row(counter, box, _("&Language:"), m_language);
    m_hall = field(box, "settings_hall", 220);
    row(counter, box, _("&Hall name on forms:"), m_hall);
    m_area = field(box, "settings_area_code", 120);
    m_area->SetHint("0755");
    row(counter, box, _("Hall's &area code:"), m_area);
    m_lock = new wxSpinCtrl(box, wxID_ANY, "10", wxDefaultPosition, wxSize(120, -1), wxSP_ARROW_KEYS, 1, 240, 10,
                            "settings_lock");
    row(counter, box, _("Lock after idle (minutes):"), m_lock);
    counter_box->Add(counter, 0, wxALL, 6);
    top->Add(counter_box, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* print_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Printer and calibration"));
    auto* print = new wxFlexGridSizer(2, 6, 8);
    box = print_box->GetStaticBox();
    m_printer = field(box, "settings_printer", 220);
    m_printer->SetHint(_("empty: the system's default printer"));
    row(print, box, _("&Printer:"), m_printer);
    m_form = new wxChoice(box, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                          "settings_form");
    for (const auto& form : calibrated_forms()) {
        m_form->Append(form_label(form));
    }
    m_form->SetSelection(0);
    row(print, box, _("&Form:"), m_form);
    m_offset = field(box, "settings_offset", 220);
    m_offset->SetHint(_("right,down in mm, e.g. 1.5,-0.8"));
    row(print, box, _("&Offsets (mm):"), m_offset);
    print_box->Add(print, 0, wxALL, 6);
    auto* calibrate = new wxButton(box, wxID_ANY, _("Print the calibration &page..."), wxDefaultPosition, wxDefaultSize,
                                   0, wxDefaultValidator, "settings_calibrate");
    print_box->Add(calibrate, 0, wxALL, 6);
    print_box->Add(new wxStaticText(box, wxID_ANY,
                                    _("Print the calibration page on the form's paper, measure how far the "
                                      "crosshairs landed from the printed marks, and type that here.")),
                   0, wxALL, 6);
    top->Add(print_box, 0, wxEXPAND | wxALL, 8);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "settings_message");
    buttons->Add(m_message, 1, wxALIGN_CENTER_VERTICAL);
    auto* revert = new wxButton(this, kIdRevert, _("Undo changes (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "settings_revert");
    auto* save_button = new wxButton(this, kIdSave, _("&Save (Ctrl+S)"), wxDefaultPosition, wxDefaultSize, 0,
                                     wxDefaultValidator, "settings_save");
    buttons->Add(revert, 0, wxRIGHT, 6);
    buttons->Add(save_button, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    m_form->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_offsets(); });
    m_offset->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        const int index = m_form->GetSelection();
        if (index >= 0) {
            m_offsets[calibrated_forms()[static_cast<std::size_t>(index)]] = m_offset->GetValue().utf8_string();
        }
    });
    calibrate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_calibration(); });
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    revert->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_stored) {
            show(*m_stored);
            set_message(_("The stored settings are shown again."));
        }
    });
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', kIdSave}, {wxACCEL_NORMAL, WXK_ESCAPE, kIdRevert}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { save(); }, kIdSave);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_stored) {
                show(*m_stored);
            }
        },
        kIdRevert);
}

void SettingsPage::load()
{
    run_counted(
        m_worker, m_pending, nullptr, [backend = m_backend] { return workflows::SettingsDesk(*backend).load(); },
        [this](const WorkstationSettings& settings) {
            m_stored = settings;
            show(settings);
        },
        [this](const wxString& text) { set_message(text, true); });
}

void SettingsPage::show(const WorkstationSettings& settings)
{
    m_url->ChangeValue(wxString::FromUTF8(settings.url));
    m_ca->ChangeValue(wxString::FromUTF8(settings.ca_file));
    m_cert->ChangeValue(wxString::FromUTF8(settings.client_cert));
    m_key->ChangeValue(wxString::FromUTF8(settings.client_key));
    m_reader->ChangeValue(wxString::FromUTF8(settings.reader));
    const auto& languages = workflows::offered_languages();
    const auto language = std::find(languages.begin(), languages.end(), settings.language);
    m_language->SetSelection(language == languages.end() ? 0 : static_cast<int>(language - languages.begin()));
    m_hall->ChangeValue(wxString::FromUTF8(settings.hall_name));
    m_area->ChangeValue(wxString::FromUTF8(settings.area_code));
    m_lock->SetValue(settings.lock_minutes);
    m_printer->ChangeValue(wxString::FromUTF8(settings.printer));
    m_offsets = settings.offsets;
    show_offsets();
}

void SettingsPage::show_offsets()
{
    const int index = m_form->GetSelection();
    if (index < 0) {
        return;
    }
    const auto found = m_offsets.find(calibrated_forms()[static_cast<std::size_t>(index)]);
    m_offset->ChangeValue(found == m_offsets.end() ? wxString() : wxString::FromUTF8(found->second));
}

WorkstationSettings SettingsPage::from_fields() const
{
    const auto text = [](const wxTextCtrl* control) { return control->GetValue().Strip(wxString::both).utf8_string(); };
    WorkstationSettings out;
    out.url = text(m_url);
    out.ca_file = text(m_ca);
    out.client_cert = text(m_cert);
    out.client_key = text(m_key);
    out.reader = text(m_reader);
    out.language = workflows::offered_languages().at(static_cast<std::size_t>(std::max(m_language->GetSelection(), 0)));
    out.hall_name = text(m_hall);
    out.area_code = text(m_area);
    out.lock_minutes = m_lock->GetValue();
    out.printer = text(m_printer);
    for (const auto& [form, offsets] : m_offsets) {
        const wxString trimmed = wxString::FromUTF8(offsets).Strip(wxString::both);
        if (!trimmed.empty()) {
            out.offsets[form] = trimmed.utf8_string();
        }
    }
    return out;
}

std::optional<wxString> SettingsPage::save()
{
    const auto settings = from_fields();
    if (const auto problem = workflows::SettingsDesk::check(settings)) {
        const wxString text = settings_problem_text(*problem);
        focus(*problem);
        set_message(text, true);
        return text;
    }
    set_message(_("Saving..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend, settings] { return workflows::SettingsDesk(*backend).save(settings); },
        [this, settings](const std::optional<SettingsProblem>& refused) {
            if (refused) {
                // A certificate file removed between the check and the save.
                focus(*refused);
                set_message(settings_problem_text(*refused), true);
                return;
            }
            m_stored = settings;
            set_message(_("Saved. The back office, the reader and the language take effect at the next "
                          "start."));
        },
        [this](const wxString& text) { set_message(text, true); });
    return std::nullopt;
}

void SettingsPage::focus(const SettingsProblem& problem)
{
    switch (problem.field) {
    case SettingsField::url:
        m_url->SetFocus();
        return;
    case SettingsField::ca_file:
        m_ca->SetFocus();
        return;
    case SettingsField::client_cert:
        m_cert->SetFocus();
        return;
    case SettingsField::client_key:
        m_key->SetFocus();
        return;
    case SettingsField::reader:
        m_reader->SetFocus();
        return;
    case SettingsField::area_code:
        m_area->SetFocus();
        return;
    case SettingsField::offsets: {
        const auto& forms = calibrated_forms();
        const auto form = std::find(forms.begin(), forms.end(), problem.param("form"));
        m_form->SetSelection(form == forms.end() ? 0 : static_cast<int>(form - forms.begin()));
        show_offsets();
        m_offset->SetFocus();
        return;
    }
    }
}

void SettingsPage::print_calibration()
{
    set_message(_("Preparing the calibration page..."));
    run_counted(
        m_worker, m_pending, nullptr,
        [backend = m_backend]() -> std::shared_ptr<printing::Layout> {
            workflows::PrintDesk desk(*backend);
            auto prepared = desk.prepare("calibration", printing::FormData{});
            if (const auto* error = printing::error_of(prepared)) {
                throw std::runtime_error(error->to_string());
            }
            return std::make_shared<printing::Layout>(std::get<workflows::PreparedForm>(std::move(prepared)).layout);
        },
        [this](const std::shared_ptr<printing::Layout>& layout) {
            set_message(_("Print the page from the preview, then measure it."));
            page_preview(m_backend->services().prompts, this, *layout, {});
        },
        [this](const wxString& text) { set_message(text, true); });
}

void SettingsPage::set_message(const wxString& text, bool error)
{
    m_message->show(text, error);
}

} // namespace ui
