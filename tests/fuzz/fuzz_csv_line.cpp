// Import-file lines: the first byte picks the column, the rest is the line.
#include "client/workflows/import/csv_line.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    const std::size_t column = data[0] % 8 + 1;
    const std::string_view line(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto field = workflows::csv_field(line, column);
    if (field.value.size() > line.size()) {
        __builtin_trap();
    }
    return 0;
}
