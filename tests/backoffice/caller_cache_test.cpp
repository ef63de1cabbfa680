// The session lookup cache: an entry lives its time-to-live, a clear forgets everyone, and a lookup that began
// before a clear cannot put back what it read.

#include "services/backoffice/caller_cache.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

namespace {
backoffice::Caller clerk(const std::string& id)
{
    backoffice::Caller caller;
    caller.staff_id = id;
    caller.permissions = {"order.submit"};
    return caller;
}
} // namespace

TEST_CASE("a remembered caller lives its time to live and no longer", "[backoffice][sessions]")
{
    backoffice::CallerCache cache(1000ms);
    const auto t0 = backoffice::CallerCache::Clock::time_point{} + 1h;
    CHECK_FALSE(cache.find("tok-a", t0));
    cache.put("tok-a", clerk("1001"), cache.generation(), t0);
    REQUIRE(cache.find("tok-a", t0 + 999ms));
    CHECK(cache.find("tok-a", t0 + 999ms)->staff_id == "1001");
    CHECK(cache.find("tok-a", t0 + 999ms)->may("order.submit"));
    CHECK_FALSE(cache.find("tok-b", t0));
    CHECK_FALSE(cache.find("tok-a", t0 + 1000ms));
    CHECK_FALSE(cache.find("tok-a", t0)); // expired entries are dropped, not revived
}

TEST_CASE("a clear forgets everyone and refuses what was read before it", "[backoffice][sessions]")
{
    backoffice::CallerCache cache(1000ms);
    const auto t0 = backoffice::CallerCache::Clock::time_point{} + 1h;
    cache.put("tok-a", clerk("1001"), cache.generation(), t0);
    const auto before = cache.generation(); // a lookup starts reading the database…
    cache.clear();                          // …a logout commits meanwhile…
    CHECK_FALSE(cache.find("tok-a", t0));
    cache.put("tok-b", clerk("1002"), before, t0); // …and what the lookup read is not remembered
    CHECK_FALSE(cache.find("tok-b", t0));
    cache.put("tok-b", clerk("1002"), cache.generation(), t0);
    CHECK(cache.find("tok-b", t0));
}

TEST_CASE("a full cache starts over rather than grow", "[backoffice][sessions]")
{
    backoffice::CallerCache cache(1000ms, 3);
    const auto t0 = backoffice::CallerCache::Clock::time_point{} + 1h;
    for (const char* token : {"t1", "t2", "t3"}) {
        cache.put(token, clerk(token), cache.generation(), t0);
    }
    CHECK(cache.find("t3", t0));
    cache.put("t4", clerk("t4"), cache.generation(), t0);
    CHECK(cache.find("t4", t0));
    CHECK_FALSE(cache.find("t1", t0));
}
