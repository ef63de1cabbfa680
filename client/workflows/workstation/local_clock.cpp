#include "client/workflows/workstation/local_clock.h"

#include "client/store/utc_text.h"
#include "services/contract/field_types.h"

#include <chrono>
#include <ctime>

namespace workflows {

std::optional<std::time_t> utc_seconds(std::string_view utc_text)
{
    if (const auto at = store::parse_utc_text(utc_text)) {
        return static_cast<std::time_t>(at->time_since_epoch().count());
    }
    // The back office's timestamps may carry fractions of a second.
    if (const auto at = contract::parse_timestamp(utc_text)) {
        return static_cast<std::time_t>(
            std::chrono::duration_cast<std::chrono::seconds>(at->time_since_epoch()).count());
    }
    return std::nullopt;
}

domain::Date local_today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return domain::make_date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                             static_cast<unsigned>(local.tm_mday));
}

} // namespace workflows
