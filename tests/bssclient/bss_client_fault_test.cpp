// BssClient against servers that misbehave on purpose: the back office's own HTTPS transport with a scripted
// handler (slow, 5xx pages, garbage, E_INTERNAL, refusals, dropped connections) and a TCP listener that resets. Each
// case checks the typed error, how many attempts reached the server, and that nothing hangs. Time bounds are
// generous: they catch a hang, not a slow machine.
#include "services/bssclient/bss_client.h"
#include "tests/bssclient/client_options.h"
#include "tests/bssclient/misbehaving_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using namespace std::chrono_literals;
using backoffice::http::Request;
using backoffice::http::Response;
using bss::BssClient;
using bss::CallError;
using bss::FailureKind;
using contract::ResultCode;
using testing::answer;
using testing::ScriptedServer;

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
        FAIL("call failed: " << error->code() << " " << error->detail);
    }
    return std::get<Response>(result);
}

std::string header(const Request& request, const std::string& name)
{
    const auto found = request.headers.find(name);
    return found == request.headers.end() ? std::string() : found->second;
}

std::string catalog_ok()
{
    contract::CatalogGetResponse response;
    response.version = 7;
    return contract::encode_response(response);
}

std::string reserve_ok(const std::string& number)
{
    contract::NumberReserveResponse response;
    response.number.number = number;
    response.number.exchange = "NS01";
    response.number.status = "reserved";
    return contract::encode_response(response);
}

std::string login_ok(const std::string& token)
{
    contract::LoginResponse response;
    response.session_token = token;
    response.staff.staff_id = "1001";
    response.staff.name = "Clerk";
    response.staff.hall_id = "H01";
    return contract::encode_response(response);
}

std::string fault(ResultCode code, std::vector<std::pair<std::string, std::string>> params = {})
{
    return contract::encode_fault(contract::Fault{code, std::move(params)});
}

std::chrono::milliseconds since(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

const contract::NumberReserveRequest kReserve{"075512345678"};
const std::string kKey = "k-0123456789abcdef";

/// Calls `cancel` on `client` from another thread once `server` has seen `requests` requests and `delay` passed.
class CancelLater
{
public:
    CancelLater(BssClient& client, const ScriptedServer& server, int requests, std::chrono::milliseconds delay)
        : m_thread([&client, &server, requests, delay] {
              const auto deadline = Clock::now() + 20s;
              while (server.requests() < requests && Clock::now() < deadline) {
                  std::this_thread::sleep_for(10ms);
              }
              std::this_thread::sleep_for(delay);
              client.cancel();
          })
    {
    }
    ~CancelLater() { m_thread.join(); }
    CancelLater(const CancelLater&) = delete;
    CancelLater& operator=(const CancelLater&) = delete;

private:
    std::thread m_thread;
};

} // namespace

TEST_CASE("the client sends POST, XML, the bearer token after login, and the key on writes only", "[bssclient]")
{
    ScriptedServer server([](int, const Request& request) -> std::optional<Response> {
        if (request.target == "/bss/v1/login") {
            return answer(200, login_ok("tok-123"));
        }
        if (request.target == "/bss/v1/numberReserve") {
            return answer(200, reserve_ok("075512345678"));
        }
        return answer(200, catalog_ok());
    });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    const auto login = value_of(client.call(contract::LoginRequest{"1001", "Clerk#1001"}));
    client.set_session_token(login.session_token);
    CHECK(client.session_token() == "tok-123");
    CHECK(value_of(client.call(contract::CatalogGetRequest{})).version == 7);
    CHECK(value_of(client.call(kReserve, kKey)).number.status == "reserved");

    const auto seen = server.seen();
    REQUIRE(seen.size() == 3);
    for (const auto& request : seen) {
        INFO(request.target);
        CHECK(request.method == "POST");
        CHECK(header(request, "content-type") == "application/xml; charset=utf-8");
        CHECK(header(request, "expect").empty());
    }
    CHECK(seen[0].target == "/bss/v1/login");
    CHECK(seen[0].body == contract::encode_request(contract::LoginRequest{"1001", "Clerk#1001"}));
    CHECK(header(seen[0], "authorization").empty());
    CHECK(header(seen[0], "idempotency-key").empty());
    CHECK(seen[1].target == "/bss/v1/catalogGet");
    CHECK(header(seen[1], "authorization") == "Bearer tok-123");
    CHECK(header(seen[1], "idempotency-key").empty());
    CHECK(seen[2].target == "/bss/v1/numberReserve");
    CHECK(seen[2].body == contract::encode_request(kReserve));
    CHECK(header(seen[2], "authorization") == "Bearer tok-123");
    CHECK(header(seen[2], "idempotency-key") == kKey);
    CHECK(client.connections_opened() == 1);
    CHECK(seen[0].remote == seen[2].remote); // the same connection, kept alive
}

TEST_CASE("a call the server never answers times out without hanging, and a write's outcome is unknown", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) -> std::optional<Response> { return std::nullopt; });
    auto options = testing::client_options(server.url(), server.ca_file());
    // Long enough for a TLS handshake on a busy machine, so the request is surely sent before the time-out.
    options.total_timeout = 800ms;
    options.attempts = 2;
    BssClient client(options);

    SECTION("write")
    {
        const auto start = Clock::now();
        const auto result = client.call(kReserve, kKey);
        CHECK(since(start) < 5s);
        const auto& error = error_of(result);
        INFO(error.detail);
        CHECK(error.kind == FailureKind::timeout);
        CHECK(error.code() == "E_TIMEOUT");
        CHECK(error.outcome_unknown());
        CHECK(error.retryable());
        CHECK_FALSE(error.cancelled);
        CHECK(error.http_status == 0);
        REQUIRE(server.requests() >= 1);
        for (const auto& request : server.seen()) {
            CHECK(header(request, "idempotency-key") == kKey);
        }
    }
    SECTION("read")
    {
        const auto start = Clock::now();
        const auto result = client.call(contract::CatalogGetRequest{});
        CHECK(since(start) < 5s);
        CHECK(error_of(result).kind == FailureKind::timeout);
    }
}

TEST_CASE("a 502 page from a proxy is an HTTP error, retried with the same key", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) {
        return answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
    });
    BssClient client(testing::client_options(server.url(), server.ca_file()));

    const auto& error = error_of(client.call(kReserve, kKey));
    INFO(error.detail);
    CHECK(error.kind == FailureKind::http);
    CHECK(error.http_status == 502);
    CHECK(error.code() == "E_HTTP");
    CHECK(error.retryable());
    CHECK(error.outcome_unknown());
    CHECK(error.detail.find("Bad Gateway") != std::string::npos);
    const auto seen = server.seen();
    REQUIRE(seen.size() == 3);
    for (const auto& request : seen) {
        CHECK(header(request, "idempotency-key") == kKey);
        CHECK(request.body == seen.front().body);
    }
    CHECK(client.connections_opened() == 1);
}

TEST_CASE("a 4xx page without a contract answer is an HTTP error and is not retried", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(404, "<html>Not Found</html>", "text/html"); });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    const auto& error = error_of(client.call(contract::CatalogGetRequest{}));
    CHECK(error.kind == FailureKind::http);
    CHECK(error.http_status == 404);
    CHECK_FALSE(error.retryable());
    CHECK_FALSE(error.outcome_unknown());
    CHECK(server.requests() == 1);
}

TEST_CASE("bytes that are not the expected response are malformed and are not retried", "[bssclient]")
{
    const std::string whole = catalog_ok();
    struct Row
    {
        const char* what;
        std::string body;
    };
    const std::vector<Row> rows{
        {"garbage", "\x01\x02 definitely not XML"},
        {"an empty body", ""},
        {"HTML", "<html><body>maintenance</body></html>"},
        {"another operation's response", reserve_ok("075512345678")},
        {"another namespace", R"(<catalogGetResponse xmlns="urn:other"><result code="OK"/></catalogGetResponse>)"},
        {"truncated XML", whole.substr(0, whole.size() / 2)},
        {"a response whose result is not OK",
         R"(<catalogGetResponse xmlns="urn:counter:bss:1"><result code="E_INTERNAL"/></catalogGetResponse>)"},
        {"a field of the wrong type",
         R"(<catalogGetResponse xmlns="urn:counter:bss:1"><result code="OK"/><version>seven</version>)"
         R"(<unchanged>false</unchanged></catalogGetResponse>)"},
        {"a DOCTYPE", R"(<!DOCTYPE x [<!ENTITY a "b">]>)" + whole},
    };
    ScriptedServer server(
        [&rows](int n, const Request&) { return answer(200, rows.at(static_cast<std::size_t>(n - 1)).body); });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO(rows[i].what);
        const auto& error = error_of(client.call(contract::CatalogGetRequest{}));
        INFO(error.detail);
        CHECK(error.kind == FailureKind::malformed);
        CHECK(error.code() == "E_MALFORMED");
        CHECK(error.http_status == 200);
        CHECK_FALSE(error.retryable());
        CHECK_FALSE(error.detail.empty());
        CHECK(server.requests() == static_cast<int>(i + 1)); // one attempt each
    }
}

TEST_CASE("an answer over the size limit is malformed", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(200, std::string(64 * 1024, 'x')); });
    auto options = testing::client_options(server.url(), server.ca_file());
    options.max_response_bytes = 4096;
    BssClient client(options);
    const auto& error = error_of(client.call(contract::CatalogGetRequest{}));
    CHECK(error.kind == FailureKind::malformed);
    CHECK(error.detail.find("4096") != std::string::npos);
    CHECK(error.http_status == 200); // an exchange took place: for a write, it may have happened
    CHECK(server.requests() == 1);
}

TEST_CASE("E_INTERNAL is retried: a write with the same key and the same bytes every attempt", "[bssclient]")
{
    ScriptedServer server([](int n, const Request&) {
        return n == 1 ? answer(500, fault(ResultCode::internal)) : answer(200, reserve_ok("075512345678"));
    });
    BssClient client(testing::client_options(server.url(), server.ca_file()));

    CHECK(value_of(client.call(kReserve, kKey)).number.number == "075512345678");
    const auto seen = server.seen();
    REQUIRE(seen.size() == 2);
    CHECK(header(seen[0], "idempotency-key") == kKey);
    CHECK(header(seen[1], "idempotency-key") == kKey);
    CHECK(seen[0].body == seen[1].body);
}

TEST_CASE("E_INTERNAL on a read is retried until it succeeds within the attempts", "[bssclient]")
{
    ScriptedServer server([](int n, const Request&) {
        return n < 3 ? answer(500, fault(ResultCode::internal)) : answer(200, catalog_ok());
    });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    CHECK(value_of(client.call(contract::CatalogGetRequest{})).version == 7);
    CHECK(server.requests() == 3);
}

TEST_CASE("E_INTERNAL on every attempt ends as that fault after the configured attempts", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(500, fault(ResultCode::internal)); });
    auto options = testing::client_options(server.url(), server.ca_file());
    options.attempts = 4;
    BssClient client(options);
    const auto& error = error_of(client.call(kReserve, kKey));
    CHECK(error.kind == FailureKind::fault);
    CHECK(error.code() == "E_INTERNAL");
    CHECK(error.http_status == 500);
    CHECK(error.retryable());
    CHECK_FALSE(error.outcome_unknown()); // the contract: nothing was changed
    CHECK(server.requests() == 4);
}

TEST_CASE("a refusal is a fault with its parameters and is never retried", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) {
        return answer(409, fault(ResultCode::number_taken, {{"number", "075512345678"}, {"status", "reserved"}}));
    });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    const auto& error = error_of(client.call(kReserve, kKey));
    CHECK(error.kind == FailureKind::fault);
    CHECK(error.code() == "E_NUMBER_TAKEN");
    CHECK(error.http_status == 409);
    CHECK(error.param("number") == "075512345678");
    CHECK(error.param("status") == "reserved");
    CHECK_FALSE(error.retryable());
    CHECK_FALSE(error.outcome_unknown());
    CHECK(server.requests() == 1);
}

TEST_CASE("a connection reset before TLS is a transport failure, retried, and nothing was sent", "[bssclient]")
{
    testing::ResettingServer server;
    auto options = testing::client_options(server.url(), {});
    options.attempts = 3;
    BssClient client(options);
    const auto start = Clock::now();
    const auto& error = error_of(client.call(kReserve, kKey));
    INFO(error.detail);
    CHECK(since(start) < 10s);
    CHECK(error.kind == FailureKind::transport);
    CHECK(error.code() == "E_TRANSPORT");
    CHECK_FALSE(error.outcome_unknown());
    CHECK(error.retryable());
    CHECK(server.accepted() == 3);
}

TEST_CASE("a connection dropped after the request was sent leaves a write's outcome unknown", "[bssclient]")
{
    // The server's own request time-out closes the connection without an answer, as a back office that crashed
    // mid-request would.
    ScriptedServer server([](int, const Request&) -> std::optional<Response> { return std::nullopt; }, 300ms);
    auto options = testing::client_options(server.url(), server.ca_file());
    options.attempts = 2;
    BssClient client(options);

    SECTION("write")
    {
        const auto start = Clock::now();
        const auto& error = error_of(client.call(kReserve, kKey));
        INFO(error.detail);
        CHECK(since(start) < 10s);
        CHECK(error.kind == FailureKind::timeout);
        CHECK(error.outcome_unknown());
        CHECK(error.retryable());
        CHECK(server.requests() == 2);
    }
    SECTION("read")
    {
        const auto& error = error_of(client.call(contract::CatalogGetRequest{}));
        INFO(error.detail);
        CHECK(error.kind == FailureKind::transport);
        CHECK(error.retryable());
        CHECK(server.requests() == 2);
    }
}

TEST_CASE("cancel() from another thread ends a slow call promptly, and sticks until cleared", "[bssclient]")
{
    ScriptedServer server([](int n, const Request&) -> std::optional<Response> {
        if (n == 1) {
            return std::nullopt;
        }
        return answer(200, reserve_ok("075512345678"));
    });
    auto options = testing::client_options(server.url(), server.ca_file());
    options.total_timeout = 60s;
    BssClient client(options);

    const auto start = Clock::now();
    bss::Result<contract::NumberReserveResponse> result;
    {
        CancelLater later(client, server, 1, 100ms);
        result = client.call(kReserve, kKey);
    }
    CHECK(since(start) < 10s);
    const auto& error = error_of(result);
    INFO(error.detail);
    CHECK(error.cancelled);
    CHECK(error.code() == "E_CANCELLED");
    CHECK(error.kind == FailureKind::timeout); // the request had reached the server
    CHECK(error.outcome_unknown());
    CHECK(server.requests() == 1);

    const auto& again = error_of(client.call(kReserve, kKey));
    CHECK(again.code() == "E_CANCELLED");
    CHECK(server.requests() == 1); // refused before sending

    client.clear_cancel();
    CHECK(value_of(client.call(kReserve, kKey)).number.status == "reserved");
}

TEST_CASE("cancel() during a back-off pause ends the call at once with the last failure", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(503, "busy", "text/plain"); });
    auto options = testing::client_options(server.url(), server.ca_file());
    options.backoff = 30s;
    options.max_backoff = 30s;
    BssClient client(options);

    const auto start = Clock::now();
    bss::Result<contract::CatalogGetResponse> result;
    {
        CancelLater later(client, server, 1, 200ms);
        result = client.call(contract::CatalogGetRequest{});
    }
    CHECK(since(start) < 10s);
    const auto& error = error_of(result);
    CHECK(error.cancelled);
    CHECK(error.kind == FailureKind::http);
    CHECK(error.http_status == 503);
    CHECK(server.requests() == 1);
}

TEST_CASE("a bad idempotency key is refused before anything is sent", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(200, reserve_ok("075512345678")); });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    struct Row
    {
        const char* what;
        std::string key;
        const char* reason;
    };
    const Row rows[] = {
        {"empty", "", "missing"},
        {"a space", "key with space", "invalid"},
        {"a line break that would add a header", "k1\r\nX-Admin: yes", "invalid"},
        {"65 characters", std::string(65, 'a'), "invalid"},
        {"not ASCII", "键", "invalid"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        const auto& error = error_of(client.call(kReserve, row.key));
        CHECK(error.kind == FailureKind::fault);
        CHECK(error.code() == "E_VALIDATION");
        CHECK(error.param("field") == "Idempotency-Key");
        CHECK(error.param("reason") == row.reason);
        CHECK(error.http_status == 0);
    }
    CHECK(server.requests() == 0);
    CHECK(value_of(client.call(kReserve, std::string(64, 'a'))).number.status == "reserved");
}

TEST_CASE("call_encoded sends the stored bytes as they are", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(200, reserve_ok("075512345678")); });
    BssClient client(testing::client_options(server.url(), server.ca_file()));
    // Bytes as an older build might have encoded them: same meaning, different spelling.
    const std::string stored = "<?xml version=\"1.0\"?>\n<numberReserveRequest xmlns=\"urn:counter:bss:1\">"
                               "<number>075512345678</number></numberReserveRequest>";
    CHECK(value_of(client.call_encoded<contract::NumberReserveRequest>(stored, kKey)).number.status == "reserved");
    const auto seen = server.seen();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].target == "/bss/v1/numberReserve");
    CHECK(seen[0].body == stored);
    CHECK(header(seen[0], "idempotency-key") == kKey);
}

TEST_CASE("a client certificate is offered when configured, and an unreadable one fails before sending", "[bssclient]")
{
    ScriptedServer server([](int, const Request&) { return answer(200, catalog_ok()); });
    auto options = testing::client_options(server.url(), server.ca_file());
    options.attempts = 1;

    SECTION("a valid PEM pair")
    {
        options.client_cert = server.cert_file();
        options.client_key = server.key_file();
        BssClient client(options);
        CHECK(value_of(client.call(contract::CatalogGetRequest{})).version == 7);
    }
    SECTION("a missing file")
    {
        options.client_cert = server.cert_file().parent_path() / "no-such-client.pem";
        options.client_key = server.key_file();
        BssClient client(options);
        const auto& error = error_of(client.call(contract::CatalogGetRequest{}));
        INFO(error.detail);
        CHECK(error.kind == FailureKind::transport);
        CHECK_FALSE(error.outcome_unknown());
        CHECK(server.requests() == 0);
    }
}

TEST_CASE("plain http to a host that is not loopback is refused even when built by hand", "[bssclient]")
{
    bss::ClientOptions options;
    options.endpoint = bss::Endpoint{"http", "10.0.0.5", 80, "/bss/v1"};
    CHECK_THROWS_AS(BssClient(options), std::invalid_argument);
}
