#include "scenario.h"

#include "domain/id_number.h"

namespace testing {

Scenario::Scenario(BackofficeOptions options) : m_server(std::make_unique<BackofficeProcess>(std::move(options))) {}

std::unique_ptr<BssTestClient> Scenario::anonymous()
{
    return std::make_unique<BssTestClient>(m_server->url(), m_server->ca_file());
}

std::unique_ptr<BssTestClient> Scenario::client_as(const std::string& staff_id)
{
    auto client = anonymous();
    const auto answer = client->login(staff_id, kDemoPasswords.at(staff_id));
    INFO(staff_id << " " << answer.code() << " " << answer.param("reason"));
    REQUIRE(answer.ok());
    return client;
}

std::string Scenario::id_number(const std::string& birth, int sequence)
{
    char seq[8];
    std::snprintf(seq, sizeof seq, "%03d", (sequence % 1000 + 1000) % 1000);
    const auto first17 = "440305" + birth + seq;
    return first17 + domain::IdNumber::check_character(first17);
}

contract::CustomerRecord Scenario::new_individual(BssTestClient& client, const std::string& name,
                                                  const std::string& birth)
{
    contract::CustomerRecord customer;
    customer.customer_id = "new";
    customer.kind = "individual";
    customer.name = name;
    customer.certificates.push_back({"idCard", id_number(birth, m_next_sequence++), true, std::nullopt});
    customer.address = "广东省深圳市南山区科技园路1号";
    customer.contact_phone = "13800138000";
    const auto answer = client.call(contract::CustomerCreateRequest{customer});
    INFO(answer.code() << " " << answer.param("field") << " " << answer.param("reason"));
    REQUIRE(answer.ok());
    return answer.value().customer;
}

namespace {

std::vector<contract::AddressNode> buildings(BssTestClient& client)
{
    contract::AddressSearchRequest search;
    search.text = "深圳";
    search.limit = 500;
    const auto answer = client.call(search);
    REQUIRE(answer.ok());
    REQUIRE_FALSE(answer.value().addresses.empty());
    return answer.value().addresses;
}

} // namespace

contract::AddressNode Scenario::building_with_free_ports(BssTestClient& client, long long ports)
{
    for (const auto& building : buildings(client)) {
        const auto check = client.call(contract::ResourceCheckRequest{building.address_id, ports});
        INFO(building.address_id << " " << check.code() << " " << check.param("field") << " " << check.param("reason"));
        REQUIRE(check.ok());
        if (check.value().result == "success") {
            return building;
        }
    }
    FAIL("no building with " << ports << " free ports in the demo data");
    return {};
}

contract::AddressNode Scenario::full_building(BssTestClient& client)
{
    for (const auto& building : buildings(client)) {
        const auto check = client.call(contract::ResourceCheckRequest{building.address_id, 1});
        INFO(building.address_id << " " << check.code() << " " << check.param("field") << " " << check.param("reason"));
        REQUIRE(check.ok());
        if (check.value().result == "fails") {
            return building;
        }
    }
    FAIL("no building without free ports in the demo data");
    return {};
}

std::vector<contract::NumberRecord> Scenario::free_numbers(BssTestClient& client, int count)
{
    contract::NumberSearchRequest search;
    search.limit = count;
    const auto answer = client.call(search);
    REQUIRE(answer.ok());
    REQUIRE(answer.value().numbers.size() == static_cast<std::size_t>(count));
    return answer.value().numbers;
}

std::optional<contract::CustomerGetResponse>
Scenario::find_demo_customer(BssTestClient& client,
                             const std::function<bool(const contract::CustomerGetResponse&)>& predicate)
{
    std::int64_t cursor = 0;
    for (;;) {
        contract::SyncChangesRequest sync;
        sync.cursor = cursor;
        sync.limit = 1000;
        const auto page = client.call(sync);
        INFO("syncChanges: " << page.code() << " HTTP " << page.status);
        REQUIRE(page.ok());
        for (const auto& customer : page.value().customers) {
            const auto full = client.call(contract::CustomerGetRequest{customer.customer_id});
            REQUIRE(full.ok());
            if (predicate(full.value())) {
                return full.value();
            }
        }
        if (!page.value().has_more) {
            return std::nullopt;
        }
        cursor = page.value().cursor;
    }
}

Scenario::AcceptedInstall Scenario::accepted_install(BssTestClient& client, const std::string& customer_name)
{
    AcceptedInstall install;
    install.customer = new_individual(client, customer_name);
    install.building = building_with_free_ports(client, 1);
    install.number = free_numbers(client, 1).at(0).number;
    const auto order = client.call(contract::OrderSubmitRequest{
        install_draft(install.customer.customer_id, install.number, install.building.address_id)});
    INFO(order.code() << " " << order.param("field") << " " << order.param("reason"));
    REQUIRE(order.ok());
    install.order = order.value().order;
    return install;
}

contract::OrderDraft Scenario::install_draft(const std::string& customer_id, const std::string& number,
                                             const std::string& building_id)
{
    contract::OrderDraft draft;
    draft.external_id = BssTestClient::fresh_key();
    draft.order_type = "install";
    draft.customer_id = customer_id;
    draft.items.push_back({"1", "add", "PSTN-BASIC", number, {}, std::nullopt});
    draft.items.push_back({"2", "add", "VAS-CLIP", std::nullopt, {}, std::nullopt});
    draft.address_id = building_id;
    draft.appointment = domain::make_date(2026, 11, 24);
    return draft;
}

} // namespace testing
