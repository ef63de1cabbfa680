#pragma once
/// The largest amount one act at the counter may carry: one payment, one refund, one fee line. A counter takes
/// rent, fees and arrears, never millions; a bound far above any real bill but far below what 64-bit fen can
/// hold means that no day's or account's sum of bounded amounts can overflow, and that a typing slip (an extra
/// row of zeros) is refused before money moves. The back office holds the bound as a setting (`max_amount_fen`);
/// this default is what both sides use when nothing else is configured.

#include "domain/money.h"
#include "domain/problem.h"

#include <optional>

namespace domain {

/// ¥1,000,000.00.
inline constexpr Money kDefaultMaxAmount = Money::from_yuan(1'000'000);

/// An amount taken, refunded or charged: more than zero and at most `max`. Problems: amount_not_positive,
/// amount_too_large {amount, max}.
std::optional<Problem> check_amount(Money amount, Money max = kDefaultMaxAmount);

/// A fee line: zero (a fee waived to nothing is still listed) up to `max`, never negative (a discount or waiver
/// is a line of its own with its own approval, not a negative fee). Problems: fee_negative {amount},
/// amount_too_large {amount, max}.
std::optional<Problem> check_fee_line(Money amount, Money max = kDefaultMaxAmount);

} // namespace domain
