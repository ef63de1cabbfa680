#pragma once
/// Servers that misbehave on purpose, for the client's fault tests. `ScriptedServer` is the back office's own HTTPS
/// transport (HttpServer, real TLS with a CA made for the test) with a handler that answers the n-th request as the
/// test says, or never; it records every request so a test can check what arrived and how often. `ResettingServer`
/// accepts TCP connections and resets them at once, before any TLS, which HttpServer cannot be made to do.

#include "services/backoffice/http/http_server.h"
#include "tests/support/temp_dir.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace testing {

class ScriptedServer
{
public:
    /// The answer to the n-th request (1-based), or nullopt to keep it unanswered (until the server's request
    /// time-out closes the connection, or the test ends).
    using Script = std::function<std::optional<backoffice::http::Response>(int n, const backoffice::http::Request&)>;

    explicit ScriptedServer(Script script, std::chrono::milliseconds request_timeout = std::chrono::seconds(10));
    ~ScriptedServer();
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    /// "https://127.0.0.1:PORT/bss/v1/"
    [[nodiscard]] std::string url() const;
    [[nodiscard]] const std::filesystem::path& ca_file() const { return m_ca; }
    /// The server's own certificate and key: a valid PEM pair to offer as a client certificate.
    [[nodiscard]] const std::filesystem::path& cert_file() const { return m_cert; }
    [[nodiscard]] const std::filesystem::path& key_file() const { return m_key; }
    /// Requests received so far.
    [[nodiscard]] int requests() const;
    /// A copy of every request received so far, in order.
    [[nodiscard]] std::vector<backoffice::http::Request> seen() const;

private:
    TempDir m_dir{"counter-bssclient-test"};
    std::filesystem::path m_ca;
    std::filesystem::path m_cert;
    std::filesystem::path m_key;
    mutable std::mutex m_mutex;
    std::vector<backoffice::http::Request> m_seen;
    std::vector<backoffice::http::Reply> m_kept; ///< replies never sent; held so the server decides when to close
    Script m_script;
    std::unique_ptr<backoffice::http::HttpServer> m_server;
};

/// An HTTP response carrying `body` with `status` (XML unless told otherwise).
backoffice::http::Response answer(unsigned status, std::string body,
                                  std::string content_type = "application/xml; charset=utf-8");

class ResettingServer
{
public:
    ResettingServer();
    ~ResettingServer();
    ResettingServer(const ResettingServer&) = delete;
    ResettingServer& operator=(const ResettingServer&) = delete;

    /// "https://127.0.0.1:PORT/bss/v1/"
    [[nodiscard]] std::string url() const;
    /// Connections accepted (and reset) so far.
    [[nodiscard]] int accepted() const { return m_accepted.load(); }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::atomic<int> m_accepted{0};
};

} // namespace testing
