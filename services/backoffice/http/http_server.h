#pragma once
/// The reference back office's HTTPS transport: HTTP/1.1 with keep-alive over TLS 1.2 or later, a few io threads,
/// and one handler that sees every request. It knows nothing of the XML contract; it only moves bytes, keeps
/// limits (sizes, time) and shuts down without cutting off answers already on their way.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace backoffice::http {

/// One request as the handler sees it.
struct Request
{
    std::string method;
    std::string target;
    std::map<std::string, std::string> headers; ///< names in lower case; repeated headers joined with ", "
    std::string body;
    std::string remote; ///< the peer's "address:port"
};

/// The handler's answer.
struct Response
{
    unsigned status = 200;
    std::string content_type = "application/xml; charset=utf-8";
    std::string body;
    /// Extra headers; the server keeps framing (Content-Length, Transfer-Encoding, Connection) to itself.
    std::vector<std::pair<std::string, std::string>> headers;
};

/// Sends the answer. Call it once, from any thread; further calls, and calls after the connection is gone (timed
/// out, server stopped), are ignored.
using Reply = std::function<void(Response)>;
/// Called on an io thread for every request, on several threads at once when there are several connections. It
/// may reply at once or later from another thread; it must not block for long, since it holds up the io thread.
/// If it throws before replying, the client gets 500.
using Handler = std::function<void(Request, Reply)>;

/// Where to listen, with what certificate, and the limits that protect the server from slow or greedy clients.
struct ServerOptions
{
    std::string host = "127.0.0.1"; ///< an address literal or a name to resolve
    unsigned short port = 0;        ///< 0: any free port (see HttpServer::port())
    unsigned threads = 2;
    std::filesystem::path cert;                            ///< PEM; the leaf, optionally followed by intermediates
    std::filesystem::path key;                             ///< PEM private key
    std::size_t max_header_bytes = std::size_t{16} * 1024; ///< beyond: 431
    std::size_t max_body_bytes = std::size_t{1024} * 1024; ///< beyond: 413
    std::chrono::milliseconds request_timeout{10000};      ///< from a request's first byte to its answer
    std::chrono::milliseconds idle_timeout{60000};         ///< a kept-alive connection with no request is closed
};

/// An HTTPS server on its own io threads.
class HttpServer
{
public:
    HttpServer(ServerOptions options, Handler handler);
    /// Stops with the default grace.
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Loads the certificate, binds, listens and starts the io threads. Throws std::runtime_error saying what
    /// could not be done (certificate, address, port in use); throws std::logic_error when called twice.
    void start();
    /// The port listened on (the one picked when options.port was 0); 0 before start().
    [[nodiscard]] unsigned short port() const;
    /// Stops accepting, closes idle connections, lets requests in flight get their answer (sent with
    /// "Connection: close") for up to `grace`, then closes everything and joins the io threads. Idempotent; throws
    /// std::logic_error when called from a handler (it would wait for itself).
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace backoffice::http
