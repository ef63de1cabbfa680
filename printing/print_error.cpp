#include "printing/print_error.h"

namespace printing {

std::string_view PrintError::param(std::string_view name) const
{
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

std::string PrintError::to_string() const
{
    std::string out = code;
    for (const auto& [key, value] : params) {
        out += ' ';
        out += key;
        out += '=';
        out += value;
    }
    return out;
}

PrintError print_error(std::string code, std::vector<std::pair<std::string, std::string>> params)
{
    return PrintError{std::move(code), std::move(params)};
}

} // namespace printing
