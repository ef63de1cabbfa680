#include "domain/mobile_prefixes.h"

#include "domain/embedded_data.h"

#include <algorithm>
#include <vector>

namespace domain {
namespace {

const std::vector<MobilePrefix>& table()
{
    static const std::vector<MobilePrefix> entries = [] {
        std::vector<MobilePrefix> out;
        for_each_data_line(mobile_prefixes_tsv(), [&](std::string_view prefix, std::string_view kind) {
            out.push_back({prefix, kind});
        });
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.prefix < b.prefix; });
        return out;
    }();
    return entries;
}

} // namespace

std::optional<MobilePrefix> find_mobile_prefix(std::string_view digits)
{
    const auto& entries = table();
    for (std::size_t len = std::min<std::size_t>(5, digits.size()); len >= 3; --len) {
        const auto candidate = digits.substr(0, len);
        const auto it = std::lower_bound(entries.begin(), entries.end(), candidate,
                                         [](const MobilePrefix& e, std::string_view p) { return e.prefix < p; });
        if (it != entries.end() && it->prefix == candidate) {
            return *it;
        }
    }
    return std::nullopt;
}

} // namespace domain
