#include "idcard/sam_id.h"

#include <cstdio>

namespace idcard {
namespace {

std::uint32_t le(const Bytes& b, std::size_t at, std::size_t n)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        v |= static_cast<std::uint32_t>(b[at + i]) << (8 * i);
    }
    return v;
}

} // namespace

std::optional<std::string> format_sam_id(const Bytes& raw)
{
    if (raw.size() != 16) {
        return std::nullopt;
    }
    char out[48];
    std::snprintf(out, sizeof out, "%02u.%02u-%08u-%010u-%010u", le(raw, 0, 2), le(raw, 2, 2), le(raw, 4, 4),
                  le(raw, 8, 4), le(raw, 12, 4));
    return std::string(out);
}

} // namespace idcard
