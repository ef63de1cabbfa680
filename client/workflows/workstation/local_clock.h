#pragma once
/// Today's date on this machine's local calendar: the one place that reads the clock for the domain's rules, so a
/// card that expires today is still valid until local midnight, not UTC midnight.

#include "domain/civil_date.h"

#include <ctime>
#include <optional>
#include <string_view>

namespace workflows {

domain::Date local_today();

/// A stored UTC time ("2026-11-23T01:45:00Z", the store's and the contract's form) as seconds since the epoch, for
/// the screens to show in local time; nothing when the text is not one.
std::optional<std::time_t> utc_seconds(std::string_view utc_text);

} // namespace workflows
