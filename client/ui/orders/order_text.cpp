#include "client/ui/orders/order_text.h"

#include "client/ui/base/error_text.h"
#include "client/workflows/workstation/local_clock.h"

#include <wx/datetime.h>
#include <wx/intl.h>

namespace ui {

wxString order_state_text(const std::string& state)
{
    if (state == "provisional") {
        return _("Queued, not sent yet");
    }
    if (state == "awaitingCustomer") {
        return _("Waiting for the customer to be opened");
    }
    if (state == "acknowledged") {
        return _("Accepted");
    }
    if (state == "rejected") {
        return _("Refused by the back office");
    }
    if (state == "pending") {
        return _("Pending");
    }
    if (state == "held") {
        return _("On hold");
    }
    if (state == "inProgress") {
        return _("Being installed");
    }
    if (state == "assessingCancellation" || state == "pendingCancellation") {
        return _("Cancellation under way");
    }
    if (state == "cancelled") {
        return _("Cancelled");
    }
    if (state == "completed") {
        return _("Completed");
    }
    if (state == "failed") {
        return _("Failed");
    }
    if (state == "partial") {
        return _("Partly completed");
    }
    if (state == "discarded") {
        return _("Given up at this counter");
    }
    if (state == "cancelRefused") {
        return _("Cancellation refused");
    }
    return wxString::FromUTF8(state);
}

wxString order_type_text(const std::string& type)
{
    if (type == "install") {
        return _("Fixed-line install");
    }
    if (type == "move") {
        return _("Line move");
    }
    if (type == "vasChange") {
        return _("Value-added change");
    }
    if (type == "accountChange") {
        return _("Account change");
    }
    if (type == "bundle") {
        return _("Family bundle");
    }
    if (type == "memberAdd") {
        return _("Group member added");
    }
    if (type == "memberRemove") {
        return _("Group member removed");
    }
    return wxString::FromUTF8(type);
}

wxString local_time_text(const std::string& utc)
{
    const auto at = workflows::utc_seconds(utc);
    if (!at) {
        return wxString::FromUTF8(utc);
    }
    return wxDateTime(*at).Format("%Y-%m-%d %H:%M");
}

/// What a failed lookup means for the clerk.
wxString lookup_error_text(const workflows::CallError& error)
{
    switch (error.kind) {
    case workflows::FailureKind::transport:
    case workflows::FailureKind::timeout:
        return _("The back office cannot be reached, and the cache does not know this order.");
    case workflows::FailureKind::http:
    case workflows::FailureKind::malformed:
        return _("The back office sent an answer the workstation does not understand. Call IT.");
    case workflows::FailureKind::fault:
        break;
    }
    if (error.is(contract::ResultCode::not_found)) {
        // TRANSLATORS: %s is what the clerk typed: an order number or a local id.
        return wxString::Format(_("No order %s is known here or at the back office. Check the number."),
                                wxString::FromUTF8(error.param("orderId")));
    }
    return call_error_text(error);
}

/// What a refused cancellation means.
wxString cancel_error_text(const workflows::CallError& error)
{
    if (error.kind == workflows::FailureKind::transport || error.kind == workflows::FailureKind::timeout) {
        return _("Money was taken for this order: cancelling it needs the back office, which cannot be reached now. "
                 "Try again when it is back.");
    }
    if (error.is(contract::ResultCode::validation) && error.param("reason") == "notNumbered") {
        return _("This order has no number yet: it cannot be cancelled until the back office has accepted it.");
    }
    if (error.is(contract::ResultCode::permission)) {
        return _("Cancelling needs a supervisor: your role, or the approving staff ID and password, do not allow "
                 "it.");
    }
    if (error.is(contract::ResultCode::session)) {
        return _("The approving password is wrong, or your session has ended.");
    }
    return lookup_error_text(error);
}

} // namespace ui
