#pragma once
/// Why a form could not be loaded, laid out or written: a stable code for the screens to translate and named
/// parameters (file, line, field, …). The library never builds sentences; counterctl prints to_string() for IT staff.

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace printing {

struct PrintError
{
    std::string code; ///< E_TEMPLATE_SYNTAX, E_TEMPLATE_FIELD, E_DATA_MISSING, E_FONT_MISSING, … (docs/PRINTING.md)
    std::vector<std::pair<std::string, std::string>> params;

    /// The value of a parameter, or an empty view when absent.
    [[nodiscard]] std::string_view param(std::string_view name) const;
    /// "E_TEMPLATE_FIELD file=acceptance.xml line=12 field=customer.nmae": for logs and counterctl.
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const PrintError&, const PrintError&) = default;
};

/// A value or the PrintError that prevented it.
template <typename T> using PrintResult = std::variant<T, PrintError>;

/// Shorthand: print_error("E_DATA_MISSING", {{"field", "order.number"}}).
PrintError print_error(std::string code, std::vector<std::pair<std::string, std::string>> params = {});

/// The error inside a result, or nullptr when it holds a value.
template <typename T> const PrintError* error_of(const PrintResult<T>& result)
{
    return std::get_if<PrintError>(&result);
}

} // namespace printing
