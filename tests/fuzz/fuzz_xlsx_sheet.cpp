// Member import workbooks: the first byte picks the layer (the whole ZIP container, a worksheet part, or the shared
// strings part), the rest is its bytes. Properties: the reader's limits hold and row numbers are never 0.
#include "client/workflows/import/xlsx_sheet.h"

#include <cstdint>

namespace {

void check_rows(const workflows::XlsxRows& result, const workflows::XlsxLimits& limits)
{
    const auto* rows = std::get_if<std::vector<workflows::XlsxRow>>(&result);
    if (rows == nullptr) {
        if (std::get<workflows::XlsxError>(result).code.empty()) {
            __builtin_trap();
        }
        return;
    }
    if (rows->size() > limits.max_rows) {
        __builtin_trap();
    }
    for (const auto& row : *rows) {
        if (row.number == 0 || row.cells.empty() || row.cells.size() > limits.max_columns) {
            __builtin_trap();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    workflows::XlsxLimits limits;
    limits.max_part_bytes = 1 << 20;
    limits.max_rows = 1000;
    limits.max_columns = 8;
    const std::span<const unsigned char> bytes(data + 1, size - 1);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
    case 0:
        check_rows(workflows::read_xlsx_first_sheet(bytes, limits), limits);
        break;
    case 1:
        check_rows(workflows::parse_sheet(text, {"a", "b", "c"}, limits), limits);
        break;
    default:
        (void)workflows::parse_shared_strings(text);
        break;
    }
    return 0;
}
