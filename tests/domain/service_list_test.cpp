#include "domain/service_list.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("the same service cannot be chosen twice", "[services]")
{
    ServiceList list;
    REQUIRE_FALSE(list.add({"FIXED_INSTALL", ServiceCategory::new_service, 3}));
    const auto twice = list.add({"FIXED_INSTALL", ServiceCategory::new_service, 1});
    REQUIRE(twice);
    CHECK(twice->code == Errc::service_already_chosen);
    CHECK(list.services().size() == 1);
    CHECK(list.services()[0].quantity == 3);
}

TEST_CASE("quantities are between 1 and the batch limit", "[services]")
{
    ServiceList list;
    CHECK(list.add({"MOVE", ServiceCategory::change, 0})->code == Errc::service_quantity);
    CHECK(list.add({"MOVE", ServiceCategory::change, ServiceList::kMaxQuantity + 1}));
    CHECK(list.empty());
    REQUIRE_FALSE(list.add({"MOVE", ServiceCategory::change, 1}));
    CHECK(list.set_quantity("MOVE", -1));
    CHECK(list.services()[0].quantity == 1);
    CHECK_FALSE(list.set_quantity("MOVE", 2));
    CHECK(list.services()[0].quantity == 2);
    CHECK(list.remove("MOVE"));
    CHECK_FALSE(list.remove("MOVE"));
    CHECK(list.empty());
}
