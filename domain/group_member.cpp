#include "domain/group_member.h"

#include <algorithm>

namespace domain {

std::optional<Problem> check_member_window(Date today, int closing_days)
{
    using namespace std::chrono;
    const auto last = year_month_day_last{today.year(), month_day_last{today.month()}};
    const int days_left =
        static_cast<int>(static_cast<unsigned>(last.day())) - static_cast<int>(static_cast<unsigned>(today.day()));
    if (days_left >= closing_days) {
        return std::nullopt;
    }
    const Date reopens = Date{sys_days{last} + days{1}};
    return problem(Errc::member_window_closed, {{"reopens", format_iso(reopens)}});
}

std::optional<Problem> check_new_member(const PhoneNumber& number, const GroupMembership& group)
{
    const auto contains = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), number.str()) != list.end();
    };
    if (contains(group.members)) {
        return problem(Errc::member_exists, {{"number", number.str()}});
    }
    if (contains(group.added_this_month)) {
        return problem(Errc::member_added_this_month, {{"number", number.str()}});
    }
    if (number.kind() == PhoneKind::fixed_line && number.area_code() != group.area_code) {
        return problem(Errc::member_not_local,
                       {{"area", std::string(number.area_code())}, {"group_area", group.area_code}});
    }
    return std::nullopt;
}

} // namespace domain
