#include "domain/region_codes.h"

#include "domain/embedded_data.h"

#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

namespace domain {
namespace {

using Entry = std::pair<int, std::string_view>;

/// Parsed once, on first use; the names point into the embedded data, which lives as long as the program.
const std::vector<Entry>& table()
{
    static const std::vector<Entry> entries = [] {
        std::vector<Entry> out;
        out.reserve(8192);
        for_each_data_line(gb2260_regions_tsv(), [&](std::string_view first, std::string_view second) {
            int code = 0;
            const auto [end, ec] = std::from_chars(first.data(), first.data() + first.size(), code);
            if (ec == std::errc{} && end == first.data() + first.size()) {
                out.emplace_back(code, second);
            }
        });
        std::sort(out.begin(), out.end());
        return out;
    }();
    return entries;
}

} // namespace

std::optional<std::string_view> region_name(int code)
{
    const auto& entries = table();
    const auto it =
        std::lower_bound(entries.begin(), entries.end(), code, [](const Entry& e, int c) { return e.first < c; });
    if (it == entries.end() || it->first != code) {
        return std::nullopt;
    }
    return it->second;
}

std::size_t region_count()
{
    return table().size();
}

void for_each_region(const std::function<void(int code, std::string_view name)>& visit)
{
    for (const auto& [code, name] : table()) {
        visit(code, name);
    }
}

} // namespace domain
