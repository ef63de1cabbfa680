#include "common/sql/sqlite_file.h"

#include <stdexcept>

namespace sql {

std::string sqlite_connect_string(const std::filesystem::path& file)
{
    const std::string text = file.string();
    if (text.empty()) {
        throw std::invalid_argument("an SQLite database needs a file name");
    }
    if (text.find('"') != std::string::npos) {
        // SOCI's parser has no escape for a quote inside a quoted value.
        throw std::invalid_argument("an SQLite database path cannot contain a double quote: " + text);
    }
    return "db=\"" + text + "\"";
}

} // namespace sql
