#include "client/workflows/import/csv_line.h"

namespace workflows {

CsvField csv_field(std::string_view line, std::size_t column, char separator)
{
    std::size_t pos = 0;
    for (std::size_t index = 1;; ++index) {
        CsvField field;
        if (pos < line.size() && line[pos] == '"') {
            ++pos;
            bool closed = false;
            while (pos < line.size()) {
                if (line[pos] == '"') {
                    if (pos + 1 < line.size() && line[pos + 1] == '"') {
                        field.value += '"';
                        pos += 2;
                        continue;
                    }
                    closed = true;
                    ++pos;
                    break;
                }
                field.value += line[pos++];
            }
            if (!closed || (pos < line.size() && line[pos] != separator)) {
                return {CsvFieldStatus::bad_quote, {}};
            }
        } else {
            const auto end = line.find(separator, pos);
            const auto stop = end == std::string_view::npos ? line.size() : end;
            if (index == column) {
                field.value.assign(line.substr(pos, stop - pos));
            }
            pos = stop;
        }
        if (index == column) {
            return field;
        }
        if (pos >= line.size()) {
            return {CsvFieldStatus::missing, {}};
        }
        ++pos; // the separator
    }
}

} // namespace workflows
