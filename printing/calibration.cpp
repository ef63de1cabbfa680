#include "printing/calibration.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace printing {
namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return text;
}

/// One coordinate: "-0.8", "+1.5", "2mm", " 1.25 mm ".
bool parse_number(std::string_view text, double& out)
{
    text = trim(text);
    if (text.size() > 2 && text.substr(text.size() - 2) == "mm") {
        text = trim(text.substr(0, text.size() - 2));
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    if (text.empty() ||
        !(std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '-' || text.front() == '.')) {
        return false; // also refuses "inf" and "nan", which from_chars would take
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

std::string format_mm(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    std::string text(buf);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

/// Letters, digits, '_' and '-' as they are; any other byte as %XX.
std::string escaped(std::string_view text)
{
    std::string key;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '_' || c == '-') {
            key += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", byte);
            key += hex;
        }
    }
    return key;
}

} // namespace

std::string offset_setting_key(std::string_view printer, std::string_view form)
{
    return "print.offset." + escaped(printer) + "." + escaped(form);
}

std::string format_offsets(const Offsets& offsets)
{
    return format_mm(offsets.x_mm) + "," + format_mm(offsets.y_mm);
}

PrintResult<Offsets> parse_offsets(std::string_view text)
{
    const auto comma = text.find(',');
    Offsets offsets;
    if (comma == std::string_view::npos || !parse_number(text.substr(0, comma), offsets.x_mm) ||
        !parse_number(text.substr(comma + 1), offsets.y_mm)) {
        return print_error("E_OFFSET_FORMAT", {{"text", std::string(text)}});
    }
    for (const auto& [axis, value] : {std::pair{"x", offsets.x_mm}, std::pair{"y", offsets.y_mm}}) {
        if (std::fabs(value) > kMaxOffsetMm) {
            return print_error("E_OFFSET_RANGE",
                               {{"axis", axis}, {"value", format_mm(value)}, {"limit", format_mm(kMaxOffsetMm)}});
        }
    }
    return offsets;
}

} // namespace printing
