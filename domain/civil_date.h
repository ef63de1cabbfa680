#pragma once
/// Calendar dates as std::chrono::year_month_day. The domain never asks for today's date: callers pass it in, so every
/// rule is testable on 29 February or the day a card expires.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace domain {

using Date = std::chrono::year_month_day;

/// Exactly eight ASCII digits forming a real Gregorian date ("20240229"), or nothing.
std::optional<Date> parse_yyyymmdd(std::string_view text);

/// "20240229".
std::string format_yyyymmdd(Date date);

/// "2024-02-29".
std::string format_iso(Date date);

/// Completed years (周岁) on a date. Someone born on 29 February becomes a year older on 1 March in common years.
int age_on(Date birth, Date on);

/// Shorthand for literals in rules and tests.
constexpr Date make_date(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

} // namespace domain
