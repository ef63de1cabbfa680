#pragma once
/// One place that checks a value against its kind and turns it into the text on paper: money formatted or written
/// in 大写, ID numbers and phone numbers masked unless the caller asked (and audited) otherwise.

#include "printing/field_catalog.h"
#include "printing/form_template.h"
#include "printing/print_error.h"

#include <optional>
#include <string>
#include <string_view>

namespace printing {

/// E_DATA_VALUE {field, value, reason} when `value` is not a well-formed `kind`; nothing when it is.
std::optional<PrintError> check_value(FieldKind kind, std::string_view field, std::string_view value);

/// The text printed for a checked value.
std::string display_value(FieldKind kind, std::string_view value, MoneyFormat money, bool mask);

} // namespace printing
