#include "services/backoffice/caller_cache.h"

namespace backoffice {

CallerCache::CallerCache(std::chrono::milliseconds ttl, std::size_t capacity) : m_ttl(ttl), m_capacity(capacity) {}

std::optional<Caller> CallerCache::find(const std::string& token, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(token);
    if (found == m_entries.end()) {
        return std::nullopt;
    }
    if (now - found->second.loaded >= m_ttl) {
        m_entries.erase(found);
        return std::nullopt;
    }
    return found->second.caller;
}

std::uint64_t CallerCache::generation()
{
    const std::lock_guard lock(m_mutex);
    return m_generation;
}

void CallerCache::put(const std::string& token, const Caller& caller, std::uint64_t generation, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    if (generation != m_generation) {
        return;
    }
    if (m_entries.size() >= m_capacity) {
        // Many sessions at once: starting over is cheaper than tracking age, and costs one lookup each.
        m_entries.clear();
    }
    m_entries.insert_or_assign(token, Entry{caller, now});
}

void CallerCache::clear()
{
    const std::lock_guard lock(m_mutex);
    ++m_generation;
    m_entries.clear();
}

} // namespace backoffice
