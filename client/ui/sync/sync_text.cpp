#include "client/ui/sync/sync_text.h"

#include "client/ui/orders/order_text.h"

#include <wx/intl.h>

namespace ui {

namespace {

wxString param(const workflows::SyncProblem& problem, const char* name)
{
    const auto found = problem.params.find(name);
    return found == problem.params.end() ? wxString() : wxString::FromUTF8(found->second);
}

} // namespace

wxString refusal_text(const workflows::SyncDeskRefusal& refusal)
{
    if (refusal.code == "E_SYNC_ERROR_UNKNOWN") {
        return _("This problem was already dealt with (perhaps at another window). The list is read again.");
    }
    if (refusal.code == "E_SYNC_ERROR_KIND") {
        return _("This step does not fit this kind of write.");
    }
    // TRANSLATORS: %s is a technical code, for IT.
    return wxString::Format(_("The step was not taken (%s)."), wxString::FromUTF8(refusal.code));
}

wxString sync_kind_text(const std::string& kind)
{
    if (kind == "order") {
        return _("Order");
    }
    if (kind == "payment") {
        return _("Payment");
    }
    if (kind == "customer") {
        return _("Customer");
    }
    if (kind == "cancel") {
        return _("Cancellation");
    }
    return wxString::FromUTF8(kind);
}

wxString sync_link_text(workflows::SyncStatus::Link link)
{
    switch (link) {
    case workflows::SyncStatus::Link::idle:
        return _("Online: everything sent");
    case workflows::SyncStatus::Link::sending:
        return _("Online: sending");
    case workflows::SyncStatus::Link::offline:
        return _("Offline: the back office does not answer; writes wait and are sent when it is back");
    case workflows::SyncStatus::Link::signed_out:
        return _("Signed out: writes wait until you sign in");
    }
    return wxString();
}

wxString sync_problem_text(const workflows::SyncProblem& problem)
{
    const std::string& code = problem.error.code;
    if (problem.kind == "cancel" || param(problem, "reason") == "notCancellable") {
        const wxString state = param(problem, "state");
        if (!state.empty()) {
            // TRANSLATORS: %s is the order's state in the clerk's words, e.g. Completed.
            return wxString::Format(_("The back office refused to cancel the order: it is \"%s\" there and stays "
                                      "so. Discard this cancellation."),
                                    order_state_text(state.ToStdString(wxConvUTF8)));
        }
        // TRANSLATORS: %s is a result code, for IT.
        return wxString::Format(_("The back office refused to cancel the order (%s): it stays as it is there. "
                                  "Discard this cancellation."),
                                wxString::FromUTF8(code));
    }
    if (code == "E_NUMBER_TAKEN") {
        // TRANSLATORS: %s is a telephone number.
        return wxString::Format(_("The number %s is reserved or in use elsewhere. Retry once it is released, or "
                                  "edit the order with another number."),
                                param(problem, "number"));
    }
    if (code == "E_NO_RESOURCE") {
        if (!param(problem, "number").empty()) {
            return wxString::Format(_("The number %s is not for sale. Edit the order with another number."),
                                    param(problem, "number"));
        }
        return _("No free port or line at the address. Edit the order with another address, or discard it.");
    }
    if (code == "E_BLACKLISTED") {
        return _("The customer is on the blacklist: the back office accepts no business for them. Discard it.");
    }
    if (code == "E_ARREARS") {
        // TRANSLATORS: %s is a customer id.
        return wxString::Format(_("Customer %s owes money. Retry once the arrears are paid."),
                                param(problem, "customerId"));
    }
    if (code == "E_OPEN_ORDER") {
        // TRANSLATORS: %s is an order number.
        return wxString::Format(_("The customer already has an unfinished order of this kind (%s). Retry once it "
                                  "is finished, or discard this one."),
                                param(problem, "orderId"));
    }
    if (code == "E_NO_CAMPAIGN") {
        return _("The number has no campaign. Edit the order with another number.");
    }
    if (code == "E_DEPOSIT") {
        return _("The agent channel's deposit is insufficient. Retry once it is topped up.");
    }
    if (code == "E_ID_QUOTA") {
        return _("The ID document has reached its limit of lines. Discard the order, or close a line first.");
    }
    if (code == "E_NAME_EXISTS") {
        // TRANSLATORS: %s is a customer's (company's) name.
        return wxString::Format(_("A customer named \"%s\" exists already. Edit the name, or discard."),
                                param(problem, "name"));
    }
    if (code == "E_PERMISSION") {
        return _("Your role does not allow this write. Ask your supervisor to retry it, or discard it.");
    }
    if (code == "E_VALIDATION") {
        // TRANSLATORS: first %s is a field name, second the reason code, both from the back office.
        return wxString::Format(_("The back office refused the field %s (%s). Edit it and send again."),
                                param(problem, "field"), param(problem, "reason"));
    }
    if (code == "E_NOT_FOUND") {
        // Every parameter the back office named (a write can miss more than one record), not only the last.
        wxString what;
        for (const auto& [name, value] : problem.params) {
            if (!what.empty()) {
                what += ", ";
            }
            what += wxString::FromUTF8(std::string(name).append(" ").append(value));
        }
        // TRANSLATORS: %s names what was missing, e.g. "customerId C00012".
        return wxString::Format(_("The back office does not know %s. Edit the write, or discard it."), what);
    }
    if (code == "E_IDEMPOTENCY") {
        return _("The back office had this write's key with other content. Retry: it is sent under a new key.");
    }
    if (code == "E_INTERNAL") {
        return _("The back office failed and changed nothing. Retry.");
    }
    // TRANSLATORS: %s is a result code, for IT.
    return wxString::Format(_("The back office refused the write (%s)."), wxString::FromUTF8(code));
}

} // namespace ui
