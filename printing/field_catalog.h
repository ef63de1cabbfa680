#pragma once
/// The names a template may bind and order data may carry: the contract between the workflows that fill a form and
/// the templates that print it. A template naming anything else is refused when it is loaded, so a typo in a form
/// is found by the tests, not by a customer holding a blank receipt.

#include <optional>
#include <string_view>
#include <vector>

namespace printing {

/// How a value is checked and shown on paper.
enum class FieldKind
{
    text,      ///< printed as given
    money,     ///< yuan ("1234.50"); printed ¥1,234.50, or 大写 / plain on request
    id_number, ///< masked by default: 110105********002X
    phone,     ///< masked by default: 138****5678
    integer,   ///< digits only (quantities)
    datetime,  ///< local time "YYYY-MM-DD HH:MM"
    date,      ///< "YYYY-MM-DD"
};

/// The kind of a single field ("customer.id_number"), or nothing when the catalog does not know it. The built-in
/// page.number and page.count are included: the engine fills them, data may not.
std::optional<FieldKind> field_kind(std::string_view name);

/// True for the fields the engine fills itself (page.number, page.count).
bool is_builtin_field(std::string_view name);

/// True when `table` ("items", "fees", …) is a known table.
bool is_table(std::string_view table);

/// The kind of a column of a known table, or nothing.
std::optional<FieldKind> column_kind(std::string_view table, std::string_view column);

/// The known single-field names, for docs/PRINTING.md and the fuzzer's dictionary.
std::vector<std::string_view> field_names();

} // namespace printing
