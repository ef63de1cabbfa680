#include "services/bssclient/backoff.h"

#include <algorithm>
#include <cmath>

namespace bss {

std::chrono::milliseconds backoff_delay(std::chrono::milliseconds first, std::chrono::milliseconds cap, int retry,
                                        double jitter)
{
    if (first.count() <= 0 || retry < 1) {
        return std::chrono::milliseconds{0};
    }
    cap = std::max(cap, first);
    // Doubling stops at the cap, so a large retry number cannot overflow.
    std::chrono::milliseconds nominal = first;
    for (int i = 1; i < retry && nominal < cap; ++i) {
        nominal = std::min(nominal * 2, cap);
    }
    const double spread = 0.5 + std::clamp(jitter, 0.0, 1.0);
    return std::chrono::milliseconds{std::llround(static_cast<double>(nominal.count()) * spread)};
}

} // namespace bss
