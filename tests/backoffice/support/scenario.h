#pragma once
/// What most back-office integration tests start from: a running back office with demo data and a few helpers to
/// find or make what a case needs through the contract itself (never by reaching into the database).

#include "backoffice_process.h"
#include "bss_test_client.h"

#include <catch2/catch.hpp>
#include <memory>

namespace testing {

class Scenario
{
public:
    explicit Scenario(BackofficeOptions options = {});

    BackofficeProcess& server() { return *m_server; }
    /// A client logged in as `staff_id` (demo password).
    std::unique_ptr<BssTestClient> client_as(const std::string& staff_id);
    /// An unauthenticated client.
    std::unique_ptr<BssTestClient> anonymous();

    /// A valid resident ID number for a person born on `birth` (YYYYMMDD), distinct per `sequence`.
    static std::string id_number(const std::string& birth, int sequence);
    /// Creates an individual customer with a fresh ID number through `client`.
    contract::CustomerRecord new_individual(BssTestClient& client, const std::string& name,
                                            const std::string& birth = "19850612");
    /// A building with at least `ports` free ports, and one with none.
    contract::AddressNode building_with_free_ports(BssTestClient& client, long long ports);
    contract::AddressNode full_building(BssTestClient& client);
    /// Free numbers of the pool.
    std::vector<contract::NumberRecord> free_numbers(BssTestClient& client, int count);
    /// A demo customer matching `predicate` on customerGet (scans the clerk's customers through syncChanges).
    std::optional<contract::CustomerGetResponse>
    find_demo_customer(BssTestClient& client,
                       const std::function<bool(const contract::CustomerGetResponse&)>& predicate);
    /// A new customer with one accepted install order (a free number at a building with a free port).
    struct AcceptedInstall
    {
        contract::CustomerRecord customer;
        contract::AddressNode building;
        std::string number;
        contract::ProductOrder order;
    };
    AcceptedInstall accepted_install(BssTestClient& client, const std::string& customer_name);
    /// An install order draft for `customer` with `number` at `building` (basic line + caller ID).
    static contract::OrderDraft install_draft(const std::string& customer_id, const std::string& number,
                                              const std::string& building_id);

private:
    std::unique_ptr<BackofficeProcess> m_server;
    int m_next_sequence = 100;
};

} // namespace testing
