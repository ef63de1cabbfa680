#include "printing/xml_position.h"

#include <algorithm>

namespace printing {

int line_at(std::string_view text, std::ptrdiff_t offset)
{
    if (offset < 0) {
        return 0;
    }
    const auto end = std::min(text.size(), static_cast<std::size_t>(offset));
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

} // namespace printing
