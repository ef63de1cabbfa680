// The login rate per source: a token bucket per address, refilled evenly, forgotten once full again.
#include "services/backoffice/login_rate_limit.h"

#include <catch2/catch.hpp>

using backoffice::LoginRateLimit;
using namespace std::chrono_literals;

TEST_CASE("a source gets its allowance at once, then one login per refill interval", "[login]")
{
    LoginRateLimit limit;
    const auto start = LoginRateLimit::Clock::time_point{} + 1h;
    for (int i = 0; i < 60; ++i) {
        REQUIRE_FALSE(limit.take("10.1.1.1", 60, start));
    }
    const auto wait = limit.take("10.1.1.1", 60, start);
    REQUIRE(wait);
    CHECK(*wait == 1s);
    // Another address is not affected.
    CHECK_FALSE(limit.take("10.1.1.2", 60, start));
    // A second later one more is allowed, and only one.
    CHECK_FALSE(limit.take("10.1.1.1", 60, start + 1s));
    CHECK(limit.take("10.1.1.1", 60, start + 1s));
    // A slower rate waits longer.
    for (int i = 0; i < 6; ++i) {
        REQUIRE_FALSE(limit.take("10.1.1.3", 6, start));
    }
    CHECK(limit.take("10.1.1.3", 6, start) == std::optional(10s));
}

TEST_CASE("a source that stopped trying is full again after a minute", "[login]")
{
    LoginRateLimit limit;
    const auto start = LoginRateLimit::Clock::time_point{} + 1h;
    for (int i = 0; i < 61; ++i) {
        (void)limit.take("10.1.1.1", 60, start);
    }
    for (int i = 0; i < 60; ++i) {
        REQUIRE_FALSE(limit.take("10.1.1.1", 60, start + 2min));
    }
}

TEST_CASE("the peer's address is the remote without its port", "[login]")
{
    CHECK(backoffice::peer_address("127.0.0.1:50432") == "127.0.0.1");
    CHECK(backoffice::peer_address("[::1]:443") == "::1");
    CHECK(backoffice::peer_address("") == "");
}
