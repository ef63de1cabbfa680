#pragma once
/// The mobile prefix table (domain/data/mobile_prefixes.tsv): which prefixes were assigned, and to what kind of
/// service. Kept as data so a new allocation is a one-line change without touching code.

#include <optional>
#include <string_view>

namespace domain {

struct MobilePrefix
{
    std::string_view prefix; ///< 3 to 5 digits
    std::string_view kind;   ///< cmcc, cucc, ctcc, cbn, mvno, data or iot
};

/// The longest prefix of `digits` in the table, or nothing.
std::optional<MobilePrefix> find_mobile_prefix(std::string_view digits);

} // namespace domain
