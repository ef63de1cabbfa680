#include "client/ui/shell/login_dialog.h"

#include "client/ui/base/error_text.h"
#include "client/ui/shell/change_password_dialog.h"
#include "client/ui/shell/main_frame.h"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace ui {

namespace {

constexpr int kPulseMs = 100;

} // namespace

LoginDialog::LoginDialog(wxWindow* parent, Session& session, Done done, std::optional<std::string> locked_staff)
    : wxDialog(parent, wxID_ANY, MainFrame::window_title(session.training()), wxDefaultPosition, wxDefaultSize,
               wxCAPTION | wxSYSTEM_MENU | wxCLOSE_BOX),
      m_session(session), m_done(std::move(done)), m_locked_staff(std::move(locked_staff)), m_pulse(this)
{
    SetName("login_dialog");
    auto* heading = new wxStaticText(this, wxID_ANY, m_locked_staff ? _("Screen locked") : _("Sign in"));
    heading->SetName("login_heading");
    heading->SetFont(heading->GetFont().Scaled(1.5f).Bold());

    auto* fields = new wxFlexGridSizer(2, wxSize(12, 8));
    fields->AddGrowableCol(1);
    // TRANSLATORS: 工号, the staff member's number used to sign in.
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Staff ID:")), 0, wxALIGN_CENTER_VERTICAL);
    m_staff = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(240, -1), wxTE_PROCESS_ENTER);
    m_staff->SetName("staff_id");
    m_staff->SetMaxLength(32);
    fields->Add(m_staff, 1, wxEXPAND);
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Password:")), 0, wxALIGN_CENTER_VERTICAL);
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(240, -1),
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    m_password->SetName("password");
    m_password->SetMaxLength(128);
    fields->Add(m_password, 1, wxEXPAND);

    m_message = new StatusLine(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(360, -1));
    m_message->SetName("login_message");
    m_message->SetForegroundColour(problem_colour());
    m_message->Hide();

    m_progress_text = new wxStaticText(this, wxID_ANY, wxString());
    m_progress_text->SetName("login_progress_text");
    m_progress = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(360, 8));
    m_progress->SetName("login_progress");

    m_sign_in = new wxButton(this, wxID_OK, _("Sign &in"));
    m_sign_in->SetName("sign_in");
    m_sign_in->SetDefault();
    auto* cancel = new wxButton(this, wxID_ANY, m_locked_staff ? _("E&xit workstation") : _("&Cancel"));
    cancel->SetName("cancel");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(m_sign_in, 0, wxRIGHT, 8);
    buttons->Add(cancel);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, 16);
    if (m_session.training()) {
        auto* badge = new wxStaticText(this, wxID_ANY, _("Training mode: nothing done here reaches real customers."));
        badge->SetName("training_badge");
        badge->SetForegroundColour(wxColour(0xC0, 0x50, 0x00));
        badge->SetFont(badge->GetFont().Bold());
        sizer->Add(badge, 0, wxLEFT | wxRIGHT | wxBOTTOM, 16);
        if (const auto& login = m_session.training_login()) {
            // TRANSLATORS: shown only in training mode; %s are the demo staff ID and its password.
            auto* hint = new wxStaticText(this, wxID_ANY,
                                          wxString::Format(_("Practise as staff ID %s with password %s."),
                                                           wxString::FromUTF8(login->staff_id),
                                                           wxString::FromUTF8(login->password)));
            hint->SetName("training_hint");
            sizer->Add(hint, 0, wxLEFT | wxRIGHT | wxBOTTOM, 16);
        }
    }
    sizer->Add(fields, 0, wxEXPAND | wxLEFT | wxRIGHT, 16);
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(m_progress_text, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(m_progress, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 16);
    SetSizerAndFit(sizer);

    if (m_locked_staff) {
        m_staff->ChangeValue(wxString::FromUTF8(*m_locked_staff));
        m_staff->Disable();
        m_password->SetFocus();
    } else {
        m_staff->SetFocus();
    }

    m_staff->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (!m_staff->GetValue().Trim().IsEmpty()) {
            m_password->SetFocus();
        }
    });
    m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    m_sign_in->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { finish(false); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { finish(false); });
    Bind(wxEVT_CHAR_HOOK, &LoginDialog::OnCharHook, this);
    m_pulse.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { m_progress->Pulse(); });

    set_busy(true,
             m_session.training() ? _("Starting the training back office...") : _("Connecting to the back office..."));
    m_session.when_connected(m_lifetime.guard(
        std::function<void(const wxString&)>([this](const wxString& problem) { on_connected(problem); })));
    CentreOnScreen();
}

void LoginDialog::on_connected(const wxString& problem)
{
    set_busy(false);
    if (!problem.empty()) {
        show_problem(problem);
        m_sign_in->Disable();
        return;
    }
    m_ready = true;
    m_sign_in->Enable();
}

void LoginDialog::submit()
{
    if (m_busy || m_finished) {
        return;
    }
    if (!m_ready) {
        show_problem(m_session.training() ? _("The training back office is still starting; sign in once it is ready.")
                                          : _("Still connecting to the back office; a moment, please."));
        return;
    }
    const auto staff = m_staff->GetValue().Trim().Trim(false);
    if (staff.empty()) {
        show_problem(_("Enter your staff ID."));
        m_staff->SetFocus();
        return;
    }
    if (m_password->GetValue().empty()) {
        show_problem(_("Enter your password."));
        m_password->SetFocus();
        return;
    }
    show_problem(wxString());
    set_busy(true, _("Signing in..."));
    m_session.sign_in(staff.utf8_string(), m_password->GetValue().utf8_string(),
                      m_lifetime.guard(std::function<void(Session::SignInResult)>(
                          [this](const Session::SignInResult& result) { on_signed_in(result); })));
}

void LoginDialog::on_signed_in(const std::variant<workflows::StaffSession, bss::CallError>& result)
{
    set_busy(false);
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        show_problem(sign_in_error_text(*error));
        m_password->Clear();
        m_password->SetFocus();
        return;
    }
    const auto& staff = std::get<workflows::StaffSession>(result);
    if (m_locked_staff && staff.staff.staff_id != *m_locked_staff) {
        // The staff field is fixed on the lock screen, so this is the back office answering for someone else.
        show_problem(_("Only the clerk who locked the screen can unlock it."));
        return;
    }
    if (!staff.must_change_password) {
        finish(true);
        return;
    }
    // A first or reset password opens nothing but changing it.
    Disable();
    auto* change = new ChangePasswordDialog(this, m_session, m_password->GetValue(), [this](bool changed) {
        Enable();
        if (changed) {
            finish(true);
            return;
        }
        show_problem(_("Change your password before you start work."));
        m_password->Clear();
        m_password->SetFocus();
    });
    change->Show();
}

void LoginDialog::show_problem(const wxString& text)
{
    m_message->SetLabel(text);
    m_message->Wrap(360);
    // Lines with nothing to say take no room, so the window does not gape between the fields and the buttons.
    m_message->Show(!text.empty());
    Layout();
    Fit();
}

void LoginDialog::set_busy(bool busy, const wxString& what)
{
    m_busy = busy;
    m_progress_text->SetLabel(what);
    m_progress_text->Show(busy);
    m_progress->Show(busy);
    m_sign_in->Enable(!busy && m_ready);
    if (busy) {
        m_progress->Pulse();
        m_pulse.Start(kPulseMs);
    } else {
        m_pulse.Stop();
    }
    Layout();
    Fit();
}

void LoginDialog::finish(bool signed_in)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_pulse.Stop();
    Hide();
    auto done = std::move(m_done);
    // The callback may open the main frame; this window goes once the event that got us here is over.
    Destroy();
    if (done) {
        done(signed_in);
    }
}

void LoginDialog::OnCharHook(wxKeyEvent& event)
{
    if (event.GetKeyCode() != WXK_ESCAPE) {
        event.Skip();
        return;
    }
    if (m_locked_staff) {
        // On the lock screen Esc only clears what was typed: leaving needs the Exit button.
        m_password->Clear();
        m_password->SetFocus();
        return;
    }
    finish(false);
}

} // namespace ui
