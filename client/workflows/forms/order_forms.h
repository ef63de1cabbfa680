#pragma once
/// The forms of an order, from the stored order, its cached customer, the cached catalog (product names) and the
/// cached standard addresses (the order names its address by id only):
///   营业受理单 (acceptance) for any order: customer, business lines with products and attributes, service number,
///     address, appointment, the 48-hour deadline once numbered, fees and total;
///   移机申请 (move_request) for a move: the line, the new address, the appointment as the move's date, fees.
/// An order the back office has not numbered yet prints its local pre-accept number (预受理号) as the order number,
/// 预受理 after the business type, and a remark saying the number is provisional: the customer leaves with paper
/// either way, and printing again once numbered gives the real number (a first print of that number, not 补打).

#include "client/workflows/forms/form_document.h"
#include "client/workflows/workstation/desk.h"

#include <soci/soci.h>
#include <string>

namespace workflows {

/// The acceptance form of the order with this order number or local id.
FormResult acceptance_form(soci::session& sql, const PrintingCounter& counter, const std::string& order_ref);
/// The same, on the desk's cache.
FormResult acceptance_form(Desk& desk, const PrintingCounter& counter, const std::string& order_ref);

/// The move request of a move order (E_FORM_NOT_FOR_ORDER for any other type).
FormResult move_request_form(soci::session& sql, const PrintingCounter& counter, const std::string& order_ref);
/// The same, on the desk's cache.
FormResult move_request_form(Desk& desk, const PrintingCounter& counter, const std::string& order_ref);

} // namespace workflows
