#pragma once
/// GB/T 2260 administrative division codes: the union of every revision, because an ID number keeps the code that
/// was in force when it was issued. The table is data (domain/data/gb2260_regions.tsv, made by
/// tools/region_codes/generate.sh) compiled into the library.

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace domain {

/// The most recent name of a six-digit division code, e.g. 110105 → 朝阳区; nothing for a code no revision had.
std::optional<std::string_view> region_name(int code);

/// How many codes the table holds (for diagnostics and tests).
std::size_t region_count();

/// Every code in the table with its name, in ascending code order (to build pick-lists and address trees).
void for_each_region(const std::function<void(int code, std::string_view name)>& visit);

} // namespace domain
