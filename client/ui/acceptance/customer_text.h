#pragma once
/// How a customer reads on the 综合受理 page, in the list of those found and in the customer's box alike: the name
/// masked for a person, the main certificate masked, the grade and the status in words.

#include "client/workflows/workstation/records.h"

#include <string>
#include <wx/string.h>

namespace ui {

wxString grade_text(const std::string& grade);
/// A customer's or a service's status (active, suspended, closed).
wxString customer_status_text(const std::string& status);
/// A person's name is masked in lists; a group's is public.
wxString shown_name(const contract::CustomerRecord& customer);
/// The main certificate's number, masked (the first one when none is marked main).
wxString main_certificate(const contract::CustomerRecord& customer);

} // namespace ui
