#include "common/sql/like_pattern.h"

namespace sql {

std::string like_escaped(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

std::string like_contains(std::string_view text)
{
    return "%" + like_escaped(text) + "%";
}

std::string like_ends_with(std::string_view text)
{
    return "%" + like_escaped(text);
}

} // namespace sql
