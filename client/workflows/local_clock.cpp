#include "client/workflows/local_clock.h"

#include <ctime>

namespace workflows {

domain::Date local_today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return domain::make_date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                             static_cast<unsigned>(local.tm_mday));
}

} // namespace workflows
