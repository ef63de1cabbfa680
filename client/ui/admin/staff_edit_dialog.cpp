#include "client/ui/admin/staff_edit_dialog.h"

#include "client/ui/base/problem_text.h"
#include "client/ui/base/save_cancel_row.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/admin/staff_administration.h"

#include <algorithm>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

std::string trimmed(const wxTextCtrl* field)
{
    return field->GetValue().Strip(wxString::both).utf8_string();
}

} // namespace

StaffEditDialog::StaffEditDialog(wxWindow* parent, const contract::StaffRecord& values, bool creating,
                                 const std::vector<contract::RoleRecord>& roles, std::string self)
    : wxDialog(parent, wxID_ANY, creating ? _("New staff member") : _("Edit staff member"), wxDefaultPosition,
               wxDefaultSize, wxCAPTION | wxCLOSE_BOX | wxRESIZE_BORDER),
      m_creating(creating), m_self(std::move(self)), m_original(values)
{
    SetName("staff_edit_dialog");
    auto* fields = new wxFlexGridSizer(2, wxSize(12, 2));
    fields->AddGrowableCol(1);
    const auto add_row = [&](const wxString& label, wxWindow* control, wxStaticText* error, int proportion = 0) {
        fields->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_TOP | wxTOP, 4);
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(control, proportion, wxEXPAND);
        column->Add(error, 0, wxEXPAND | wxBOTTOM, 6);
        fields->Add(column, 1, wxEXPAND);
    };
    const auto text = [&](const char* name, long style = 0) {
        auto* field = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(280, -1), style,
                                     wxDefaultValidator, name);
        return field;
    };

    m_id = text("staff_edit_id");
    m_id->SetMaxLength(workflows::kMaxIdLength);
    m_id->ChangeValue(wxString::FromUTF8(values.staff_id));
    if (!creating) {
        m_id->SetEditable(false); // the 工号 names the member in orders and the audit log: it never changes
        m_id->Enable(false);
    }
    m_id_error = error_label("staff_edit_id_error");
    add_row(_("Staff ID:"), m_id, m_id_error);

    m_name = text("staff_edit_name");
    m_name->ChangeValue(wxString::FromUTF8(values.name));
    m_name_error = error_label("staff_edit_name_error");
    add_row(_("Name:"), m_name, m_name_error);

    m_hall = text("staff_edit_hall");
    m_hall->SetMaxLength(64);
    m_hall->ChangeValue(wxString::FromUTF8(values.hall_id));
    add_row(_("Business hall:"), m_hall, error_label("staff_edit_hall_error"));

    m_roles = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(280, 130), 0, nullptr, 0, wxDefaultValidator,
                                 "staff_edit_roles");
    for (const auto& role : roles) {
        // TRANSLATORS: a role's name, then the back office's id of it in brackets.
        const int index = m_roles->Append(
            wxString::Format(_("%s (%s)"), wxString::FromUTF8(role.name), wxString::FromUTF8(role.role_id)));
        m_role_ids.push_back(role.role_id);
        m_roles->Check(static_cast<unsigned>(index),
                       std::ranges::find(values.roles, role.role_id) != values.roles.end());
    }
    m_roles_error = error_label("staff_edit_roles_error");
    add_row(_("Roles:"), m_roles, m_roles_error, 1);

    m_enabled = new wxCheckBox(this, wxID_ANY, _("Enabled: may sign in"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "staff_edit_enabled");
    m_enabled->SetValue(values.enabled);
    m_enabled_error = error_label("staff_edit_enabled_error");
    add_row(wxString(), m_enabled, m_enabled_error);

    if (creating) {
        m_password = text("staff_edit_password", wxTE_PASSWORD);
        m_password->SetMaxLength(workflows::kMaxPasswordLength);
        m_password->SetHint(_("at least 8 characters"));
        m_password_error = error_label("staff_edit_password_error");
        add_row(_("Initial password:"), m_password, m_password_error);
    }

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (creating) {
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    _("The new staff member changes the initial password at their first sign-in.")),
                   0, wxLEFT | wxRIGHT | wxTOP, 16);
    } else if (values.locked) {
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    _("This staff ID is locked after failed sign-ins: saving it "
                                      "unlocks it.")),
                   0, wxLEFT | wxRIGHT | wxTOP, 16);
    }
    sizer->Add(fields, 1, wxEXPAND | wxALL, 16);
    add_save_cancel_row(this, sizer, "staff_edit", [this] { return check(); });
    SetSizerAndFit(sizer);

    (creating ? m_id : m_name)->SetFocus();
    CentreOnParent();
}

wxStaticText* StaffEditDialog::error_label(const char* name)
{
    auto* label = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name);
    label->SetForegroundColour(problem_colour());
    return label;
}

contract::StaffRecord StaffEditDialog::record() const
{
    contract::StaffRecord record = m_original;
    record.staff_id = m_creating ? trimmed(m_id) : m_original.staff_id;
    record.name = trimmed(m_name);
    record.hall_id = trimmed(m_hall);
    record.enabled = m_enabled->GetValue();
    record.roles.clear();
    for (unsigned i = 0; i < m_roles->GetCount(); ++i) {
        if (m_roles->IsChecked(i)) {
            record.roles.push_back(m_role_ids.at(i));
        }
    }
    return record;
}

std::optional<std::string> StaffEditDialog::initial_password() const
{
    if (m_password == nullptr) {
        return std::nullopt;
    }
    return m_password->GetValue().utf8_string();
}

void StaffEditDialog::set_initial_password(const std::string& password)
{
    if (m_password != nullptr) {
        m_password->ChangeValue(wxString::FromUTF8(password));
    }
}

bool StaffEditDialog::check()
{
    const auto problems = workflows::StaffAdministration::check_staff(record(), initial_password(), m_creating, m_self);
    show_problems(problems);
    return problems.empty();
}

void StaffEditDialog::show_problems(const std::vector<domain::Problem>& problems)
{
    for (auto* label : {m_id_error, m_name_error, m_roles_error, m_enabled_error, m_password_error}) {
        if (label != nullptr) {
            label->SetLabel(wxString());
        }
    }
    wxWindow* first = nullptr;
    for (const auto& problem : problems) {
        wxStaticText* label = m_id_error;
        wxWindow* field = m_id;
        switch (problem.code) {
        case domain::Errc::staff_name:
            label = m_name_error;
            field = m_name;
            break;
        case domain::Errc::staff_roles:
            label = m_roles_error;
            field = m_roles;
            break;
        case domain::Errc::staff_password:
            label = m_password_error != nullptr ? m_password_error : m_name_error;
            field = m_password != nullptr ? m_password : m_name;
            break;
        case domain::Errc::staff_self:
        case domain::Errc::staff_built_in:
            label = m_enabled_error;
            field = m_enabled;
            break;
        default:
            break;
        }
        label->SetLabel(problem_text(problem));
        label->Wrap(FromDIP(300));
        if (first == nullptr && field->IsEnabled()) {
            first = field;
        }
    }
    Layout();
    GetSizer()->Fit(this);
    if (first != nullptr) {
        first->SetFocus();
    }
}

wxString StaffEditDialog::problem_shown(const std::string& field) const
{
    const wxStaticText* label = field == "id"         ? m_id_error
                                : field == "name"     ? m_name_error
                                : field == "roles"    ? m_roles_error
                                : field == "enabled"  ? m_enabled_error
                                : field == "password" ? m_password_error
                                                      : nullptr;
    return label != nullptr ? label->GetLabel() : wxString();
}

} // namespace ui
