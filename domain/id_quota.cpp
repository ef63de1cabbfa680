#include "domain/id_quota.h"

namespace domain {

std::optional<Problem> check_id_quota(const IdQuotaPolicy& policy, std::string_view kind, int held, int adding)
{
    const auto it = policy.limits.find(kind);
    if (it == policy.limits.end() || held + adding <= it->second) {
        return std::nullopt;
    }
    return problem(
        Errc::id_quota_exceeded,
        {{"kind", std::string(kind)}, {"held", std::to_string(held)}, {"limit", std::to_string(it->second)}});
}

} // namespace domain
