// What the back office does with requests that are not what the contract says, and how it stops.
#include "../support/scenario.h"
#include "services/contract/operations.h"

#include <thread>

using namespace contract;
using testing::Scenario;

TEST_CASE("bad requests get a clear fault, change nothing, and the server stays up", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto idem = std::vector<std::string>{"Idempotency-Key: k-1"};
    struct Case
    {
        std::string name;
        std::string operation;
        std::string body;
        std::vector<std::string> headers;
        std::string method;
        long status;
        std::string reason;
    };
    const std::string valid = encode_request(CatalogGetRequest{});
    const std::vector<Case> cases{
        {"malformed XML", "catalogGet", "<catalogGetRequest", {}, "POST", 400, "malformed"},
        {"not XML at all", "catalogGet", "\x01\x02garbage", {}, "POST", 400, "malformed"},
        {"wrong namespace", "catalogGet", R"(<catalogGetRequest xmlns="urn:other"/>)", {}, "POST", 400, "namespace"},
        {"another operation's message", "catalogGet", encode_request(OrderGetRequest{"x"}), {}, "POST", 400, "element"},
        {"entity tricks",
         "catalogGet",
         R"(<!DOCTYPE a [<!ENTITY x "y">]><catalogGetRequest xmlns="urn:counter:bss:1"/>)",
         {},
         "POST",
         400,
         "malformed"},
        {"a missing field", "orderGet", R"(<orderGetRequest xmlns="urn:counter:bss:1"/>)", {}, "POST", 400, "missing"},
        {"a write without Idempotency-Key",
         "numberRelease",
         encode_request(NumberReleaseRequest{"12345678"}),
         {},
         "POST",
         400,
         "missing"},
        {"unknown operation", "launchRocket", valid, {}, "POST", 404, ""},
        {"GET instead of POST", "catalogGet", "", {}, "GET", 405, "postOnly"},
        {"not XML content", "catalogGet", valid, {"Content-Type: application/json"}, "POST", 415, "xmlOnly"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto raw = clerk->post(c.operation, c.body, c.headers, c.method);
        REQUIRE(raw.error.empty());
        CHECK(raw.status == c.status);
        const auto fault = decode_fault(raw.body);
        REQUIRE(std::holds_alternative<Fault>(fault));
        if (!c.reason.empty()) {
            const auto& params = std::get<Fault>(fault).params;
            CHECK(std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.second == c.reason; }));
        }
    }
    const auto huge = std::string(2 * 1024 * 1024, 'x');
    CHECK(clerk->post("catalogGet", huge).status == 413);
    CHECK(clerk->call(CatalogGetRequest{}).ok());
}

TEST_CASE("requests on one connection are kept alive", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    REQUIRE(clerk->call(CatalogGetRequest{}).ok());
    REQUIRE(clerk->call(CatalogGetRequest{}).ok());
    CHECK(clerk->new_connections() == 0);
}

TEST_CASE("an answered write survives kill -9, and a restart keeps serving with the same data", "[integration]")
{
    if (testing::BackofficeProcess::backend() != "sqlite") {
        SUCCEED("restarting against the same database is covered with SQLite");
        return;
    }
    const auto data_dir =
        std::filesystem::temp_directory_path() / ("counter-durable-" + testing::BssTestClient::fresh_key());
    testing::BackofficeOptions options;
    options.data_dir = data_dir;
    auto server = std::make_unique<testing::BackofficeProcess>(options);
    std::string order_id;
    std::string key = testing::BssTestClient::fresh_key();
    OrderSubmitRequest request;
    testing::BssTestClient clerk(server->url(), server->ca_file());
    REQUIRE(clerk.login("1001", "Clerk#1001").ok());
    contract::CustomerRecord customer;
    customer.customer_id = "new";
    customer.kind = "individual";
    customer.name = "持久客户";
    customer.certificates.push_back({"idCard", Scenario::id_number("19700101", 1), true, std::nullopt});
    const auto created = clerk.call(CustomerCreateRequest{customer});
    REQUIRE(created.ok());
    AddressSearchRequest search;
    search.text = "深圳";
    const auto buildings = clerk.call(search).value().addresses;
    NumberSearchRequest numbers;
    numbers.limit = 1;
    const auto number = clerk.call(numbers).value().numbers.at(0).number;
    std::optional<std::string> building;
    for (const auto& b : buildings) {
        if (clerk.call(ResourceCheckRequest{b.address_id, 1}).value().result == "success") {
            building = b.address_id;
            break;
        }
    }
    REQUIRE(building);
    request.order = Scenario::install_draft(created.value().customer.customer_id, number, *building);
    const auto answer = clerk.call(request, key);
    REQUIRE(answer.ok());
    order_id = answer.value().order.order_id;
    server->kill_hard();

    // The same data folder again: the order is there, and the repeat still answers it.
    options.demo_data = false;
    testing::BackofficeProcess again(options);
    testing::BssTestClient after(again.url(), again.ca_file());
    REQUIRE(after.login("1001", "Clerk#1001").ok());
    const auto got = after.call(OrderGetRequest{order_id});
    REQUIRE(got.ok());
    CHECK(got.value().order.state == "acknowledged");
    const auto replay = after.call(request, key);
    REQUIRE(replay.ok());
    CHECK(replay.value().order.order_id == order_id);
    again.stop();
    std::filesystem::remove_all(data_dir);
}

TEST_CASE("a stop lets requests in flight finish and exits cleanly", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    std::atomic<int> answered{0};
    std::atomic<int> failed{0};
    std::thread load([&] {
        testing::BssTestClient client(scenario.server().url(), scenario.server().ca_file());
        client.set_token(clerk->token());
        for (int i = 0; i < 200; ++i) {
            const auto raw = client.post("catalogGet", encode_request(CatalogGetRequest{}));
            if (!raw.error.empty()) {
                ++failed;
                break; // the server is gone: later requests cannot connect, which is expected
            }
            if (raw.status == 200) {
                ++answered;
            }
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(scenario.server().stop() == 0);
    load.join();
    CHECK(answered > 0);
    CHECK(scenario.server().output().find("Stopped") != std::string::npos);
}
