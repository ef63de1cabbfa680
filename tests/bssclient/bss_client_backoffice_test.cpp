// BssClient against the real `backoffice` on loopback HTTPS (SQLite, demo data, the CA it made): login, reads, a
// write repeated with the same key, refusals with their parameters, keep-alive, and TLS that trusts only the right
// CA. Each case starts its own back office.
#include "services/backoffice/http/tls_material.h"
#include "services/bssclient/bss_client.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/bssclient/client_options.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

using namespace std::chrono_literals;
using bss::BssClient;
using bss::CallError;
using bss::FailureKind;

namespace {

using Clock = std::chrono::steady_clock;

/// A copy, so that `const auto& e = error_of(client.call(...))` does not outlive the call's result.
template <class Response> CallError error_of(const bss::Result<Response>& result)
{
    REQUIRE(std::holds_alternative<CallError>(result));
    return std::get<CallError>(result);
}

template <class Response> Response value_of(const bss::Result<Response>& result)
{
    if (const auto* error = std::get_if<CallError>(&result)) {
        FAIL("call failed: " << error->code() << " " << error->detail << " field=" << error->param("field")
                             << " reason=" << error->param("reason"));
    }
    return std::get<Response>(result);
}

testing::BackofficeOptions small_demo()
{
    testing::BackofficeOptions options;
    options.demo_customers = 50;
    return options;
}

bss::ClientOptions options_for(testing::Scenario& scenario)
{
    return testing::client_options(scenario.server().url(), scenario.server().ca_file());
}

/// Logs `client` in as a demo staff member and keeps the token.
contract::LoginResponse log_in(BssClient& client, const std::string& staff_id)
{
    auto login = value_of(client.call(contract::LoginRequest{staff_id, testing::kDemoPasswords.at(staff_id)}));
    client.set_session_token(login.session_token);
    return login;
}

contract::CustomerRecord new_customer(const std::string& name, int sequence)
{
    contract::CustomerRecord customer;
    customer.customer_id = "new";
    customer.kind = "individual";
    customer.name = name;
    customer.certificates.push_back({"idCard", testing::Scenario::id_number("19850612", sequence), true, std::nullopt});
    customer.address = "广东省深圳市南山区科技园路1号";
    customer.contact_phone = "13800138000";
    return customer;
}

} // namespace

TEST_CASE("a clerk logs in and reads over one kept-alive connection", "[bssclient][backoffice]")
{
    testing::Scenario scenario(small_demo());
    BssClient client(options_for(scenario));

    const auto login = log_in(client, "1001");
    CHECK(login.staff.staff_id == "1001");
    CHECK_FALSE(login.session_token.empty());

    const auto catalog = value_of(client.call(contract::CatalogGetRequest{}));
    CHECK_FALSE(catalog.offerings.empty());
    contract::CatalogGetRequest again;
    again.known_version = catalog.version;
    CHECK(value_of(client.call(again)).unchanged);

    contract::NumberSearchRequest search;
    search.limit = 3;
    const auto numbers = value_of(client.call(search));
    CHECK(numbers.numbers.size() == 3);

    const auto nobody = value_of(client.call(contract::CustomerFindRequest{
        testing::Scenario::id_number("19700101", 999), std::nullopt, std::nullopt, std::nullopt}));
    CHECK(nobody.customers.empty());

    CHECK(client.connections_opened() == 1);
}

TEST_CASE("a write sent twice with the same key has one effect and gets the same answer", "[bssclient][backoffice]")
{
    testing::Scenario scenario(small_demo());
    BssClient clerk(options_for(scenario));
    log_in(clerk, "1001");

    SECTION("customerCreate")
    {
        const contract::CustomerCreateRequest create{new_customer("幂等客户", 311)};
        const std::string key = bss::new_idempotency_key();
        const auto first = value_of(clerk.call(create, key));
        const auto second = value_of(clerk.call(create, key));
        CHECK(second.customer.customer_id == first.customer.customer_id);
        CHECK(second.customer.version == first.customer.version);

        const auto found = value_of(clerk.call(contract::CustomerFindRequest{
            create.customer.certificates.at(0).number, std::nullopt, std::nullopt, std::nullopt}));
        REQUIRE(found.customers.size() == 1);
        CHECK(found.customers[0].customer_id == first.customer.customer_id);

        // The same key for another body is a client bug, answered as such and not retried.
        auto other = create;
        other.customer.name = "另一个客户";
        const auto& misuse = error_of(clerk.call(other, key));
        CHECK(misuse.code() == "E_IDEMPOTENCY");
        CHECK(misuse.http_status == 409);
        CHECK_FALSE(misuse.retryable());

        // A fresh key is a new write: the back office refuses the same ID number, naming the field.
        const auto& duplicate = error_of(clerk.call(create, bss::new_idempotency_key()));
        CHECK(duplicate.code() == "E_VALIDATION");
        CHECK(duplicate.http_status == 400);
        CHECK(duplicate.param("field") == "customer/certificate");
        CHECK(duplicate.param("reason") == "exists");
        CHECK(duplicate.param("customerId") == first.customer.customer_id);
    }
    SECTION("numberReserve, also from the stored bytes")
    {
        contract::NumberSearchRequest search;
        search.limit = 1;
        const auto number = value_of(clerk.call(search)).numbers.at(0).number;
        const contract::NumberReserveRequest reserve{number};
        const std::string key = bss::new_idempotency_key();
        const auto first = value_of(clerk.call(reserve, key));
        CHECK(first.number.status == "reserved");
        const auto second = value_of(clerk.call(reserve, key));
        CHECK(second.number.number == number);
        CHECK(second.number.reserved_until == first.number.reserved_until);
        const auto resent =
            value_of(clerk.call_encoded<contract::NumberReserveRequest>(contract::encode_request(reserve), key));
        CHECK(resent.number.reserved_until == first.number.reserved_until);

        // Another clerk finds it taken: a refusal with its parameters, not retried.
        BssClient other(options_for(scenario));
        log_in(other, "1002");
        const auto& taken = error_of(other.call(reserve, bss::new_idempotency_key()));
        CHECK(taken.kind == FailureKind::fault);
        CHECK(taken.code() == "E_NUMBER_TAKEN");
        CHECK(taken.http_status == 409);
        CHECK(taken.param("number") == number);
        CHECK(taken.param("status") == "reserved");
        CHECK_FALSE(taken.retryable());
    }
    CHECK(clerk.connections_opened() == 1);
}

TEST_CASE("the back office's refusals arrive as faults with their parameters", "[bssclient][backoffice]")
{
    testing::Scenario scenario(small_demo());
    BssClient client(options_for(scenario));

    const auto& no_session = error_of(client.call(contract::CatalogGetRequest{}));
    CHECK(no_session.kind == FailureKind::fault);
    CHECK(no_session.code() == "E_SESSION");
    CHECK(no_session.http_status == 401);

    const auto& wrong_password = error_of(client.call(contract::LoginRequest{"1001", "not the password"}));
    CHECK(wrong_password.code() == "E_SESSION");
    CHECK(wrong_password.param("reason") == "credentials");

    log_in(client, "1001");
    const auto& no_criterion = error_of(client.call(contract::CustomerFindRequest{}));
    CHECK(no_criterion.code() == "E_VALIDATION");
    CHECK(no_criterion.http_status == 400);
    CHECK(no_criterion.param("field") == "idNumber");
    CHECK(no_criterion.param("reason") == "oneCriterion");

    const auto& missing = error_of(client.call(contract::CustomerGetRequest{"C99999999"}));
    CHECK(missing.code() == "E_NOT_FOUND");
    CHECK(missing.http_status == 404);
    CHECK(missing.param("customerId") == "C99999999");
    CHECK_FALSE(missing.retryable());
}

TEST_CASE("TLS trusts only the configured CA", "[bssclient][backoffice]")
{
    testing::Scenario scenario(small_demo());
    testing::TempDir elsewhere("counter-bssclient-ca");
    const auto other_ca = backoffice::http::ensure_tls_material(elsewhere.path(), {}).ca_cert;

    struct Row
    {
        const char* what;
        std::filesystem::path ca;
    };
    const Row rows[] = {
        {"another back office's CA", other_ca},
        {"the system's store, which does not hold the self-made CA", {}},
        {"a CA file that does not exist", elsewhere.path() / "missing.pem"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        auto options = options_for(scenario);
        options.ca_file = row.ca;
        options.attempts = 1;
        BssClient client(options);
        const auto& error = error_of(client.call(contract::LoginRequest{"1001", "Clerk#1001"}));
        INFO(error.detail);
        CHECK(error.kind == FailureKind::transport);
        CHECK(error.code() == "E_TRANSPORT");
        CHECK_FALSE(error.outcome_unknown());
    }
    // And with the right one, the same call goes through.
    BssClient client(options_for(scenario));
    log_in(client, "1001");
}

TEST_CASE("plain http to the loopback back office is refused unless allowed", "[bssclient][backoffice]")
{
    testing::Scenario scenario(small_demo());
    auto url = scenario.server().url();
    REQUIRE(url.starts_with("https://"));
    url.replace(0, 5, "http");

    const auto refused = bss::parse_endpoint(url, false);
    REQUIRE(std::holds_alternative<bss::EndpointError>(refused));
    CHECK(std::get<bss::EndpointError>(refused).code == "E_URL_INSECURE");

    const auto allowed = bss::parse_endpoint(url, true);
    REQUIRE(std::holds_alternative<bss::Endpoint>(allowed));
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(allowed);
    options.attempts = 1;
    options.total_timeout = 10s;
    BssClient client(options);
    // The back office speaks only TLS: plain HTTP gets no answer, quickly.
    const auto start = Clock::now();
    const auto& error = error_of(client.call(contract::LoginRequest{"1001", "Clerk#1001"}));
    INFO(error.detail);
    CHECK(std::chrono::steady_clock::now() - start < 8s);
    CHECK(error.kind == FailureKind::transport);
}
