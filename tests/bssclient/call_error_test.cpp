// CallError's questions, the meaning of answers that are not the expected response, and the meaning of failed
// transfers: every row of each table, without a network.
#include "services/bssclient/bss_client.h"
#include "services/bssclient/transfer_failure.h"

#include <catch2/catch.hpp>
#include <set>

using bss::CallError;
using bss::Exchange;
using bss::FailureKind;
using contract::Fault;
using contract::ResultCode;

namespace {

CallError error_of(FailureKind kind, long status = 0, ResultCode code = ResultCode::ok)
{
    CallError error;
    error.kind = kind;
    error.http_status = status;
    error.fault.code = code;
    return error;
}

const char* name_of(FailureKind kind)
{
    switch (kind) {
    case FailureKind::transport:
        return "transport";
    case FailureKind::timeout:
        return "timeout";
    case FailureKind::http:
        return "http";
    case FailureKind::fault:
        return "fault";
    case FailureKind::malformed:
        return "malformed";
    }
    return "?";
}

} // namespace

TEST_CASE("CallError says whether to retry, whether a write may have happened, and its code", "[call_error]")
{
    struct Row
    {
        const char* what;
        CallError error;
        bool retryable;
        bool outcome_unknown;
        const char* code;
    };
    const Row rows[] = {
        {"could not connect", error_of(FailureKind::transport), true, false, "E_TRANSPORT"},
        {"timed out", error_of(FailureKind::timeout), true, true, "E_TIMEOUT"},
        {"502 from a proxy", error_of(FailureKind::http, 502), true, true, "E_HTTP"},
        {"503", error_of(FailureKind::http, 503), true, true, "E_HTTP"},
        {"500 in plain text", error_of(FailureKind::http, 500), true, true, "E_HTTP"},
        {"404 page", error_of(FailureKind::http, 404), false, false, "E_HTTP"},
        {"413 too large", error_of(FailureKind::http, 413), false, false, "E_HTTP"},
        {"E_INTERNAL", error_of(FailureKind::fault, 500, ResultCode::internal), true, false, "E_INTERNAL"},
        {"E_NUMBER_TAKEN", error_of(FailureKind::fault, 409, ResultCode::number_taken), false, false, "E_NUMBER_TAKEN"},
        {"E_VALIDATION", error_of(FailureKind::fault, 400, ResultCode::validation), false, false, "E_VALIDATION"},
        {"E_SESSION", error_of(FailureKind::fault, 401, ResultCode::session), false, false, "E_SESSION"},
        {"E_IDEMPOTENCY", error_of(FailureKind::fault, 409, ResultCode::idempotency), false, false, "E_IDEMPOTENCY"},
        {"garbage on 200", error_of(FailureKind::malformed, 200), false, false, "E_MALFORMED"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        CHECK(row.error.retryable() == row.retryable);
        CHECK(row.error.outcome_unknown() == row.outcome_unknown);
        CHECK(row.error.code() == row.code);
        auto cancelled = row.error;
        cancelled.cancelled = true;
        CHECK(cancelled.code() == "E_CANCELLED");
        CHECK(cancelled.outcome_unknown() == row.outcome_unknown); // cancelling does not make a write known
    }
}

TEST_CASE("CallError::param finds a fault parameter by name", "[call_error]")
{
    CallError error = error_of(FailureKind::fault, 400, ResultCode::validation);
    error.fault.params = {{"field", "customer/certificate"}, {"reason", "exists"}, {"customerId", "C1"}};
    CHECK(error.param("field") == "customer/certificate");
    CHECK(error.param("reason") == "exists");
    CHECK(error.param("customerId") == "C1");
    CHECK(error.param("missing").empty());
    CHECK(error.param("").empty());
    CHECK(error_of(FailureKind::timeout).param("field").empty());
}

TEST_CASE("answers that are not the expected response get one meaning", "[call_error]")
{
    const Fault taken{ResultCode::number_taken, {{"number", "075512345678"}, {"status", "reserved"}}};
    const std::string taken_xml = contract::encode_fault(taken);
    const std::string internal_xml = contract::encode_fault(Fault{ResultCode::internal, {}});
    const std::string unknown_code = R"(<result xmlns="urn:counter:bss:1" code="E_FUTURE"/>)";
    const std::string ok_fault = R"(<result xmlns="urn:counter:bss:1" code="OK"/>)";
    struct Row
    {
        const char* what;
        long status;
        std::string body;
        FailureKind kind;
        const char* code;
    };
    const Row rows[] = {
        {"a fault with its status", 409, taken_xml, FailureKind::fault, "E_NUMBER_TAKEN"},
        {"E_INTERNAL on 500", 500, internal_xml, FailureKind::fault, "E_INTERNAL"},
        {"a fault on 200 is still a fault", 200, taken_xml, FailureKind::fault, "E_NUMBER_TAKEN"},
        {"a proxy's HTML page", 502, "<html><body>Bad Gateway</body></html>", FailureKind::http, "E_HTTP"},
        {"the HTTP layer's plain text", 413, "request body too large", FailureKind::http, "E_HTTP"},
        {"an unknown code is judged by its status", 422, unknown_code, FailureKind::http, "E_HTTP"},
        {"a fault document saying OK on 500", 500, ok_fault, FailureKind::http, "E_HTTP"},
        {"garbage on 200", 200, "\x01\x02 not xml", FailureKind::malformed, "E_MALFORMED"},
        {"a fault document saying OK on 200", 200, ok_fault, FailureKind::malformed, "E_MALFORMED"},
        {"an unknown code on 200", 200, unknown_code, FailureKind::malformed, "E_MALFORMED"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        const CallError error =
            bss::BssClient::to_error(Exchange{row.status, row.body}, contract::decode_fault(row.body));
        CHECK(name_of(error.kind) == std::string(name_of(row.kind)));
        CHECK(error.code() == row.code);
        CHECK(error.http_status == row.status);
        CHECK_FALSE(error.detail.empty());
        CHECK(error.detail.find('\n') == std::string::npos);
    }
    const CallError error = bss::BssClient::to_error(Exchange{409, taken_xml}, contract::decode_fault(taken_xml));
    CHECK(error.fault == taken);
    CHECK(error.param("status") == "reserved");
}

TEST_CASE("a response that does not decode names what was wrong", "[call_error]")
{
    const contract::DecodeError field{"field", "missing", "customer/name"};
    const CallError error = bss::BssClient::to_error(Exchange{200, "<x/>"}, field);
    CHECK(error.kind == FailureKind::malformed);
    CHECK(error.detail.find("customer/name") != std::string::npos);
    CHECK(error.detail.find("missing") != std::string::npos);
}

TEST_CASE("a failed transfer is typed by whether the request may have left", "[call_error]")
{
    struct Row
    {
        const char* what;
        CURLcode code;
        bool write;
        bool sent;
        bool cancelled;
        bool too_large;
        FailureKind kind;
        bool outcome_unknown;
    };
    const Row rows[] = {
        {"unknown host", CURLE_COULDNT_RESOLVE_HOST, true, false, false, false, FailureKind::transport, false},
        {"refused", CURLE_COULDNT_CONNECT, true, false, false, false, FailureKind::transport, false},
        {"TLS handshake", CURLE_SSL_CONNECT_ERROR, true, false, false, false, FailureKind::transport, false},
        {"certificate not trusted", CURLE_PEER_FAILED_VERIFICATION, true, false, false, false, FailureKind::transport,
         false},
        {"certificate not trusted, even if curl counted bytes", CURLE_PEER_FAILED_VERIFICATION, true, true, false,
         false, FailureKind::transport, false},
        {"client certificate unreadable", CURLE_SSL_CERTPROBLEM, true, false, false, false, FailureKind::transport,
         false},
        {"connect timed out", CURLE_OPERATION_TIMEDOUT, true, false, false, false, FailureKind::transport, false},
        {"answer timed out, write", CURLE_OPERATION_TIMEDOUT, true, true, false, false, FailureKind::timeout, true},
        {"answer timed out, read", CURLE_OPERATION_TIMEDOUT, false, true, false, false, FailureKind::timeout, true},
        {"nothing came back, write", CURLE_GOT_NOTHING, true, true, false, false, FailureKind::timeout, true},
        {"nothing came back, read", CURLE_GOT_NOTHING, false, true, false, false, FailureKind::transport, false},
        {"reset while receiving, write", CURLE_RECV_ERROR, true, true, false, false, FailureKind::timeout, true},
        {"reset while sending, write", CURLE_SEND_ERROR, true, true, false, false, FailureKind::timeout, true},
        {"reset before sending, write", CURLE_SEND_ERROR, true, false, false, false, FailureKind::transport, false},
        {"answer cut short, write", CURLE_PARTIAL_FILE, true, true, false, false, FailureKind::timeout, true},
        {"cancelled before sending", CURLE_ABORTED_BY_CALLBACK, true, false, true, false, FailureKind::transport,
         false},
        {"cancelled after sending, write", CURLE_ABORTED_BY_CALLBACK, true, true, true, false, FailureKind::timeout,
         true},
        {"cancelled after sending, read", CURLE_ABORTED_BY_CALLBACK, false, true, true, false, FailureKind::transport,
         false},
        {"answer over the limit", CURLE_WRITE_ERROR, true, true, false, true, FailureKind::malformed, false},
        {"announced answer over the limit", CURLE_FILESIZE_EXCEEDED, false, true, false, false, FailureKind::malformed,
         false},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        bss::TransferFailure failure;
        failure.code = row.code;
        failure.write = row.write;
        failure.request_may_have_been_sent = row.sent;
        failure.cancelled = row.cancelled;
        failure.too_large = row.too_large;
        failure.max_response_bytes = 1024;
        failure.message = "curl says why";
        const CallError error = bss::transfer_error(failure);
        CHECK(name_of(error.kind) == std::string(name_of(row.kind)));
        CHECK(error.outcome_unknown() == row.outcome_unknown);
        CHECK(error.cancelled == row.cancelled);
        CHECK(error.http_status == 0);
        CHECK_FALSE(error.detail.empty());
    }
}

TEST_CASE("idempotency keys are 32 lower-case hex characters and do not repeat", "[idempotency_key]")
{
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string key = bss::new_idempotency_key();
        REQUIRE(key.size() == 32);
        CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);
        seen.insert(key);
    }
    CHECK(seen.size() == 1000);
}
