#pragma once
/// At most so many login attempts per source address a minute, answered before any password is hashed. A flood of
/// logins otherwise keeps the work threads busy with Argon2id and slows every signed-in clerk's reads (six clients
/// took a clerk's 17 ms reads to half a second). A token bucket per address: `per_minute` tokens, refilled evenly.
/// In memory and per process: it protects this process's threads, which is what it is for.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace backoffice {

class LoginRateLimit
{
public:
    using Clock = std::chrono::steady_clock;

    /// Takes a token for `source`; when none is left, how long until one is (whole seconds, at least 1).
    std::optional<std::chrono::seconds> take(const std::string& source, double per_minute, Clock::time_point now);

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point at;
    };
    /// Buckets are dropped once full again, so addresses that stopped trying take no memory; this bounds the map
    /// by the addresses seen in the last minute or so.
    void forget_full(double per_minute, Clock::time_point now);

    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    Clock::time_point m_swept;
};

/// The address of a peer given as "address:port" or "[v6]:port".
std::string peer_address(const std::string& remote);

} // namespace backoffice
