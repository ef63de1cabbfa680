#include "domain/civil_date.h"

#include <cstdio>
#include <utility>

namespace domain {

std::optional<Date> parse_yyyymmdd(std::string_view text)
{
    if (text.size() != 8) {
        return std::nullopt;
    }
    int value[8];
    for (std::size_t i = 0; i < 8; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        value[i] = text[i] - '0';
    }
    const int y = value[0] * 1000 + value[1] * 100 + value[2] * 10 + value[3];
    const auto m = static_cast<unsigned>(value[4] * 10 + value[5]);
    const auto d = static_cast<unsigned>(value[6] * 10 + value[7]);
    const Date date = make_date(y, m, d);
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::string format_yyyymmdd(Date date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return buf;
}

std::string format_iso(Date date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return buf;
}

int age_on(Date birth, Date on)
{
    int age = static_cast<int>(on.year()) - static_cast<int>(birth.year());
    const auto on_md = std::pair{static_cast<unsigned>(on.month()), static_cast<unsigned>(on.day())};
    const auto birth_md = std::pair{static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day())};
    if (on_md < birth_md) {
        --age;
    }
    return age;
}

} // namespace domain
