#pragma once
/// Today's date on this machine's local calendar: the one place that reads the clock for the domain's rules, so a
/// card that expires today is still valid until local midnight, not UTC midnight.

#include "domain/civil_date.h"

namespace workflows {

domain::Date local_today();

} // namespace workflows
