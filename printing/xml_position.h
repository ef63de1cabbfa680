#pragma once
/// Line numbers for errors about XML files: pugixml reports byte offsets, clerks' IT staff open files by line.

#include <cstddef>
#include <string_view>

namespace printing {

/// The 1-based line holding byte `offset` of `text` (offsets past the end count as the last line).
int line_at(std::string_view text, std::ptrdiff_t offset);

} // namespace printing
