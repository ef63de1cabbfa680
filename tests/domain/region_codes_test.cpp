#include "domain/region_codes.h"

#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

using namespace domain;

TEST_CASE("the division table holds current and historical codes", "[region]")
{
    CHECK(region_count() > 7000);
    CHECK(region_name(110000) == std::optional<std::string_view>("北京市"));
    CHECK(region_name(110105) == std::optional<std::string_view>("朝阳区"));
    CHECK(region_name(110103) == std::optional<std::string_view>("崇文区")); // merged into 东城区 in 2010
    CHECK(region_name(341400) == std::optional<std::string_view>("巢湖市")); // abolished 2011
    CHECK(region_name(810000) == std::optional<std::string_view>("香港特别行政区"));
    CHECK_FALSE(region_name(0));
    CHECK_FALSE(region_name(110199));
    CHECK_FALSE(region_name(999999));
}

TEST_CASE("every division code can be listed in order", "[region]")
{
    std::size_t count = 0;
    int previous = 0;
    bool ascending = true;
    std::vector<std::string_view> provinces;
    for_each_region([&](int code, std::string_view name) {
        ascending = ascending && code > previous;
        previous = code;
        ++count;
        if (code % 10000 == 0) {
            provinces.push_back(name);
        }
    });
    CHECK(count == region_count());
    CHECK(ascending);
    REQUIRE(provinces.size() == 34); // 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    CHECK(provinces.front() == "北京市");
    CHECK(provinces.back() == "澳门特别行政区");
}
