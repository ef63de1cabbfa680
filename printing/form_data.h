#pragma once
/// The order data a form is filled with: named fields and tables of rows, as plain text. The workflows build it from
/// an order; counterctl and the tests read it from forms/samples/NAME.xml:
///   <form-data>
///     <field name="order.number">DD20261123000123</field>
///     <table name="fees"><row item="安装调测费" amount="100.00"/></table>
///   </form-data>
/// Names are checked against the catalog (field_catalog.h) and values against their kind (money, dates, …).

#include "printing/print_error.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace printing {

using FormRow = std::map<std::string, std::string, std::less<>>;

struct FormData
{
    std::map<std::string, std::string, std::less<>> fields;
    std::map<std::string, std::vector<FormRow>, std::less<>> tables;

    /// A field's value, or nullptr when absent.
    [[nodiscard]] const std::string* field(std::string_view name) const;
};

/// Every name known and every value well formed for its kind: E_DATA_FIELD for an unknown or built-in name,
/// E_DATA_VALUE {field, value, reason} for a bad amount, date or number (reason is the domain's code for money, e.g.
/// E_MONEY_PRECISION), E_DATA_TOTAL when fees.total is not the sum of the fees.
PrintResult<FormData> validate_form_data(FormData data);

/// Parses and validates data XML; `file` names it in errors (E_DATA_SYNTAX, E_DATA_ELEMENT with its line).
PrintResult<FormData> parse_form_data(std::string_view xml, const std::string& file);

/// Reads and parses a data file (E_FILE_READ when it cannot be read).
PrintResult<FormData> load_form_data(const std::filesystem::path& file);

} // namespace printing
