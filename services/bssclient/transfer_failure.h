#pragma once
/// What a failed libcurl transfer means to the caller of the back office. Pure, so that every row of the table is
/// tested without a network: the distinction that matters is whether the request may have reached the back office,
/// because for a write that makes the outcome unknown (ask again with the same key) rather than a plain failure.

#include "services/bssclient/bss_client.h"

#include <cstddef>
#include <curl/curl.h>
#include <string>

namespace bss {

/// One attempt that curl_easy_perform did not complete.
struct TransferFailure
{
    CURLcode code = CURLE_OK;
    bool write = false;                      ///< the call carries an Idempotency-Key
    bool request_may_have_been_sent = false; ///< some of the request left this machine
    bool cancelled = false;                  ///< our progress callback stopped it because cancel() was called
    bool too_large = false;                  ///< our write callback refused an answer over the size limit
    std::size_t max_response_bytes = 0;      ///< that limit, for the message
    std::string message;                     ///< curl's error buffer, may be empty
};

/// The typed error for a failed transfer: `malformed` for an answer over the limit; `transport` when nothing can
/// have reached the back office (resolve, connect, TLS, certificates) or for a read; `timeout` for curl's time-out
/// once the request may have been sent, and for a write that lost its connection after the request may have been
/// sent (outcome unknown). `cancelled` is kept.
CallError transfer_error(const TransferFailure& failure);

} // namespace bss
