// The standard-address picker against the real back office: down the tree and by text, each answer kept in the
// cache so the same choices work offline (and the paper can name an order's address); short texts refused.

#include "client/store/reference_cache.h"
#include "client/workflows/acceptance/address_picker.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace workflows;

namespace {

AddressChoices choices_of(std::variant<AddressChoices, bss::CallError> result)
{
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        FAIL(error->code() << " " << error->detail);
    }
    return std::get<AddressChoices>(std::move(result));
}

AddressChoices choices_of(std::variant<AddressChoices, AddressTextProblem, bss::CallError> result)
{
    if (const auto* error = std::get_if<bss::CallError>(&result)) {
        FAIL(error->code() << " " << error->detail);
    }
    if (const auto* problem = std::get_if<AddressTextProblem>(&result)) {
        FAIL(problem->code);
    }
    return std::get<AddressChoices>(std::move(result));
}

bool holds(const AddressChoices& choices, const std::string& address_id)
{
    return std::any_of(choices.addresses.begin(), choices.addresses.end(),
                       [&](const contract::AddressNode& node) { return node.address_id == address_id; });
}

/// The last `n` characters of UTF-8 text.
std::string tail(const std::string& text, int n)
{
    auto at = text.size();
    for (int seen = 0; at > 0 && seen < n;) {
        --at;
        if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
            ++seen;
        }
    }
    return text.substr(at);
}

} // namespace

TEST_CASE("addresses are picked down the tree or by text, online then from the cache", "[workflows][address]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    const auto building = scenario.building_with_free_ports(*scenario.client_as("1001"), 1);
    REQUIRE(building.parent_id);

    AddressPicker online(*ws.sql, &ws.client);
    const auto provinces = choices_of(online.children());
    CHECK_FALSE(provinces.from_cache);
    CHECK(provinces.addresses.size() >= 31); // GB/T 2260: 34 provincial divisions, 31 on the mainland
    CHECK(std::all_of(provinces.addresses.begin(), provinces.addresses.end(),
                      [](const contract::AddressNode& node) { return node.level == "province"; }));
    const auto street = choices_of(online.children(*building.parent_id));
    CHECK(holds(street, building.address_id));

    const auto part = tail(building.full_name, 5);
    const auto found = choices_of(online.search(part));
    CHECK(holds(found, building.address_id));

    // Offline, and with no back office at all: what was seen is there, and says where it came from.
    for (bss::BssClient* client : {&ws.offline, static_cast<bss::BssClient*>(nullptr)}) {
        AddressPicker cached(*ws.sql, client);
        const auto again = choices_of(cached.search(part));
        CHECK(again.from_cache);
        CHECK(again.offline.has_value() == (client != nullptr));
        CHECK(holds(again, building.address_id));
        CHECK(holds(choices_of(cached.children(*building.parent_id)), building.address_id));
        CHECK(choices_of(cached.children()).addresses.size() == provinces.addresses.size());
        // Two characters are below the text index; the cache scans for them instead.
        CHECK(holds(choices_of(cached.search(tail(building.full_name, 2))), building.address_id));
        CHECK(choices_of(cached.search("火星基地")).addresses.empty());
    }
    // The paper names the address from the cache.
    const auto kept = store::ReferenceCache(*ws.sql).address(building.address_id);
    REQUIRE(kept);
    CHECK(kept->full_name == building.full_name);
}

TEST_CASE("a search text too short to choose from is refused before anything is asked", "[workflows][address]")
{
    testing::Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    AddressPicker picker(*ws.sql, &ws.client);
    for (const std::string text : {"", "  ", "楼", " 路 ", "a"}) {
        const auto result = picker.search(text);
        REQUIRE(std::holds_alternative<AddressTextProblem>(result));
        CHECK(std::get<AddressTextProblem>(result).code == "E_ADDRESS_TEXT_SHORT");
        CHECK(std::get<AddressTextProblem>(result).minimum == 2);
    }
}
