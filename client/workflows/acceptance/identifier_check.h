#pragma once
/// Checks one identifier of a named kind the way the counter does: the domain rule, plus the warnings a clerk should
/// see without the value being refused (unknown region code, inconsistent embedded organisation code).

#include "domain/civil_date.h"
#include "domain/problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace workflows {

enum class IdentifierKind
{
    id,
    uscc,
    orgcode,
    phone,
    short_number
};

/// "id", "uscc", "orgcode", "phone", "short".
std::optional<IdentifierKind> identifier_kind_from_string(std::string_view text);

struct IdentifierVerdict
{
    std::optional<domain::Problem> problem; ///< why it is invalid; nothing when valid
    std::vector<std::string> warnings;      ///< stable codes: W_ID_REGION_UNKNOWN, W_USCC_ORG_CODE
    std::string canonical;                  ///< the value as stored (15-digit IDs converted, phones formatted)

    [[nodiscard]] bool valid() const { return !problem.has_value(); }
};

IdentifierVerdict check_identifier(IdentifierKind kind, std::string_view value, domain::Date today);

} // namespace workflows
