#include "client/ui/admin/role_edit_dialog.h"

#include "client/ui/admin/permission_names.h"
#include "client/ui/base/problem_text.h"
#include "client/ui/base/save_cancel_row.h"
#include "client/ui/base/status_line.h"
#include "client/workflows/admin/staff_administration.h"

#include <algorithm>
#include <wx/checklst.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

wxStaticText* error_label(wxWindow* parent, const char* name)
{
    auto* label = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name);
    label->SetForegroundColour(problem_colour());
    return label;
}

} // namespace

RoleEditDialog::RoleEditDialog(wxWindow* parent, const contract::RoleRecord& values, bool creating,
                               const std::vector<std::string>& permissions, const wxString& note)
    : wxDialog(parent, wxID_ANY, creating ? _("New role") : _("Edit role"), wxDefaultPosition, wxDefaultSize,
               wxCAPTION | wxCLOSE_BOX | wxRESIZE_BORDER),
      m_creating(creating), m_permissions(permissions), m_id_fixed(values.role_id)
{
    SetName("role_edit_dialog");
    auto* fields = new wxFlexGridSizer(2, wxSize(12, 2));
    fields->AddGrowableCol(1);
    fields->AddGrowableRow(2);
    const auto add_row = [&](const wxString& label, wxWindow* control, wxStaticText* error, int proportion = 0) {
        fields->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_TOP | wxTOP, 4);
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(control, proportion, wxEXPAND);
        if (error != nullptr) {
            column->Add(error, 0, wxEXPAND | wxBOTTOM, 6);
        }
        fields->Add(column, 1, wxEXPAND);
    };

    m_id = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(values.role_id), wxDefaultPosition, wxSize(320, -1), 0,
                          wxDefaultValidator, "role_edit_id");
    m_id->SetMaxLength(workflows::kMaxIdLength);
    if (!creating) {
        m_id->Enable(false);
    }
    m_id_error = error_label(this, "role_edit_id_error");
    add_row(_("Role ID:"), m_id, m_id_error);

    m_name = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(values.name), wxDefaultPosition, wxSize(320, -1), 0,
                            wxDefaultValidator, "role_edit_name");
    m_name_error = error_label(this, "role_edit_name_error");
    add_row(_("Role name:"), m_name, m_name_error);

    m_list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                                "role_edit_permissions");
    for (const auto& permission : m_permissions) {
        const int index = m_list->Append(permission_label(permission));
        m_list->Check(static_cast<unsigned>(index),
                      std::ranges::find(values.permissions, permission) != values.permissions.end());
    }
    // Tall enough for every permission the back office knows today, without scrolling.
    const int rows = std::max<int>(static_cast<int>(m_permissions.size()), 6);
    m_list->SetMinSize(wxSize(FromDIP(360), rows * (GetCharHeight() * 3 / 2 + 4) + 8));
    add_row(_("Permissions:"), m_list, nullptr, 1);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (!note.empty()) {
        auto* shown = new wxStaticText(this, wxID_ANY, note, wxDefaultPosition, wxDefaultSize, 0, "role_edit_note");
        shown->Wrap(FromDIP(420));
        sizer->Add(shown, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    }
    sizer->Add(fields, 1, wxEXPAND | wxALL, 16);
    add_save_cancel_row(this, sizer, "role_edit", [this] { return check(); });
    SetSizerAndFit(sizer);

    (creating ? m_id : m_name)->SetFocus();
    CentreOnParent();
}

contract::RoleRecord RoleEditDialog::record() const
{
    contract::RoleRecord record;
    record.role_id = m_creating ? m_id->GetValue().Strip(wxString::both).utf8_string() : m_id_fixed;
    record.name = m_name->GetValue().Strip(wxString::both).utf8_string();
    record.built_in = false;
    for (unsigned i = 0; i < m_list->GetCount(); ++i) {
        if (m_list->IsChecked(i)) {
            record.permissions.push_back(m_permissions.at(i));
        }
    }
    return record;
}

bool RoleEditDialog::check()
{
    const auto problems = workflows::StaffAdministration::check_role(record());
    show_problems(problems);
    return problems.empty();
}

void RoleEditDialog::show_problems(const std::vector<domain::Problem>& problems)
{
    m_id_error->SetLabel(wxString());
    m_name_error->SetLabel(wxString());
    wxWindow* first = nullptr;
    for (const auto& problem : problems) {
        const bool on_name = problem.code == domain::Errc::role_name;
        auto* label = on_name ? m_name_error : m_id_error;
        label->SetLabel(problem_text(problem));
        label->Wrap(FromDIP(320));
        wxWindow* field = on_name ? m_name : m_id;
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

wxString RoleEditDialog::problem_shown(const std::string& field) const
{
    return field == "name" ? m_name_error->GetLabel() : field == "id" ? m_id_error->GetLabel() : wxString();
}

std::vector<wxString> RoleEditDialog::permission_lines() const
{
    std::vector<wxString> lines;
    for (unsigned i = 0; i < m_list->GetCount(); ++i) {
        lines.push_back(m_list->GetString(i));
    }
    return lines;
}

} // namespace ui
