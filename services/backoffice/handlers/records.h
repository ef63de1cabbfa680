#pragma once
/// Reading whole records that several handlers answer with (customers, orders, a product's attributes), and mapping
/// domain problems to refusals.

#include "domain/civil_date.h"
#include "domain/problem.h"
#include "services/backoffice/op_context.h"
#include "services/contract/messages/catalog.h"
#include "services/contract/messages/order.h"

namespace backoffice {

/// Throws not_found when absent.
contract::CustomerRecord load_customer(soci::session& sql, const std::string& customer_id);
std::optional<contract::CustomerRecord> find_customer(soci::session& sql, const std::string& customer_id);
contract::ProductOrder load_order(soci::session& sql, const std::string& order_id);

/// A product's attributes in catalog order (allowed values stored '|'-separated; none: free text).
std::vector<contract::OfferingAttribute> offering_attributes(soci::session& sql, const std::string& offering_id);

/// The business day of `now` (UTC+8) as a date, for the domain's rules.
domain::Date today(contract::Timestamp now);

/// E_VALIDATION {field, reason = the problem's code name, the problem's own parameters}.
[[noreturn]] void refuse_problem(const std::string& field, const domain::Problem& problem);

} // namespace backoffice
