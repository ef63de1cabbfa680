#pragma once
/// The data a printed form needs, built from what the workstation stored (orders, payments, cached customers,
/// catalog and addresses), never from what a screen happens to hold: a reprint days later prints the same paper.
/// Builders live next to their forms (order_forms.h, receipt_form.h, group_opening_form.h); this header holds what
/// they share: who is printing, the result, and the refusals.
///
/// Refusals are printing::PrintError codes, so a screen handles one error type from building to printing:
///   E_ORDER_NOT_FOUND {order}        neither a local id nor an order number of this workstation's store
///   E_ORDER_REJECTED {order}         the back office refused the order: there is nothing to sign for
///   E_PAYMENT_NOT_FOUND {payment}    no payment with this local id
///   E_PAYMENT_REJECTED {payment}     the back office refused the payment: no receipt for money it did not take
///   E_CUSTOMER_NOT_FOUND {customer}  the order's customer is not in the cache (identify the customer, then print)
///   E_RECORD_UNREADABLE {record}     a stored document does not read back (a cache written by a newer version)
///   E_FORM_NOT_FOR_ORDER {form, orderType}  e.g. a move request for an install
/// and whatever printing::validate_form_data says of the data (a bug here, never the clerk's doing).

#include "printing/form_data.h"
#include "printing/layout_engine.h"
#include "services/contract/messages/auth.h"

#include <soci/soci.h>
#include <string>
#include <vector>

namespace workflows {

/// The counter printing the form. The back office knows halls by id only, so the hall's printed name is a setting
/// of the workstation (store::Settings::hall_name); the clerk's name comes from the signed-in session.
struct PrintingCounter
{
    std::string hall_name;  ///< empty: the order's hall id is printed instead
    std::string staff_id;   ///< the signed-in clerk
    std::string staff_name; ///< printed for orders this clerk accepted; another clerk's order shows their 工号
    std::string hall_id;    ///< the clerk's hall: printed for records that name none (a group opened here)
};

/// A field the stored data could not give, and why ("not_stored", "not_cached", "unknown_staff", "not_recorded"):
/// the screen can tell the clerk before the customer signs a form with a blank in it.
struct Unfilled
{
    std::string field;
    std::string reason;

    friend bool operator==(const Unfilled&, const Unfilled&) = default;
};

struct FormDocument
{
    std::string form; ///< the template: acceptance, receipt, move_request, group_opening
    printing::FormData data;
    /// Not numbered by the back office yet: the paper carries this workstation's pre-accept number (预受理号, the
    /// order's local id) and says so; once the order is numbered, printing again gives the form its real number.
    bool pending_number = false;
    /// This form was printed before under the same number: 补打, logged by PrintDesk as print.reprint.
    bool reprint = false;
    std::vector<Unfilled> unfilled;

    /// The options to lay the form out with (reprint set; personal data masked, as on all paper by default).
    [[nodiscard]] printing::LayoutOptions options() const { return {.reprint = reprint}; }
};

using FormResult = printing::PrintResult<FormDocument>;

/// The counter as this workstation's settings and the signed-in clerk's profile describe it.
PrintingCounter printing_counter(soci::session& sql, const contract::StaffProfile& clerk);

} // namespace workflows
