#include "services/backoffice/login_rate_limit.h"

#include <algorithm>
#include <cmath>

namespace backoffice {

std::optional<std::chrono::seconds> LoginRateLimit::take(const std::string& source, double per_minute,
                                                         Clock::time_point now)
{
    const double capacity = std::max(1.0, per_minute);
    const double per_second = capacity / 60.0;
    const std::lock_guard lock(m_mutex);
    if (now - m_swept > std::chrono::minutes{1}) {
        forget_full(capacity, now);
        m_swept = now;
    }
    auto [found, fresh] = m_buckets.try_emplace(source, Bucket{capacity, now});
    auto& bucket = found->second;
    if (!fresh) {
        const double elapsed = std::chrono::duration<double>(now - bucket.at).count();
        bucket.tokens = std::min(capacity, bucket.tokens + std::max(0.0, elapsed) * per_second);
        bucket.at = now;
    }
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    const double wait = (1.0 - bucket.tokens) / per_second;
    return std::chrono::seconds{std::max<long long>(1, static_cast<long long>(std::ceil(wait)))};
}

void LoginRateLimit::forget_full(double capacity, Clock::time_point now)
{
    const double per_second = capacity / 60.0;
    std::erase_if(m_buckets, [&](const auto& entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.second.at).count();
        return entry.second.tokens + elapsed * per_second >= capacity;
    });
}

std::string peer_address(const std::string& remote)
{
    if (remote.starts_with('[')) {
        const auto close = remote.find(']');
        return close == std::string::npos ? remote : remote.substr(1, close - 1);
    }
    const auto colon = remote.rfind(':');
    return colon == std::string::npos ? remote : remote.substr(0, colon);
}

} // namespace backoffice
