// Customers, real-name pre-checks, catalog, standard addresses and port resources.
#include "../support/scenario.h"
#include "domain/credit_code.h"
#include "services/contract/operations.h"

using namespace contract;
using testing::Scenario;

TEST_CASE("an individual customer is created, found by ID number, name and service number, and updated",
          "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto created = scenario.new_individual(*clerk, "测试客户甲");
    CHECK(created.customer_id.starts_with("C"));
    CHECK(created.version == 1);

    const auto by_id = clerk->call(CustomerFindRequest{created.certificates.at(0).number, {}, {}, {}});
    REQUIRE(by_id.ok());
    REQUIRE(by_id.value().customers.size() == 1);
    CHECK(by_id.value().customers[0].name == "测试客户甲");
    const auto by_name = clerk->call(CustomerFindRequest{{}, {}, std::string("测试客户甲"), {}});
    REQUIRE(by_name.ok());
    CHECK(by_name.value().customers.size() == 1);
    CHECK(clerk->call(CustomerFindRequest{}).param("reason") == "oneCriterion");

    const auto served = scenario.find_demo_customer(*clerk, [](const auto& c) { return !c.services.empty(); });
    REQUIRE(served.has_value());
    const auto by_service = clerk->call(CustomerFindRequest{{}, served->services.at(0).service_number, {}, {}});
    REQUIRE(by_service.ok());
    CHECK(by_service.value().customers.at(0).customer_id == served->customer.customer_id);

    auto update = created;
    update.grade = "gold";
    const auto updated = clerk->call(CustomerUpdateRequest{update});
    REQUIRE(updated.ok());
    CHECK(updated.value().customer.version == 2);
    CHECK(updated.value().customer.grade == "gold");
    // The same stale version again: someone else's change wins, the clerk must re-read.
    const auto stale = clerk->call(CustomerUpdateRequest{update});
    CHECK(stale.code() == "E_VALIDATION");
    CHECK(stale.param("reason") == "stale");
}

TEST_CASE("customer records are checked field by field and nothing is stored when one is wrong", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto base = [] {
        CustomerRecord c;
        c.customer_id = "new";
        c.kind = "individual";
        c.name = "李四";
        c.certificates.push_back({"idCard", Scenario::id_number("19800101", 7), true, std::nullopt});
        return c;
    };
    struct Case
    {
        std::string name;
        std::function<void(CustomerRecord&)> change;
        std::string code;
        std::string reason;
    };
    const std::vector<Case> cases{
        {"bad check character",
         [](auto& c) { c.certificates[0].number.back() = c.certificates[0].number.back() == '1' ? '2' : '1'; },
         "E_VALIDATION", "E_ID_CHECK_CHAR"},
        {"no main certificate", [](auto& c) { c.certificates[0].main = false; }, "E_VALIDATION", "noMain"},
        {"unknown kind", [](auto& c) { c.kind = "robot"; }, "E_VALIDATION", "unknown"},
        {"unknown grade", [](auto& c) { c.grade = "platinum"; }, "E_VALIDATION", "unknown"},
        {"expired document", [](auto& c) { c.certificates[0].valid_to = domain::make_date(2020, 1, 1); },
         "E_VALIDATION", "expired"},
        {"minor without guardian", [](auto& c) { c.certificates[0].number = Scenario::id_number("20150101", 8); },
         "E_VALIDATION", "guardianRequired"},
        {"group fields on a person", [](auto& c) { c.grid = "NS-G01"; }, "E_VALIDATION", "notForIndividuals"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        auto customer = base();
        c.change(customer);
        const auto answer = clerk->call(CustomerCreateRequest{customer});
        CHECK(answer.code() == c.code);
        CHECK(answer.param("reason") == c.reason);
        CHECK(answer.status == 400);
    }
    const auto nothing = clerk->call(CustomerFindRequest{{}, {}, std::string("李四"), {}});
    REQUIRE(nothing.ok());
    CHECK(nothing.value().customers.empty());

    // With a guardian the minor may be registered; the same ID twice may not.
    auto minor = base();
    minor.certificates[0].number = Scenario::id_number("20150101", 9);
    minor.related_parties.push_back({"guardian", "李父", Scenario::id_number("19800101", 10)});
    REQUIRE(clerk->call(CustomerCreateRequest{minor}).ok());
    CHECK(clerk->call(CustomerCreateRequest{minor}).param("reason") == "exists");
}

TEST_CASE("group customers follow the opening rules and their names are unique", "[integration]")
{
    Scenario scenario;
    auto manager = scenario.client_as("3001");
    CustomerRecord group;
    group.customer_id = "new";
    group.kind = "group";
    group.name = "深圳市测试集团有限公司";
    group.group_type = "sme";
    group.grid = "NS-G09";
    group.customer_managers = {"3001"};
    const std::string first17 = "91440300MA5DC6QX9";
    group.certificates.push_back(
        {"businessLicence", first17 + domain::CreditCode::check_character(first17), true, std::nullopt});

    auto no_grid = group;
    no_grid.grid.reset();
    CHECK(manager->call(CustomerCreateRequest{no_grid}).param("reason") == "E_GROUP_GRID_REQUIRED");
    auto key_account = group;
    key_account.group_type = "keyAccount";
    CHECK(manager->call(CustomerCreateRequest{key_account}).param("reason") == "E_GROUP_GRID_NOT_ALLOWED");
    auto no_manager = group;
    no_manager.customer_managers.clear();
    CHECK(manager->call(CustomerCreateRequest{no_manager}).param("reason") == "E_GROUP_NO_MANAGER");
    auto unknown_manager = group;
    unknown_manager.customer_managers = {"7777"};
    CHECK(manager->call(CustomerCreateRequest{unknown_manager}).param("reason") == "unknown");

    const auto created = manager->call(CustomerCreateRequest{group});
    INFO(created.code() << " " << created.param("field") << " " << created.param("reason"));
    REQUIRE(created.ok());
    const auto twice = manager->call(CustomerCreateRequest{group});
    CHECK(twice.code() == "E_NAME_EXISTS");
    CHECK(twice.param("customerId") == created.value().customer.customer_id);
}

TEST_CASE("pre-checks report blacklist, arrears, quota and unfinished orders", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto listed = scenario.find_demo_customer(*clerk, [](const auto& c) { return c.blacklisted; });
    const auto owing = scenario.find_demo_customer(
        *clerk, [](const auto& c) { return !c.blacklisted && c.arrears > domain::Money{}; });
    REQUIRE(listed.has_value());
    REQUIRE(owing.has_value());

    const auto on_list = clerk->call(PreCheckRequest{listed->customer.certificates.at(0).number, "fixedLine", {}});
    REQUIRE(on_list.ok());
    CHECK(on_list.value().blacklisted);
    CHECK(std::count(on_list.value().problems.begin(), on_list.value().problems.end(), "E_BLACKLISTED") == 1);

    const auto in_arrears = clerk->call(PreCheckRequest{owing->customer.certificates.at(0).number, "fixedLine", {}});
    REQUIRE(in_arrears.ok());
    CHECK(in_arrears.value().arrears == owing->arrears);
    CHECK(std::count(in_arrears.value().problems.begin(), in_arrears.value().problems.end(), "E_ARREARS") == 1);

    const auto fresh = scenario.new_individual(*clerk, "新客户");
    const auto clean = clerk->call(PreCheckRequest{fresh.certificates.at(0).number, "fixedLine", {}});
    REQUIRE(clean.ok());
    CHECK(clean.value().problems.empty());
    CHECK(clean.value().quota_used == 0);
    CHECK(clean.value().quota_limit == 5);
    CHECK(clerk->call(PreCheckRequest{fresh.certificates.at(0).number, "satellite", {}}).param("field") ==
          "serviceKind");
}

TEST_CASE("the catalog sells only launched offerings in their window, and says when it is unchanged", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto catalog = clerk->call(CatalogGetRequest{});
    REQUIRE(catalog.ok());
    const auto& offerings = catalog.value().offerings;
    REQUIRE_FALSE(offerings.empty());
    for (const auto& offering : offerings) {
        INFO(offering.offering_id);
        CHECK(offering.lifecycle_status == "Launched");
        CHECK((!offering.valid_to || *offering.valid_to >= domain::make_date(2026, 11, 23)));
    }
    CHECK(std::any_of(offerings.begin(), offerings.end(), [](const auto& o) { return o.kind == "basic"; }));
    CHECK(std::any_of(offerings.begin(), offerings.end(), [](const auto& o) { return !o.attributes.empty(); }));

    const auto again = clerk->call(CatalogGetRequest{catalog.value().version});
    REQUIRE(again.ok());
    CHECK(again.value().unchanged);
    CHECK(again.value().offerings.empty());
}

TEST_CASE("standard addresses are a tree from province to building, and ports are checked per building",
          "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto provinces = clerk->call(AddressSearchRequest{});
    REQUIRE(provinces.ok());
    CHECK(provinces.value().addresses.size() >= 31);
    std::optional<std::string> parent = "440000";
    for (const char* level : {"city", "district", "street", "building"}) {
        AddressSearchRequest children;
        children.parent_id = parent;
        const auto answer = clerk->call(children);
        REQUIRE(answer.ok());
        INFO(level << " under " << *parent);
        // Walk down through the first child that has children of its own (Shenzhen has streets).
        const auto& nodes = answer.value().addresses;
        REQUIRE_FALSE(nodes.empty());
        CHECK(nodes.front().level == level);
        const auto shenzhen = std::find_if(nodes.begin(), nodes.end(),
                                           [](const auto& n) { return n.full_name.find("深圳") != std::string::npos; });
        parent = (shenzhen != nodes.end() ? *shenzhen : nodes.front()).address_id;
    }

    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto ok = clerk->call(ResourceCheckRequest{building.address_id, 1});
    REQUIRE(ok.ok());
    CHECK(ok.value().result == "success");
    CHECK(ok.value().exchange.has_value());
    const auto too_many = clerk->call(ResourceCheckRequest{building.address_id, ok.value().free_ports + 1});
    REQUIRE(too_many.ok());
    CHECK(too_many.value().result == "partial");

    const auto full = scenario.full_building(*clerk);
    const auto none = clerk->call(ResourceCheckRequest{full.address_id, 1});
    REQUIRE(none.ok());
    CHECK(none.value().result == "fails");
    for (const auto& alternative : none.value().alternatives) {
        CHECK(alternative.free_ports >= 1);
        CHECK(alternative.address_id != full.address_id);
    }
    CHECK(clerk->call(ResourceCheckRequest{"440000", 1}).param("reason") == "notBuilding");
    CHECK(clerk->call(ResourceCheckRequest{"nowhere", 1}).code() == "E_NOT_FOUND");
}
