#include "services/bssclient/transfer_failure.h"

namespace bss {
namespace {

/// Failures that happen before the first byte of the request is written: the back office cannot have seen it.
bool before_request(CURLcode code)
{
    switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return true;
    default:
        return false;
    }
}

std::string describe(const TransferFailure& failure)
{
    std::string text = curl_easy_strerror(failure.code);
    if (!failure.message.empty()) {
        text += ": ";
        text += failure.message;
    }
    return text;
}

} // namespace

CallError transfer_error(const TransferFailure& failure)
{
    CallError error;
    error.cancelled = failure.cancelled;
    if (failure.too_large || failure.code == CURLE_FILESIZE_EXCEEDED) {
        error.kind = FailureKind::malformed;
        error.detail = "answer larger than " + std::to_string(failure.max_response_bytes) + " bytes";
        return error;
    }
    const bool sent = failure.request_may_have_been_sent && !before_request(failure.code);
    if (failure.cancelled) {
        error.kind = failure.write && sent ? FailureKind::timeout : FailureKind::transport;
        error.detail = sent ? "cancelled after the request was sent" : "cancelled before the request was sent";
        return error;
    }
    if (failure.code == CURLE_OPERATION_TIMEDOUT) {
        // A connect that timed out sent nothing: that is a transport failure, whatever curl calls it.
        error.kind = sent ? FailureKind::timeout : FailureKind::transport;
        error.detail = describe(failure);
        return error;
    }
    error.kind = failure.write && sent ? FailureKind::timeout : FailureKind::transport;
    error.detail = describe(failure);
    if (error.kind == FailureKind::timeout) {
        error.detail = "connection lost after the request was sent (" + error.detail + ")";
    }
    return error;
}

} // namespace bss
