#pragma once
/// The login window (工号 + 密码), also the lock screen for the clerk who was signed in. Keyboard-first: focus on
/// 工号, Enter moves to 密码 and then signs in, Esc cancels. The sign-in runs on the session's worker thread; the
/// window stays responsive and shows the training back office's start-up while it runs. A first or reset password
/// leads to the change password window before anything else opens.

#include "client/ui/base/lifetime.h"
#include "client/ui/base/status_line.h"
#include "client/ui/shell/session.h"

#include <functional>
#include <optional>
#include <string>
#include <wx/dialog.h>
#include <wx/timer.h>

class wxButton;
class wxGauge;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class LoginDialog : public wxDialog
{
public:
    /// Called once: true when the clerk signed in (the session holds them), false when they cancelled.
    using Done = std::function<void(bool signed_in)>;

    /// Shown modeless; `locked_staff` makes it the lock screen for that clerk (工号 fixed, Esc only clears).
    LoginDialog(wxWindow* parent, Session& session, Done done, std::optional<std::string> locked_staff = {});

    /// Signs in with what the fields hold (the button and Enter in 密码 do this).
    void submit();

private:
    void on_connected(const wxString& problem);
    void on_signed_in(const std::variant<workflows::StaffSession, bss::CallError>& result);
    void show_problem(const wxString& text);
    void set_busy(bool busy, const wxString& what = {});
    void finish(bool signed_in);
    void OnCharHook(wxKeyEvent& event);

    Session& m_session;
    Done m_done;
    std::optional<std::string> m_locked_staff;
    wxTextCtrl* m_staff = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxButton* m_sign_in = nullptr;
    StatusLine* m_message = nullptr;
    wxStaticText* m_progress_text = nullptr;
    wxGauge* m_progress = nullptr;
    wxTimer m_pulse;
    bool m_ready = false;
    bool m_busy = false;
    bool m_finished = false;
    Lifetime m_lifetime;
};

} // namespace ui
