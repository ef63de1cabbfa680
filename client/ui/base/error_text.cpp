#include "client/ui/base/error_text.h"

#include "client/workflows/workstation/local_clock.h"

#include <wx/datetime.h>
#include <wx/intl.h>

namespace ui {

namespace {

/// "2026-11-23T01:45:00Z" as the clerk's local time, or the text as it came when it is not a timestamp.
wxString local_time_text(const std::string& utc)
{
    const auto at = workflows::utc_seconds(utc);
    if (!at) {
        return wxString::FromUTF8(utc);
    }
    return wxDateTime(*at).Format("%H:%M");
}

} // namespace

wxString sign_in_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault && error.code() == "E_SESSION") {
        const auto reason = error.param("reason");
        if (reason == "locked") {
            // TRANSLATORS: %s is a local time like 09:45.
            return wxString::Format(_("This staff ID is locked after too many wrong passwords. Try again after %s, "
                                      "or ask your supervisor to unlock it."),
                                    local_time_text(error.param("until")));
        }
        if (reason == "throttled") {
            return wxString::Format(_("Too many sign-in attempts from this workstation. Wait %s seconds and try "
                                      "again."),
                                    wxString::FromUTF8(error.param("retryAfter")));
        }
        return _("Wrong staff ID or password. Check both and try again (Caps Lock?).");
    }
    return call_error_text(error);
}

wxString change_password_error_text(const bss::CallError& error)
{
    if (error.kind == bss::FailureKind::fault && error.code() == "E_VALIDATION") {
        const auto field = error.param("field");
        const auto reason = error.param("reason");
        if (field == "oldPassword") {
            return _("The current password is wrong.");
        }
        if (reason == "unchanged") {
            return _("The new password must differ from the current one.");
        }
        if (reason == "weak") {
            return _("The new password is too weak: use at least 8 characters with letters and digits, not your "
                     "staff ID.");
        }
    }
    return call_error_text(error);
}

wxString call_error_text(const bss::CallError& error)
{
    if (error.cancelled) {
        return _("The request was cancelled.");
    }
    switch (error.kind) {
    case bss::FailureKind::transport:
        return _("The back office cannot be reached. Check the network, or ask IT whether the back office is "
                 "running.");
    case bss::FailureKind::timeout:
        return _("The back office did not answer in time. Try again in a moment.");
    case bss::FailureKind::http:
        return wxString::Format(_("The back office answered with HTTP status %ld. Try again; if it persists, "
                                  "call IT."),
                                error.http_status);
    case bss::FailureKind::malformed:
        return _("The back office sent an answer the workstation does not understand. Call IT.");
    case bss::FailureKind::fault:
        break;
    }
    const auto code = error.code();
    if (code == "E_SESSION") {
        return _("Your session has ended. Sign in again.");
    }
    if (code == "E_PERMISSION") {
        const auto reason = error.param("reason");
        if (reason == "mustChangePassword") {
            return _("Change your password first.");
        }
        if (reason == "notHeld") {
            return _("You cannot give or change permissions you do not hold yourself, nor edit someone who holds "
                     "more than you.");
        }
        if (reason == "builtIn") {
            return _("The built-in administrator keeps its role, stays enabled and sets its own password.");
        }
        if (reason == "lastAdministrator") {
            return _("At least one enabled administrator must remain.");
        }
        return _("Your role does not allow this. Ask your supervisor.");
    }
    if (code == "E_INTERNAL") {
        return _("The back office failed and changed nothing. Try again in a moment.");
    }
    if (code == "E_VALIDATION") {
        const auto reason = error.param("reason");
        if (reason == "tooLarge") {
            return wxString::Format(_("The amount is more than one payment, refund or fee may be (at most %s)."),
                                    wxString::FromUTF8(error.param("max")));
        }
        if (reason == "exceedsOwed") {
            return wxString::Format(_("The amount is more than the order still owes (%s)."),
                                    wxString::FromUTF8(error.param("owed")));
        }
        if (reason == "orderClosed") {
            return _("This order is cancelled or closed and takes no payment.");
        }
        if (reason == "balanceLimit") {
            return _("The account's balance cannot hold this amount. Call IT.");
        }
        if (reason == "negative") {
            return _("A fee cannot be negative. A discount or waiver is entered as its own line.");
        }
        return wxString::Format(_("The back office refused the field %s."), wxString::FromUTF8(error.param("field")));
    }
    // TRANSLATORS: %s is a result code such as E_NOT_FOUND, for IT.
    return wxString::Format(_("The back office refused the request (%s)."), wxString::FromUTF8(code));
}

wxString endpoint_error_text(const std::string& code, const std::string& url)
{
    const auto where = wxString::FromUTF8(url);
    if (code == "E_URL_SCHEME" || code == "E_URL_INSECURE") {
        return wxString::Format(_("The back office address %s must start with https://. Correct it in the "
                                  "settings."),
                                where);
    }
    if (code == "E_URL_CREDENTIALS") {
        return wxString::Format(_("The back office address %s must not contain a user name or password."), where);
    }
    return wxString::Format(_("The back office address %s is not a valid URL. Correct it in the settings."), where);
}

} // namespace ui
