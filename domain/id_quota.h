#pragma once
/// Per-ID limits (一证N号): how many services of a kind one document may hold with this operator. The limits are
/// configuration (mobile defaults to five); a kind without a limit is unlimited.

#include "domain/problem.h"

#include <map>
#include <optional>
#include <string>

namespace domain {

struct IdQuotaPolicy
{
    std::map<std::string, int, std::less<>> limits{{"mobile", 5}};
};

/// E_ID_QUOTA {kind, held, limit} when adding `adding` more services would exceed the kind's limit.
std::optional<Problem> check_id_quota(const IdQuotaPolicy& policy, std::string_view kind, int held, int adding = 1);

} // namespace domain
