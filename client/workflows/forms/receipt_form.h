#pragma once
/// 营业收据 for money taken at this counter, from the stored payment and, for an order's payment, the stored order
/// and its cached customer. The receipt number is the back office's payment id; until it has answered, the
/// payment's local id stands in (pending_number) and the remark says so. The total is printed in figures and in
/// upper-case Chinese (the template's format="upper", domain::chinese_uppercase). The payment's correlation id (its
/// idempotency key, the back office's correlatorId) goes into the remark so a disputed receipt can be traced.
///
/// What the store does not hold: the cash handed over (实收 is printed as the amount, 找零 as 0.00) and, for a
/// payment into an account, the account holder's name (the account is printed as the service).

#include "client/workflows/forms/form_document.h"
#include "client/workflows/workstation/desk.h"

#include <soci/soci.h>
#include <string>

namespace workflows {

/// The receipt of the payment with this local id (PaymentStore's, as OrderDesk and PaymentDesk return it).
FormResult receipt_form(soci::session& sql, const PrintingCounter& counter, const std::string& payment_local_id);
/// The same, on the desk's cache.
FormResult receipt_form(Desk& desk, const PrintingCounter& counter, const std::string& payment_local_id);

} // namespace workflows
