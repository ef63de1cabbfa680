#pragma once
/// Changing the signed-in clerk's own password: current, new, and the new one again. The two new entries must match
/// before anything is sent; the back office's own rules (length, digits, not the staff ID, not unchanged) come back
/// as specific messages. The call runs on the session's worker thread.

#include "client/ui/base/lifetime.h"
#include "client/ui/base/status_line.h"

#include <functional>
#include <wx/dialog.h>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace ui {

class Session;

class ChangePasswordDialog : public wxDialog
{
public:
    /// Called once: true when the password was changed.
    using Done = std::function<void(bool changed)>;

    /// Shown modeless over `parent`; `current` prefills the current password (just typed at the login window).
    ChangePasswordDialog(wxWindow* parent, Session& session, const wxString& current, Done done);

    /// Checks and sends what the fields hold (the button and Enter in the last field do this).
    void submit();

private:
    void show_problem(const wxString& text);
    void finish(bool changed);

    Session& m_session;
    Done m_done;
    wxTextCtrl* m_current = nullptr;
    wxTextCtrl* m_new = nullptr;
    wxTextCtrl* m_repeat = nullptr;
    wxButton* m_ok = nullptr;
    StatusLine* m_message = nullptr;
    bool m_busy = false;
    bool m_finished = false;
    Lifetime m_lifetime;
};

} // namespace ui
