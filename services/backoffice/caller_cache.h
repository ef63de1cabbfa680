#pragma once
/// Who a session token belongs to, remembered for a moment: every request names its session, and looking the
/// staff member, roles and permissions up each time was an eighth of the back office's work under load. An entry
/// lives `ttl` (one second by default) and this process forgets everything at once when it changes sessions,
/// staff or roles; another process sharing the database (PostgreSQL scale-out) sees such a change within `ttl`.

#include "services/backoffice/op_context.h"

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace backoffice {

class CallerCache
{
public:
    using Clock = std::chrono::steady_clock;

    explicit CallerCache(std::chrono::milliseconds ttl = std::chrono::seconds(1), std::size_t capacity = 10000);

    /// The caller remembered for `token`, if remembered within the last `ttl`.
    [[nodiscard]] std::optional<Caller> find(const std::string& token, Clock::time_point now = Clock::now());
    /// Remembers `caller`, unless the cache was cleared since `generation()` was read before looking it up (what
    /// was read may predate the change that cleared it).
    void put(const std::string& token, const Caller& caller, std::uint64_t generation,
             Clock::time_point now = Clock::now());
    [[nodiscard]] std::uint64_t generation();
    /// Forgets everyone (a logout, a password, staff or role changed).
    void clear();

private:
    struct Entry
    {
        Caller caller;
        Clock::time_point loaded;
    };

    std::chrono::milliseconds m_ttl;
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
    std::uint64_t m_generation = 0;
};

} // namespace backoffice
