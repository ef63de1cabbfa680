#pragma once
/// A plain libcurl client for the back office's tests: one keep-alive connection, TLS verified against the CA the
/// back office made, raw calls (any bytes, any headers) and typed calls through the contract's codec. The
/// workstation's own client (services/bssclient) is a separate, richer thing; this one exists so the server is tested
/// against an independent peer.

#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <atomic>
#include <curl/curl.h>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace testing {

struct RawAnswer
{
    long status = 0;
    std::string body;
    std::string error; ///< transport failure, empty on success
};

template <typename Response> struct Typed
{
    long status = 0;
    contract::Answer<Response> answer;

    [[nodiscard]] bool ok() const { return std::holds_alternative<Response>(answer); }
    [[nodiscard]] const Response& value() const { return std::get<Response>(answer); }
    /// The fault's code name ("E_NUMBER_TAKEN"), "OK", or "DECODE:<reason>".
    [[nodiscard]] std::string code() const
    {
        if (ok()) {
            return "OK";
        }
        if (const auto* fault = std::get_if<contract::Fault>(&answer)) {
            return std::string(contract::to_string(fault->code));
        }
        return "DECODE:" + std::get<contract::DecodeError>(answer).reason;
    }
    [[nodiscard]] std::string param(const std::string& name) const
    {
        if (const auto* fault = std::get_if<contract::Fault>(&answer)) {
            for (const auto& [key, value] : fault->params) {
                if (key == name) {
                    return value;
                }
            }
        }
        return {};
    }
};

class BssTestClient
{
public:
    BssTestClient(std::string base_url, std::filesystem::path ca_file);
    ~BssTestClient();
    BssTestClient(const BssTestClient&) = delete;
    BssTestClient& operator=(const BssTestClient&) = delete;

    RawAnswer post(const std::string& operation, const std::string& body,
                   const std::vector<std::string>& extra_headers = {}, const std::string& method = "POST");

    /// Sends `request` with the session token (if logged in) and, for writes, `key` or a fresh one.
    template <typename Request> Typed<typename Request::Response> call(const Request& request, std::string key = {})
    {
        std::vector<std::string> headers;
        if (Request::kWrite) {
            headers.push_back("Idempotency-Key: " + (key.empty() ? fresh_key() : key));
        }
        const auto raw = post(Request::kOperation, contract::encode_request(request), headers);
        return {raw.status, contract::decode_response<typename Request::Response>(raw.body)};
    }

    /// Logs in and keeps the token for later calls; returns the answer.
    Typed<contract::LoginResponse> login(const std::string& staff_id, const std::string& password);
    void set_token(std::string token) { m_token = std::move(token); }
    [[nodiscard]] const std::string& token() const { return m_token; }
    /// Connections opened by the last request (0 when keep-alive reused one).
    [[nodiscard]] long new_connections() const { return m_new_connections; }

    static std::string fresh_key();
    /// Sends from this local address (any 127.x.y.z reaches the back office on 127.0.0.1), so a test can be two
    /// sources on one machine. Takes effect on the next new connection.
    void set_local_address(std::string address) { m_local_address = std::move(address); }

private:
    CURL* m_curl;
    std::string m_base;
    std::filesystem::path m_ca;
    std::string m_token;
    std::string m_local_address;
    long m_new_connections = 0;
};

/// Demo staff and their passwords (services/backoffice/demo_data.h).
inline const std::map<std::string, std::string> kDemoPasswords{{"1001", "Clerk#1001"},   {"1002", "Clerk#1002"},
                                                               {"2001", "Super#2001"},   {"3001", "Manager#3001"},
                                                               {"3002", "Manager#3002"}, {"admin", "Admin#2026"}};

} // namespace testing
