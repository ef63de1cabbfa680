#pragma once
/// The workstation's client of the back office: one libcurl easy handle per BssClient (so one kept-alive connection
/// per worker thread that owns one), TLS always verified against the configured CA, an optional client certificate,
/// connect and total time-outs, HTTP/1.1, and typed outcomes. Reads are retried with jittered back-off; a write is
/// sent with the caller's Idempotency-Key and retried only with that same key, so a retry can never do it twice.
///
/// Not thread-safe: give each worker thread its own BssClient. Only cancel() may be called from another thread.

#include "services/bssclient/endpoint.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace bss {

struct ClientOptions
{
    Endpoint endpoint;                 ///< from parse_endpoint (which already refused what must be refused)
    std::filesystem::path ca_file;     ///< PEM bundle to verify the server with; empty: the system's store
    std::filesystem::path client_cert; ///< optional PEM certificate issued to this workstation
    std::filesystem::path client_key;  ///< its key; empty: the key is in the client_cert file
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds total_timeout{20000}; ///< per attempt, from connect to the last byte of the answer
    int attempts = 3;                               ///< per call, for reads and for writes (same key)
    std::chrono::milliseconds backoff{200};         ///< first back-off; doubled each retry, ±50 % jitter
    std::chrono::milliseconds max_backoff{5000};    ///< the doubling stops here (jitter still applies)
    std::size_t max_response_bytes = std::size_t{8} * 1024 * 1024; ///< a larger answer is refused as malformed
};

/// Why a call did not produce the response.
enum class FailureKind
{
    transport, ///< could not connect, TLS refused, connection reset before the request was sent
    timeout,   ///< no complete answer in time: for a write, the outcome is unknown (ask again with the same key)
    http,      ///< an HTTP status without a contract answer (e.g. 502 from a proxy)
    fault,     ///< the back office refused with a result code (see `fault`)
    malformed, ///< bytes came back that are not the expected message
};

struct CallError
{
    FailureKind kind = FailureKind::transport;
    long http_status = 0;  ///< 0 when none arrived
    contract::Fault fault; ///< for FailureKind::fault
    std::string detail;    ///< for logs and support, never shown to clerks as is
    /// The call was stopped by cancel(). `kind` still says where it stopped: `timeout` for a write whose request
    /// may have been sent (outcome unknown), `transport` before that, or the last attempt's failure when the
    /// cancel came during a back-off pause.
    bool cancelled = false;
    /// Whether a write may have happened: the request may have reached the back office but no answer came
    /// (time-out, connection lost after sending, or a 5xx without a contract answer, e.g. from a proxy).
    [[nodiscard]] bool outcome_unknown() const;
    /// Whether asking again (with the same key for a write) may succeed: transport, timeout, 5xx, E_INTERNAL.
    [[nodiscard]] bool retryable() const;
    /// The stable code for the screens: the fault's code ("E_NUMBER_TAKEN") or E_TRANSPORT, E_TIMEOUT, E_HTTP,
    /// E_MALFORMED; E_CANCELLED when the call was cancelled.
    [[nodiscard]] std::string code() const;
    /// A fault parameter by name, or empty.
    [[nodiscard]] std::string param(std::string_view name) const;
    /// Whether the back office refused with `code` (a fault, not cancelled): the one way to ask which refusal it was.
    [[nodiscard]] bool is(contract::ResultCode code) const;
};

/// What a client does when the back office says its session has ended (E_SESSION): given the token it was refused
/// with, a token to send the call again with (once), or nothing to give up and return the E_SESSION. `cancelled`
/// turns true when cancel() is called meanwhile, so a renewal that waits (for a clerk typing a password) can stop.
/// Called on the calling thread, inside the call.
using SessionRenewal =
    std::function<std::optional<std::string>(const std::string& refused_token, const std::function<bool()>& cancelled)>;

template <typename Response> using Result = std::variant<Response, CallError>;

/// The raw exchange one attempt makes; exposed for the codec-independent parts and the tests.
struct Exchange
{
    long http_status = 0;
    std::string body;
};

class BssClient
{
public:
    explicit BssClient(ClientOptions options);
    ~BssClient();
    BssClient(const BssClient&) = delete;
    BssClient& operator=(const BssClient&) = delete;

    /// The session token sent as "Authorization: Bearer …" on every call but login.
    void set_session_token(std::string token);
    [[nodiscard]] const std::string& session_token() const;
    /// Installs the expired-session policy: a call refused with E_SESSION asks `renew` for a token and is sent once
    /// more with it (a write with the same key and bytes: E_SESSION means the back office did nothing). Login is
    /// never renewed, and neither is a call made without a token.
    void set_session_renewal(SessionRenewal renew);

    /// Sends a read. Retried (attempts, back-off) on retryable failures.
    template <contract::Operation Request>
    requires(!Request::kWrite) Result<typename Request::Response> call(const Request& request)
    {
        return decode<typename Request::Response>(
            post(Request::kOperation, contract::encode_request(request), std::nullopt));
    }

    /// Sends a write with `idempotency_key` (1–64 printable ASCII, the caller's id of this write, stored with it).
    /// Retried with the same key on transport failures, time-outs, 5xx and E_INTERNAL; never on another fault.
    template <contract::Operation Request>
    requires(Request::kWrite) Result<typename Request::Response> call(const Request& request,
                                                                      const std::string& idempotency_key)
    {
        return decode<typename Request::Response>(
            post(Request::kOperation, contract::encode_request(request), idempotency_key));
    }

    /// Sends a write's request bytes as they were first encoded (the outbox keeps them): the back office recognises
    /// a repeat by the key and the exact bytes, so a repeat must not be re-encoded. Retried like call().
    template <contract::Operation Request>
    requires(Request::kWrite) Result<typename Request::Response> call_encoded(const std::string& encoded_request,
                                                                              const std::string& idempotency_key)
    {
        return decode<typename Request::Response>(post(Request::kOperation, encoded_request, idempotency_key));
    }

    /// Connections opened since construction (keep-alive keeps this at 1 in a healthy run).
    [[nodiscard]] long connections_opened() const;

    /// Aborts the call in progress on another thread at its next progress tick (about a second at worst) or at
    /// once during a back-off pause (shutting down a worker). Safe from any thread. It sticks: later calls fail at
    /// once with E_CANCELLED until clear_cancel().
    void cancel();
    /// Lets calls through again after cancel(); on the owning thread, between calls.
    void clear_cancel();

    /// What an answer that is not the expected response means: a contract fault (with the HTTP status it came
    /// with), an HTTP status without a contract answer (including an unknown result code, which the contract says
    /// to treat by its status), or malformed bytes on a 200. One place, used for every attempt and every response.
    static CallError to_error(const Exchange& exchange, std::variant<contract::Fault, contract::DecodeError> error);

private:
    /// One call with its retries; on success (HTTP 200) the answer's status and body. `idempotency_key` is set for
    /// writes only.
    std::variant<Exchange, CallError> post(const char* operation, const std::string& body,
                                           std::optional<std::string_view> idempotency_key);
    /// post() without the session renewal: one call with its retries.
    std::variant<Exchange, CallError> send(const char* operation, const std::string& body,
                                           std::optional<std::string_view> idempotency_key);

    template <typename Response> static Result<Response> decode(std::variant<Exchange, CallError> sent)
    {
        if (auto* error = std::get_if<CallError>(&sent)) {
            return std::move(*error);
        }
        const auto& exchange = std::get<Exchange>(sent);
        auto answer = contract::decode_response<Response>(exchange.body);
        if (auto* response = std::get_if<Response>(&answer)) {
            return std::move(*response);
        }
        return to_error(exchange, answer_error(std::move(answer)));
    }

    template <typename Response>
    static std::variant<contract::Fault, contract::DecodeError> answer_error(contract::Answer<Response> answer)
    {
        if (auto* fault = std::get_if<contract::Fault>(&answer)) {
            return std::move(*fault);
        }
        return std::get<contract::DecodeError>(std::move(answer));
    }

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A fresh idempotency key: 32 hex characters from a CSPRNG.
std::string new_idempotency_key();

} // namespace bss
