#pragma once
/// The back office's codes turned into what a clerk reads, in the current language, with what to do next. The one
/// place the sign-in screens translate E_SESSION, E_VALIDATION, transport failures and URL problems.

#include "client/workflows/workstation/records.h"

#include <string>
#include <wx/string.h>

namespace ui {

/// Why signing in failed: wrong 工号 or password, locked (until when, local time), no back office, …
wxString sign_in_error_text(const bss::CallError& error);

/// Why the password was not changed: old password wrong, new one weak or unchanged, …
wxString change_password_error_text(const bss::CallError& error);

/// What any other failed call means for the clerk (no answer, time-out, permission, session ended).
wxString call_error_text(const bss::CallError& error);

/// Why the configured back office URL cannot be used: `code` is the endpoint parser's (E_URL_SCHEME, …).
wxString endpoint_error_text(const std::string& code, const std::string& url);

} // namespace ui
