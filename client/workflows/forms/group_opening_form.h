#pragma once
/// 集团客户开户申请表 (group_opening) from the cached group customer: name, number, type, grid, address, contact
/// phone, certificates (主证件 marked) and customer managers. Opening a group is no order, so the form's number
/// is the group's customer id (a provisional group's local id until the back office has created it, then the form
/// is pending_number). The moment and the clerk are those of the opening in the audit log (customer.create), or
/// the moment it was cached and the printing clerk when the log does not have it.
///
/// Not stored by the workstation (the opening does not ask for them): the industry, the legal person and their ID,
/// the contact person's name, and the managers' names and phones (only their 工号 are kept).

#include "client/workflows/forms/form_document.h"
#include "client/workflows/workstation/desk.h"

#include <soci/soci.h>
#include <string>

namespace workflows {

/// The group opening form of the cached group customer `customer_id` (E_CUSTOMER_NOT_FOUND when it is not cached
/// or is not a group).
FormResult group_opening_form(soci::session& sql, const PrintingCounter& counter, const std::string& customer_id);
/// The same, on the desk's cache.
FormResult group_opening_form(Desk& desk, const PrintingCounter& counter, const std::string& customer_id);

} // namespace workflows
