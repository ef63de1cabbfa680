// CallError's questions and the one place an answer that is not the expected response gets its meaning.
#include "services/bssclient/bss_client.h"

#include <algorithm>

namespace bss {
namespace {

/// The start of a body for the logs: a proxy's error page says who answered. Control bytes are replaced so a log
/// line stays one line.
std::string excerpt(const std::string& body)
{
    constexpr std::size_t kMax = 120;
    std::string text = body.substr(0, kMax);
    std::replace_if(
        text.begin(), text.end(),
        [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte < 0x20 || byte == 0x7f;
        },
        ' ');
    return body.size() > kMax ? text + "…" : text;
}

} // namespace

bool CallError::outcome_unknown() const
{
    return kind == FailureKind::timeout || (kind == FailureKind::http && http_status >= 500);
}

bool CallError::retryable() const
{
    switch (kind) {
    case FailureKind::transport:
    case FailureKind::timeout:
        return true;
    case FailureKind::http:
        return http_status >= 500;
    case FailureKind::fault:
        return fault.code == contract::ResultCode::internal;
    case FailureKind::malformed:
        return false;
    }
    return false;
}

std::string CallError::code() const
{
    if (cancelled) {
        return "E_CANCELLED";
    }
    switch (kind) {
    case FailureKind::transport:
        return "E_TRANSPORT";
    case FailureKind::timeout:
        return "E_TIMEOUT";
    case FailureKind::http:
        return "E_HTTP";
    case FailureKind::fault:
        return std::string(contract::to_string(fault.code));
    case FailureKind::malformed:
        return "E_MALFORMED";
    }
    return "E_TRANSPORT";
}

std::string CallError::param(std::string_view name) const
{
    for (const auto& [key, value] : fault.params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

bool CallError::is(contract::ResultCode code) const
{
    return kind == FailureKind::fault && !cancelled && fault.code == code;
}

CallError BssClient::to_error(const Exchange& exchange, std::variant<contract::Fault, contract::DecodeError> error)
{
    CallError result;
    result.http_status = exchange.http_status;
    const std::string status = "HTTP " + std::to_string(exchange.http_status);
    if (auto* fault = std::get_if<contract::Fault>(&error);
        fault != nullptr && fault->code != contract::ResultCode::ok) {
        result.kind = FailureKind::fault;
        result.detail = status + " " + std::string(contract::to_string(fault->code));
        result.fault = std::move(*fault);
        return result;
    }
    if (exchange.http_status != 200) {
        // No contract answer (a proxy's page, the HTTP layer's plain text, a code this client does not know): the
        // status is all there is.
        result.kind = FailureKind::http;
        result.detail = status + ": " + excerpt(exchange.body);
        return result;
    }
    result.kind = FailureKind::malformed;
    if (const auto* decode = std::get_if<contract::DecodeError>(&error)) {
        result.detail = decode->reason;
        if (!decode->field.empty()) {
            result.detail += " at " + decode->field;
        }
        if (!decode->detail.empty()) {
            result.detail += ": " + decode->detail;
        }
    } else {
        result.detail = "a fault document saying OK";
    }
    return result;
}

} // namespace bss
