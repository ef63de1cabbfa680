#include "client/ui/shell/change_password_dialog.h"

#include "client/ui/base/error_text.h"
#include "client/ui/shell/session.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

ChangePasswordDialog::ChangePasswordDialog(wxWindow* parent, Session& session, const wxString& current, Done done)
    : wxDialog(parent, wxID_ANY, _("Change password"), wxDefaultPosition, wxDefaultSize, wxCAPTION | wxCLOSE_BOX),
      m_session(session), m_done(std::move(done))
{
    SetName("change_password_dialog");
    auto* why = new wxStaticText(this, wxID_ANY, _("Your password must be changed before you start work."));
    auto* fields = new wxFlexGridSizer(2, wxSize(12, 8));
    fields->AddGrowableCol(1);
    const auto add_field = [&](const wxString& label, const char* name) {
        fields->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* field = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(240, -1),
                                     wxTE_PASSWORD | wxTE_PROCESS_ENTER);
        field->SetName(name);
        field->SetMaxLength(128);
        fields->Add(field, 1, wxEXPAND);
        return field;
    };
    m_current = add_field(_("&Current password:"), "current_password");
    m_new = add_field(_("&New password:"), "new_password");
    m_repeat = add_field(_("&Repeat new password:"), "repeat_password");
    m_current->ChangeValue(current);
    auto* rule =
        new wxStaticText(this, wxID_ANY, _("At least 8 characters with letters and digits, and not your staff ID."));
    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(360, -1));
    m_message->SetName("change_password_message");
    m_message->SetForegroundColour(problem_colour());

    m_ok = new wxButton(this, wxID_OK, _("&Change"));
    m_ok->SetName("change_password_ok");
    m_ok->SetDefault();
    auto* cancel = new wxButton(this, wxID_ANY, _("&Cancel"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(m_ok, 0, wxRIGHT, 8);
    buttons->Add(cancel);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(why, 0, wxALL, 16);
    sizer->Add(fields, 0, wxEXPAND | wxLEFT | wxRIGHT, 16);
    sizer->Add(rule, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 16);
    SetSizerAndFit(sizer);

    // Enter moves on until the last field, which confirms.
    m_current->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { m_new->SetFocus(); });
    m_new->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { m_repeat->SetFocus(); });
    m_repeat->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    m_ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { finish(false); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { finish(false); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_ESCAPE) {
            finish(false);
            return;
        }
        event.Skip();
    });
    (current.empty() ? m_current : m_new)->SetFocus();
    CentreOnParent();
}

void ChangePasswordDialog::submit()
{
    if (m_busy || m_finished) {
        return;
    }
    if (m_current->GetValue().empty()) {
        show_problem(_("Enter your current password."));
        m_current->SetFocus();
        return;
    }
    if (m_new->GetValue().empty()) {
        show_problem(_("Enter the new password."));
        m_new->SetFocus();
        return;
    }
    if (m_new->GetValue() != m_repeat->GetValue()) {
        show_problem(_("The two new passwords differ. Type the new password again in both fields."));
        m_repeat->Clear();
        m_repeat->SetFocus();
        return;
    }
    m_busy = true;
    m_ok->Disable();
    show_problem(_("Changing the password..."));
    m_session.change_password(m_current->GetValue().utf8_string(), m_new->GetValue().utf8_string(),
                              m_lifetime.guard(std::function<void(std::optional<bss::CallError>)>(
                                  [this](const std::optional<bss::CallError>& error) {
                                      m_busy = false;
                                      m_ok->Enable();
                                      if (!error) {
                                          finish(true);
                                          return;
                                      }
                                      show_problem(change_password_error_text(*error));
                                      m_new->Clear();
                                      m_repeat->Clear();
                                      m_new->SetFocus();
                                  })));
}

void ChangePasswordDialog::show_problem(const wxString& text)
{
    m_message->SetLabel(text);
    m_message->Wrap(360);
    Layout();
    Fit();
}

void ChangePasswordDialog::finish(bool changed)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Hide();
    auto done = std::move(m_done);
    Destroy();
    if (done) {
        done(changed);
    }
}

} // namespace ui
