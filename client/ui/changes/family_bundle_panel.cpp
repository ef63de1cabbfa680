#include "client/ui/changes/family_bundle_panel.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

FamilyBundlePanel::FamilyBundlePanel(wxWindow* parent, std::shared_ptr<PageBackend> backend, PageWorker& worker,
                                     workflows::LineRef line, std::function<void(bool)> finished,
                                     std::function<void()> wake)
    : ChangePanel(parent, "bundle_panel", std::move(backend), worker, std::move(line), std::move(finished),
                  std::move(wake))
{
    auto* grid = new wxFlexGridSizer(3, 6, 8);
    grid->AddGrowableCol(1, 1);
    grid->AddGrowableCol(2, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, wxString()));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Family number")));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Name (printed on the form)")));
    for (std::size_t i = 0; i < kRows; ++i) {
        grid->Add(new wxStaticText(this, wxID_ANY, wxString::Format("%zu", i + 1)), 0, wxALIGN_CENTER_VERTICAL);
        m_numbers[i] = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(200, -1),
                                      wxTE_PROCESS_ENTER, wxDefaultValidator, wxString::Format("bundle_number_%zu", i));
        m_names[i] = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(200, -1), wxTE_PROCESS_ENTER,
                                    wxDefaultValidator, wxString::Format("bundle_name_%zu", i));
        grid->Add(m_numbers[i], 1, wxEXPAND);
        grid->Add(m_names[i], 1, wxEXPAND);
        m_numbers[i]->Bind(wxEVT_TEXT_ENTER, [this, i](wxCommandEvent&) { m_names[i]->SetFocus(); });
        m_names[i]->Bind(wxEVT_TEXT_ENTER, [this, i](wxCommandEvent&) {
            if (i + 1 < kRows) {
                m_numbers[i + 1]->SetFocus();
            } else {
                accept_button()->SetFocus();
            }
        });
    }
    lay_out(wxString::Format(_("Family bundle around %s"), wxString::FromUTF8(this->line().service_number)), grid,
            _("Type up to eight family numbers with their names; empty rows are skipped. Alt+A accepts."));
    m_numbers[0]->SetFocus();
}

void FamilyBundlePanel::set_member(std::size_t index, const wxString& number, const wxString& name)
{
    if (index < kRows) {
        m_numbers[index]->ChangeValue(number);
        m_names[index]->ChangeValue(name);
    }
}

ChangePanel::Change FamilyBundlePanel::change()
{
    // Rows typed with gaps between them move up first, so the row a refusal names is the row the clerk sees.
    std::vector<std::pair<wxString, wxString>> typed;
    for (std::size_t i = 0; i < kRows; ++i) {
        if (!m_numbers[i]->IsEmpty() || !m_names[i]->IsEmpty()) {
            typed.emplace_back(m_numbers[i]->GetValue(), m_names[i]->GetValue());
        }
    }
    for (std::size_t i = 0; i < kRows; ++i) {
        set_member(i, i < typed.size() ? typed[i].first : wxString(), i < typed.size() ? typed[i].second : wxString());
    }
    std::vector<contract::MemberEntry> members;
    for (const auto& [number, typed_name] : typed) {
        const auto name = wxString(typed_name).Strip(wxString::both);
        contract::MemberEntry entry;
        // Typed as is: the workflow names a space or a full-width digit where it is.
        entry.number = number.utf8_string();
        if (!name.IsEmpty()) {
            entry.name = name.utf8_string();
        }
        members.push_back(std::move(entry));
    }
    return [line = line(), members = std::move(members)](workflows::ServiceChanges& changes) {
        return changes.family_bundle(line, members);
    };
}

wxString FamilyBundlePanel::accepted_text(const std::string& local_id) const
{
    return wxString::Format(_("Family bundle accepted as order %s and queued for the back office. Print the "
                              "acceptance form (Alt+P), then Alt+N."),
                            wxString::FromUTF8(local_id));
}

} // namespace ui
