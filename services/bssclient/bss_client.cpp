#include "services/bssclient/bss_client.h"

#include "services/bssclient/backoff.h"
#include "services/bssclient/transfer_failure.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <curl/curl.h>
#include <mutex>
#include <random>
#include <sodium.h>
#include <stdexcept>

namespace bss {
namespace {

struct CurlDeleter
{
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

/// curl_global_init is not safe to race with other threads starting curl; a function-local static is.
void init_curl_once()
{
    static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (initialised != CURLE_OK) {
        throw std::runtime_error(std::string("curl_global_init failed: ") + curl_easy_strerror(initialised));
    }
}

/// Header values are sent as given: anything outside visible ASCII could end the line and add headers of its own.
bool visible_ascii(std::string_view text)
{
    for (const char c : text) {
        if (c < 0x21 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

/// The back office's own answer to a bad key, made here so a bad key never leaves the workstation.
CallError refused_locally(contract::ResultCode code, std::string field, std::string reason)
{
    CallError error;
    error.kind = FailureKind::fault;
    error.fault = contract::Fault{code, {{"field", std::move(field)}, {"reason", std::move(reason)}}};
    error.detail = "refused before sending";
    return error;
}

std::optional<CallError> check_key(std::string_view key)
{
    constexpr std::size_t kMaxKey = 64;
    if (key.empty()) {
        return refused_locally(contract::ResultCode::validation, "Idempotency-Key", "missing");
    }
    if (key.size() > kMaxKey || !visible_ascii(key)) {
        return refused_locally(contract::ResultCode::validation, "Idempotency-Key", "invalid");
    }
    return std::nullopt;
}

} // namespace

struct BssClient::Impl
{
    explicit Impl(ClientOptions opts) : options(std::move(opts)) {}

    ClientOptions options;
    std::unique_ptr<curl_slist, SlistDeleter> headers; ///< outlives `curl`, which points at it
    std::unique_ptr<CURL, CurlDeleter> curl;
    std::array<char, CURL_ERROR_SIZE> curl_error{};
    std::string token;
    SessionRenewal renew_session;
    long connections = 0;
    std::mt19937 random{std::random_device{}()};

    std::atomic<bool> cancelled{false};
    std::mutex pause_mutex;
    std::condition_variable pause_wake;

    // One attempt's answer and what the callbacks saw of it.
    std::string body;
    bool too_large = false;
    bool uploaded = false;

    template <typename T> void set(CURLoption option, T value)
    {
        const CURLcode code = curl_easy_setopt(curl.get(), option, value);
        if (code != CURLE_OK) {
            throw std::runtime_error(std::string("libcurl refused an option: ") + curl_easy_strerror(code));
        }
    }

    static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user)
    {
        auto* self = static_cast<Impl*>(user);
        const std::size_t bytes = size * count;
        if (self->body.size() + bytes > self->options.max_response_bytes) {
            self->too_large = true;
            return 0; // curl stops with CURLE_WRITE_ERROR
        }
        self->body.append(data, bytes);
        return bytes;
    }

    static int on_progress(void* user, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/, curl_off_t /*ultotal*/,
                           curl_off_t ulnow)
    {
        auto* self = static_cast<Impl*>(user);
        if (ulnow > 0) {
            self->uploaded = true;
        }
        return self->cancelled.load() ? 1 : 0;
    }

    void configure()
    {
        init_curl_once();
        curl.reset(curl_easy_init());
        if (!curl) {
            throw std::runtime_error("curl_easy_init failed");
        }
        const bool plain = options.endpoint.scheme == "http";
        if (plain && !is_loopback_host(options.endpoint.host)) {
            throw std::invalid_argument("plain http is allowed to a loopback host only: " + options.endpoint.host);
        }
        set(CURLOPT_ERRORBUFFER, curl_error.data());
        set(CURLOPT_NOSIGNAL, 1L);
        set(CURLOPT_PROTOCOLS_STR, plain ? "http" : "https");
        set(CURLOPT_FOLLOWLOCATION, 0L);
        set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
        set(CURLOPT_TCP_KEEPALIVE, 1L);
        set(CURLOPT_USERAGENT, "counter-workstation");
        set(CURLOPT_SSL_VERIFYPEER, 1L);
        set(CURLOPT_SSL_VERIFYHOST, 2L);
        set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
        if (!options.ca_file.empty()) {
            // The configured CA and nothing else: no fall-back to the system's store.
            set(CURLOPT_CAINFO, options.ca_file.c_str());
            set(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
        }
        if (!options.client_cert.empty()) {
            set(CURLOPT_SSLCERT, options.client_cert.c_str());
            set(CURLOPT_SSLCERTTYPE, "PEM");
            if (!options.client_key.empty()) {
                set(CURLOPT_SSLKEY, options.client_key.c_str());
                set(CURLOPT_SSLKEYTYPE, "PEM");
            }
        }
        set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
        set(CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
        set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_response_bytes));
        set(CURLOPT_WRITEFUNCTION, &Impl::on_body);
        set(CURLOPT_WRITEDATA, static_cast<void*>(this));
        set(CURLOPT_NOPROGRESS, 0L);
        set(CURLOPT_XFERINFOFUNCTION, &Impl::on_progress);
        set(CURLOPT_XFERINFODATA, static_cast<void*>(this));
        set(CURLOPT_POST, 1L);
    }

    /// The request headers of one call; kept until the next call replaces them.
    void set_headers(const char* operation, std::optional<std::string_view> key)
    {
        std::unique_ptr<curl_slist, SlistDeleter> list;
        const auto add = [&list](const std::string& line) {
            curl_slist* grown = curl_slist_append(list.get(), line.c_str());
            if (grown == nullptr) {
                throw std::bad_alloc();
            }
            static_cast<void>(list.release());
            list.reset(grown);
        };
        add("Content-Type: application/xml; charset=utf-8");
        add("Accept: application/xml");
        add("Expect:"); // no 100-continue round trip: the back office reads every body it is sent
        if (!token.empty() && std::string_view(operation) != "login") {
            add("Authorization: Bearer " + token);
        }
        if (key) {
            add("Idempotency-Key: " + std::string(*key));
        }
        set(CURLOPT_HTTPHEADER, list.get());
        headers = std::move(list);
    }

    /// One request and its answer, whatever the status.
    std::variant<Exchange, CallError> attempt(bool write)
    {
        body.clear();
        too_large = false;
        uploaded = false;
        curl_error[0] = '\0';
        const CURLcode code = curl_easy_perform(curl.get());
        long opened = 0;
        curl_easy_getinfo(curl.get(), CURLINFO_NUM_CONNECTS, &opened);
        connections += opened;
        if (code == CURLE_OK) {
            long status = 0;
            curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
            return Exchange{status, std::move(body)};
        }
        long request_bytes = 0;
        curl_easy_getinfo(curl.get(), CURLINFO_REQUEST_SIZE, &request_bytes);
        TransferFailure failure;
        failure.code = code;
        failure.write = write;
        failure.request_may_have_been_sent = request_bytes > 0 || uploaded;
        failure.cancelled = code == CURLE_ABORTED_BY_CALLBACK && cancelled.load();
        failure.too_large = too_large;
        failure.max_response_bytes = options.max_response_bytes;
        failure.message = curl_error.data();
        CallError error = transfer_error(failure);
        // A status line may have arrived before the failure (an answer cut short or over the limit): it tells the
        // caller an exchange took place.
        curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &error.http_status);
        return error;
    }

    /// Waits `delay`, or less when cancel() is called; returns false when cancelled.
    bool pause(std::chrono::milliseconds delay)
    {
        std::unique_lock lock(pause_mutex);
        return !pause_wake.wait_for(lock, delay, [this] { return cancelled.load(); });
    }

    std::chrono::milliseconds next_backoff(int retry)
    {
        std::uniform_real_distribution<double> jitter(0.0, 1.0);
        return backoff_delay(options.backoff, options.max_backoff, retry, jitter(random));
    }
};

BssClient::BssClient(ClientOptions options) : m_impl(std::make_unique<Impl>(std::move(options)))
{
    m_impl->configure();
}

BssClient::~BssClient() = default;

void BssClient::set_session_token(std::string token)
{
    m_impl->token = std::move(token);
}

const std::string& BssClient::session_token() const
{
    return m_impl->token;
}

void BssClient::set_session_renewal(SessionRenewal renew)
{
    m_impl->renew_session = std::move(renew);
}

long BssClient::connections_opened() const
{
    return m_impl->connections;
}

void BssClient::cancel()
{
    {
        std::lock_guard lock(m_impl->pause_mutex);
        m_impl->cancelled = true;
    }
    m_impl->pause_wake.notify_all();
}

void BssClient::clear_cancel()
{
    m_impl->cancelled = false;
}

std::variant<Exchange, CallError> BssClient::post(const char* operation, const std::string& body,
                                                  std::optional<std::string_view> idempotency_key)
{
    auto sent = send(operation, body, idempotency_key);
    Impl& impl = *m_impl;
    const auto* error = std::get_if<CallError>(&sent);
    if (error == nullptr || !error->is(contract::ResultCode::session) || !impl.renew_session || impl.token.empty() ||
        std::string_view(operation) == contract::LoginRequest::kOperation) {
        return sent;
    }
    auto renewed = impl.renew_session(impl.token, [&impl] { return impl.cancelled.load(); });
    if (!renewed || *renewed == impl.token || impl.cancelled.load()) {
        return sent;
    }
    impl.token = std::move(*renewed);
    return send(operation, body, idempotency_key);
}

std::variant<Exchange, CallError> BssClient::send(const char* operation, const std::string& body,
                                                  std::optional<std::string_view> idempotency_key)
{
    Impl& impl = *m_impl;
    if (impl.cancelled.load()) {
        CallError error;
        error.cancelled = true;
        error.detail = "cancelled before the call";
        return error;
    }
    if (idempotency_key) {
        if (auto refused = check_key(*idempotency_key)) {
            return *std::move(refused);
        }
    }
    if (!visible_ascii(impl.token)) {
        return refused_locally(contract::ResultCode::validation, "Authorization", "invalid");
    }
    impl.set(CURLOPT_URL, impl.options.endpoint.url_for(operation).c_str());
    impl.set(CURLOPT_POSTFIELDS, body.data());
    impl.set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    impl.set_headers(operation, idempotency_key);

    const bool write = idempotency_key.has_value();
    const int attempts = std::max(1, impl.options.attempts);
    for (int attempt = 1;; ++attempt) {
        auto sent = impl.attempt(write);
        if (auto* exchange = std::get_if<Exchange>(&sent); exchange != nullptr && exchange->http_status == 200) {
            return sent;
        }
        CallError error =
            std::holds_alternative<CallError>(sent)
                ? std::get<CallError>(std::move(sent))
                : to_error(std::get<Exchange>(sent), contract::decode_fault(std::get<Exchange>(sent).body));
        if (attempt > 1) {
            error.detail += " (attempt " + std::to_string(attempt) + " of " + std::to_string(attempts) + ")";
        }
        if (error.cancelled || !error.retryable() || attempt >= attempts) {
            return error;
        }
        if (!impl.pause(impl.next_backoff(attempt))) {
            error.cancelled = true;
            error.detail += "; cancelled while waiting to retry";
            return error;
        }
    }
}

std::string new_idempotency_key()
{
    // sodium_init is idempotent and thread-safe; randombytes_buf would initialise itself, but the documentation
    // asks for it first.
    static const int initialised = sodium_init();
    if (initialised < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
    constexpr std::size_t kBytes = 16;
    std::array<unsigned char, kBytes> random{};
    randombytes_buf(random.data(), random.size());
    std::array<char, kBytes * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    return {hex.data(), kBytes * 2};
}

} // namespace bss
