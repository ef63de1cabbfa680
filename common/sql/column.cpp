#include "common/sql/column.h"

#include <charconv>
#include <stdexcept>

namespace sql {

long long column_int(const soci::row& row, std::size_t column)
{
    switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
        return row.get<int>(column);
    case soci::dt_long_long:
        return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
        return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
        return static_cast<long long>(row.get<double>(column));
    case soci::dt_string: {
        const auto text = row.get<std::string>(column);
        long long value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size() && !text.empty()) {
            return value;
        }
        break;
    }
    default:
        break;
    }
    throw std::runtime_error("column " + std::to_string(column) + " is not a number");
}

std::string column_text(const soci::row& row, std::size_t column)
{
    return row.get_indicator(column) == soci::i_null ? std::string() : row.get<std::string>(column);
}

} // namespace sql
