#include "services/bssclient/backoff.h"

#include <catch2/catch.hpp>
#include <chrono>

using namespace std::chrono_literals;
using bss::backoff_delay;

TEST_CASE("back-off doubles from the first pause up to the cap", "[backoff]")
{
    struct Row
    {
        int retry;
        std::chrono::milliseconds nominal;
    };
    const Row rows[] = {{1, 200ms},  {2, 400ms},  {3, 800ms},   {4, 1600ms},      {5, 3200ms},
                        {6, 5000ms}, {7, 5000ms}, {40, 5000ms}, {1000000, 5000ms}};
    for (const auto& row : rows) {
        INFO("retry " << row.retry);
        // jitter 0.5 is the middle of the spread: the nominal pause itself.
        CHECK(backoff_delay(200ms, 5000ms, row.retry, 0.5) == row.nominal);
    }
}

TEST_CASE("jitter spreads each pause over half to one and a half times the nominal one", "[backoff]")
{
    const double jitters[] = {0.0, 0.001, 0.25, 0.5, 0.75, 0.999, 1.0};
    for (int retry = 1; retry <= 8; ++retry) {
        const auto nominal = backoff_delay(100ms, 2000ms, retry, 0.5);
        auto previous = 0ms;
        for (const double jitter : jitters) {
            INFO("retry " << retry << " jitter " << jitter);
            const auto delay = backoff_delay(100ms, 2000ms, retry, jitter);
            CHECK(delay >= nominal / 2);
            CHECK(delay <= nominal * 3 / 2);
            CHECK(delay >= previous); // more jitter, never a shorter pause
            previous = delay;
        }
        CHECK(backoff_delay(100ms, 2000ms, retry, 0.0) == nominal / 2);
        CHECK(backoff_delay(100ms, 2000ms, retry, 1.0) == nominal * 3 / 2);
    }
}

TEST_CASE("odd back-off settings give a sensible schedule", "[backoff]")
{
    struct Row
    {
        const char* what;
        std::chrono::milliseconds first;
        std::chrono::milliseconds cap;
        int retry;
        double jitter;
        std::chrono::milliseconds expected;
    };
    const Row rows[] = {
        {"no back-off configured", 0ms, 5000ms, 3, 0.7, 0ms},
        {"negative back-off", -5ms, 5000ms, 1, 0.5, 0ms},
        {"retry 0 is not a retry", 200ms, 5000ms, 0, 0.5, 0ms},
        {"a cap below the first pause is raised to it", 300ms, 100ms, 4, 0.5, 300ms},
        {"jitter below 0 counts as 0", 200ms, 5000ms, 1, -3.0, 100ms},
        {"jitter above 1 counts as 1", 200ms, 5000ms, 1, 7.0, 300ms},
        {"a cap that is not a power of two of the first", 300ms, 1000ms, 3, 0.5, 1000ms},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        CHECK(backoff_delay(row.first, row.cap, row.retry, row.jitter) == row.expected);
    }
}
