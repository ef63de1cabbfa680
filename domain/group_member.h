#pragma once
/// Adding members to a group's short-number network: the number is local, not already a member, not added earlier
/// this month, and member changes are closed in the last days of each month while the month's bills are made.

#include "domain/civil_date.h"
#include "domain/phone_number.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

/// Member changes close in the last `closing_days` days of the month (6 by default: 25–30 November).
inline constexpr int kMemberClosingDays = 6;

/// E_MEMBER_WINDOW_CLOSED {reopens} when `today` is in the closing days.
std::optional<Problem> check_member_window(Date today, int closing_days = kMemberClosingDays);

/// What the group already has, as canonical service numbers.
struct GroupMembership
{
    std::string area_code;                     ///< the group's own area, e.g. "0755"
    std::vector<std::string> members;          ///< current members
    std::vector<std::string> added_this_month; ///< members added (and perhaps removed again) this month
};

/// Whether `number` may be added. A fixed line must be in the group's area; whether a mobile is local needs the
/// back office's number data and is checked there.
std::optional<Problem> check_new_member(const PhoneNumber& number, const GroupMembership& group);

} // namespace domain
