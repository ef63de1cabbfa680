#include "services/backoffice/http/http_server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace backoffice::http {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace ssl = net::ssl;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Message = bhttp::request<bhttp::string_body>;
using Answer = bhttp::response<bhttp::string_body>;

constexpr std::size_t kReadChunk = 4096;
// Long enough for a client to read an answer and close its end, short enough not to hold up stop().
constexpr std::chrono::milliseconds kCloseTimeout{1000};
// Accepting fails in a loop while the process is out of descriptors; a pause keeps that from eating a core.
constexpr std::chrono::milliseconds kAcceptRetry{50};
constexpr char kServerName[] = "counter-backoffice";
// TLS 1.2 suites with forward secrecy and AEAD only; TLS 1.3's own suites all qualify. RSA ones stay for operators
// who bring an RSA certificate.
constexpr char kTls12Ciphers[] = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                                 "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256:"
                                 "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";

std::string text(beast::string_view view)
{
    return {view.data(), view.size()};
}

std::string lower(beast::string_view view)
{
    std::string out = text(view);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string describe(const tcp::endpoint& endpoint)
{
    const std::string address = endpoint.address().to_string();
    const std::string host = endpoint.address().is_v6() ? "[" + address + "]" : address;
    return host + ":" + std::to_string(endpoint.port());
}

std::string remote_of(const tcp::socket& socket)
{
    beast::error_code ec;
    const tcp::endpoint endpoint = socket.remote_endpoint(ec);
    return ec ? std::string("unknown") : describe(endpoint);
}

Request to_request(Message&& message, const std::string& remote)
{
    Request request;
    request.method = text(message.method_string());
    request.target = text(message.target());
    for (const auto& field : message) {
        const auto [it, fresh] = request.headers.try_emplace(lower(field.name_string()), text(field.value()));
        if (!fresh) {
            it->second.append(", ").append(field.value().data(), field.value().size());
        }
    }
    request.body = std::move(message.body());
    request.remote = remote;
    return request;
}

/// The answer the server gives by itself (errors), as plain text.
Response plain(bhttp::status status)
{
    Response response;
    response.status = static_cast<unsigned>(status);
    response.content_type = "text/plain; charset=utf-8";
    response.body = text(bhttp::obsolete_reason(status)) + "\n";
    return response;
}

/// Framing is the server's business: a handler setting these could desynchronise the connection.
bool header_allowed(const std::string& name, const std::string& value)
{
    const auto bad_char = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
    if (name.empty() || name.find(':') != std::string::npos || std::any_of(name.begin(), name.end(), bad_char) ||
        std::any_of(value.begin(), value.end(), bad_char)) {
        return false;
    }
    const std::string key = lower(name);
    return key != "content-length" && key != "transfer-encoding" && key != "connection";
}

Answer to_answer(Response response, unsigned version, bool keep_alive)
{
    // A handler asking for a 1xx or an out-of-range status has a bug; the client must not see a broken answer.
    if (response.status < 200 || response.status > 599) {
        response = plain(bhttp::status::internal_server_error);
    }
    Answer answer;
    answer.version(version);
    answer.result(response.status);
    answer.set(bhttp::field::server, kServerName);
    if (!response.content_type.empty()) {
        answer.set(bhttp::field::content_type, response.content_type);
    }
    for (const auto& [name, value] : response.headers) {
        if (header_allowed(name, value)) {
            answer.insert(name, value);
        }
    }
    const bool bodiless = response.status == 204 || response.status == 304;
    answer.body() = bodiless ? std::string() : std::move(response.body);
    answer.keep_alive(keep_alive);
    if (!keep_alive) {
        answer.set(bhttp::field::connection, "close");
    }
    answer.prepare_payload();
    return answer;
}

/// The status a broken request earns, or nothing when nobody is left to read an answer (peer gone, time out).
std::optional<bhttp::status> status_for(const beast::error_code& ec)
{
    if (ec == bhttp::error::header_limit) {
        return bhttp::status::request_header_fields_too_large;
    }
    if (ec == bhttp::error::body_limit) {
        return bhttp::status::payload_too_large;
    }
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
        return std::nullopt;
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
        return bhttp::status::bad_request;
    }
    return std::nullopt;
}

std::uint32_t clamp_to_u32(std::size_t value)
{
    return static_cast<std::uint32_t>(std::min<std::size_t>(value, std::numeric_limits<std::uint32_t>::max()));
}

class Connection;

/// A reply from another thread posts onto its connection's strand; once the io_context is about to go it must not,
/// so the server closes this gate first. Replies hold only the gate, so a handler that keeps them creates no cycle.
struct Gate
{
    std::mutex mutex;
    bool open = true;
};

/// What the server and its connections share; connections left in the io_context may outlive the server.
struct Shared
{
    Shared(ServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {}

    const ServerOptions options;
    const Handler handler;
    std::atomic<bool> stopping{false};
    const std::shared_ptr<Gate> gate = std::make_shared<Gate>();

    std::mutex connections_mutex;
    std::condition_variable connections_changed;
    std::vector<std::weak_ptr<Connection>> connections;
    std::size_t live = 0;
};

/// One TLS connection and its requests, one at a time, all on the connection's strand.
class Connection : public std::enable_shared_from_this<Connection>
{
public:
    Connection(tcp::socket socket, ssl::context& tls, std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared)), m_executor(socket.get_executor()), m_remote(remote_of(socket)),
          m_stream(std::move(socket), tls), m_timer(m_executor)
    {
        std::lock_guard lock(m_shared->connections_mutex);
        ++m_shared->live;
    }

    ~Connection()
    {
        std::lock_guard lock(m_shared->connections_mutex);
        --m_shared->live;
        m_shared->connections_changed.notify_all();
    }

    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const net::any_io_executor& executor() const { return m_executor; }

    void start() { net::dispatch(m_executor, beast::bind_front_handler(&Connection::handshake, shared_from_this())); }

    /// Posted by stop(): a connection between requests goes now; one with a request in flight finishes it first.
    void on_server_stop()
    {
        if (m_phase == Phase::handshake || m_phase == Phase::idle) {
            close_now();
        }
    }

    /// Posted by stop() once the grace is over: whatever is still in flight is dropped.
    void on_grace_over() { close_now(); }

private:
    enum class Phase
    {
        handshake,
        idle,
        reading,
        handling,
        writing,
        closing,
        closed
    };

    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }
    const ServerOptions& options() const { return m_shared->options; }

    void handshake()
    {
        m_phase = Phase::handshake;
        lowest().expires_after(options().request_timeout);
        m_stream.async_handshake(ssl::stream_base::server,
                                 beast::bind_front_handler(&Connection::on_handshake, shared_from_this()));
    }

    void on_handshake(beast::error_code ec)
    {
        if (ec) {
            return close_now();
        }
        wait_for_request();
    }

    // Between requests the idle timeout applies; the request timeout starts with the first byte.
    void wait_for_request()
    {
        if (m_shared->stopping) {
            return close_now();
        }
        m_phase = Phase::idle;
        if (m_buffer.size() > 0) {
            return read_request();
        }
        lowest().expires_after(options().idle_timeout);
        m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                                 beast::bind_front_handler(&Connection::on_first_bytes, shared_from_this()));
    }

    void on_first_bytes(beast::error_code ec, std::size_t bytes)
    {
        if (ec) {
            return close_now();
        }
        m_buffer.commit(bytes);
        read_request();
    }

    void read_request()
    {
        m_phase = Phase::reading;
        m_deadline = Clock::now() + options().request_timeout;
        m_parser.emplace();
        m_parser->header_limit(clamp_to_u32(options().max_header_bytes));
        m_parser->body_limit(options().max_body_bytes);
        lowest().expires_at(m_deadline);
        bhttp::async_read(m_stream, m_buffer, *m_parser,
                          beast::bind_front_handler(&Connection::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec) {
            const std::optional<bhttp::status> status = status_for(ec);
            return status ? send_error(*status) : close_now();
        }
        handle();
    }

    void handle()
    {
        m_phase = Phase::handling;
        Message message = m_parser->release();
        m_parser.reset();
        m_version = message.version();
        m_keep_alive = message.keep_alive();
        ++m_exchange;
        arm_deadline();
        const Reply reply = make_reply(m_exchange);
        try {
            m_shared->handler(to_request(std::move(message), m_remote), reply);
        } catch (...) {
            // Ignored by the reply if the handler had answered before throwing.
            reply(plain(bhttp::status::internal_server_error));
        }
    }

    // The handler's time counts against the request too; the stream's own timer only runs during I/O.
    void arm_deadline()
    {
        m_timer.expires_at(m_deadline);
        m_timer.async_wait([self = shared_from_this(), exchange = m_exchange](beast::error_code ec) {
            if (!ec) {
                self->on_deadline(exchange);
            }
        });
    }

    void on_deadline(std::uint64_t exchange)
    {
        if (exchange == m_exchange && m_phase == Phase::handling) {
            close_now();
        }
    }

    // Holds the connection weakly: a handler that never replies must not keep it (or the io_context) alive.
    Reply make_reply(std::uint64_t exchange)
    {
        auto used = std::make_shared<std::atomic<bool>>(false);
        return [weak = weak_from_this(), gate = m_shared->gate, used, exchange](Response response) {
            if (used->exchange(true)) {
                return;
            }
            std::lock_guard lock(gate->mutex);
            if (!gate->open) {
                return;
            }
            if (const std::shared_ptr<Connection> self = weak.lock()) {
                net::post(self->executor(), [self, exchange, answer = std::move(response)]() mutable {
                    self->on_reply(exchange, std::move(answer));
                });
            }
        };
    }

    void on_reply(std::uint64_t exchange, Response response)
    {
        if (exchange != m_exchange || m_phase != Phase::handling) {
            return; // too late: the request timed out
        }
        m_timer.cancel();
        write(std::move(response));
    }

    void send_error(bhttp::status status)
    {
        m_keep_alive = false;
        m_version = 11;
        m_unread_input = true;
        write(plain(status));
    }

    void write(Response response)
    {
        m_phase = Phase::writing;
        m_answer = to_answer(std::move(response), m_version, m_keep_alive && !m_shared->stopping);
        lowest().expires_after(options().request_timeout);
        bhttp::async_write(m_stream, m_answer, beast::bind_front_handler(&Connection::on_write, shared_from_this()));
    }

    void on_write(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec) {
            return close_now();
        }
        if (!m_answer.keep_alive()) {
            return m_unread_input ? linger() : close_gracefully();
        }
        m_answer = {};
        wait_for_request();
    }

    // close_notify, then a moment for the peer's, so that the client sees an orderly end.
    void close_gracefully()
    {
        m_phase = Phase::closing;
        lowest().expires_after(kCloseTimeout);
        m_stream.async_shutdown(beast::bind_front_handler(&Connection::on_shutdown, shared_from_this()));
    }

    void on_shutdown(beast::error_code /*ec*/) { close_now(); }

    // A refused request may still be arriving (the rest of a body or a header). Closing a socket with unread input
    // sends a reset, which can reach the client before it has read our error answer; so read and drop what comes
    // until the client, having read the answer, closes, or a moment has passed.
    void linger()
    {
        m_phase = Phase::closing;
        m_deadline = Clock::now() + kCloseTimeout;
        discard_input();
    }

    void discard_input()
    {
        m_buffer.clear();
        lowest().expires_at(m_deadline);
        m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                                 beast::bind_front_handler(&Connection::on_discarded, shared_from_this()));
    }

    void on_discarded(beast::error_code ec, std::size_t /*bytes*/)
    {
        if (ec) {
            return close_now();
        }
        discard_input();
    }

    void close_now()
    {
        m_phase = Phase::closed;
        m_timer.cancel();
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    const std::shared_ptr<Shared> m_shared;
    const net::any_io_executor m_executor;
    const std::string m_remote;
    ssl::stream<beast::tcp_stream> m_stream;
    net::steady_timer m_timer;
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    Answer m_answer;
    Phase m_phase = Phase::handshake;
    Clock::time_point m_deadline;
    std::uint64_t m_exchange = 0;
    unsigned m_version = 11;
    bool m_keep_alive = false;
    bool m_unread_input = false;
};

void configure_tls(ssl::context& tls, const ServerOptions& options)
{
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                    ssl::context::single_dh_use);
    SSL_CTX* native = tls.native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
        throw std::runtime_error("HTTPS server: cannot restrict TLS to 1.2+ with forward secrecy");
    }
    SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
    beast::error_code ec;
    tls.use_certificate_chain_file(options.cert.string(), ec);
    if (ec) {
        throw std::runtime_error("HTTPS server: cannot load the certificate " + options.cert.string() + ": " +
                                 ec.message());
    }
    tls.use_private_key_file(options.key.string(), ssl::context::pem, ec);
    if (ec) {
        throw std::runtime_error("HTTPS server: cannot load the private key " + options.key.string() + ": " +
                                 ec.message());
    }
}

tcp::endpoint endpoint_for(net::io_context& io, const std::string& host, unsigned short port)
{
    beast::error_code ec;
    const net::ip::address address = net::ip::make_address(host, ec);
    if (!ec) {
        return {address, port};
    }
    tcp::resolver resolver(io);
    const auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty()) {
        throw std::runtime_error("HTTPS server: cannot resolve \"" + host +
                                 "\": " + (ec ? ec.message() : std::string("no address")));
    }
    return results.begin()->endpoint();
}

void listen(tcp::acceptor& acceptor, const tcp::endpoint& endpoint, const std::string& host)
{
    const auto fail = [&](const char* step, const beast::error_code& ec) {
        throw std::runtime_error(std::string("HTTPS server: cannot ") + step + " " + host + ":" +
                                 std::to_string(endpoint.port()) + ": " + ec.message());
    };
    beast::error_code ec;
    acceptor.open(endpoint.protocol(), ec);
    if (ec) {
        fail("open a socket for", ec);
    }
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
    acceptor.bind(endpoint, ec);
    if (ec) {
        fail("listen on", ec);
    }
    acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        fail("listen on", ec);
    }
}

} // namespace

struct HttpServer::Impl
{
    Impl(ServerOptions options, Handler handler)
        : shared(std::make_shared<Shared>(std::move(options), std::move(handler))),
          io(static_cast<int>(std::max(1U, shared->options.threads)))
    {
    }

    void accept()
    {
        acceptor.async_accept(net::make_strand(io),
                              [this](beast::error_code ec, tcp::socket socket) { on_accept(ec, std::move(socket)); });
    }

    void on_accept(beast::error_code ec, tcp::socket socket)
    {
        if (ec == net::error::operation_aborted || shared->stopping) {
            return;
        }
        if (ec) {
            accept_retry.expires_after(kAcceptRetry);
            accept_retry.async_wait([this](beast::error_code wait_ec) {
                if (!wait_ec && !shared->stopping) {
                    accept();
                }
            });
            return;
        }
        launch(std::move(socket));
        accept();
    }

    void launch(tcp::socket socket)
    {
        auto connection = std::make_shared<Connection>(std::move(socket), tls, shared);
        {
            std::lock_guard lock(shared->connections_mutex);
            std::erase_if(shared->connections, [](const auto& weak) { return weak.expired(); });
            shared->connections.push_back(connection);
        }
        connection->start();
    }

    void run_io()
    {
        // A handler that throws past us must not take the process down; the io_context carries on without it.
        for (;;) {
            try {
                io.run();
                return;
            } catch (...) {
            }
        }
    }

    void close_acceptor()
    {
        net::post(acceptor.get_executor(), [this] {
            beast::error_code ignored;
            acceptor.close(ignored);
            accept_retry.cancel();
        });
    }

    void tell_connections(void (Connection::*what)())
    {
        std::vector<std::shared_ptr<Connection>> live;
        {
            std::lock_guard lock(shared->connections_mutex);
            for (const auto& weak : shared->connections) {
                if (auto connection = weak.lock()) {
                    live.push_back(std::move(connection));
                }
            }
        }
        for (auto& connection : live) {
            net::post(connection->executor(), [connection, what] { (*connection.*what)(); });
        }
    }

    void wait_for_connections(std::chrono::milliseconds grace)
    {
        std::unique_lock lock(shared->connections_mutex);
        shared->connections_changed.wait_for(lock, grace, [this] { return shared->live == 0; });
    }

    void close_gate()
    {
        std::lock_guard lock(shared->gate->mutex);
        shared->gate->open = false;
    }

    bool on_io_thread() const
    {
        return std::any_of(threads.begin(), threads.end(),
                           [](const std::thread& t) { return t.get_id() == std::this_thread::get_id(); });
    }

    // Declaration order is destruction order backwards: connections left in the io_context die with it, before
    // the TLS context and the shared state they use.
    std::shared_ptr<Shared> shared;
    ssl::context tls{ssl::context::tls_server};
    net::io_context io;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    net::strand<net::io_context::executor_type> acceptor_strand{io.get_executor()};
    tcp::acceptor acceptor{acceptor_strand};
    net::steady_timer accept_retry{acceptor_strand};
    std::vector<std::thread> threads;
    std::atomic<unsigned short> port{0};
    std::mutex lifecycle;
    bool started = false;
    bool stopped = false;
};

HttpServer::HttpServer(ServerOptions options, Handler handler)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(handler)))
{
}

HttpServer::~HttpServer()
{
    try {
        stop();
    } catch (...) {
        // Nothing sensible to do while being destroyed.
    }
}

void HttpServer::start()
{
    Impl& impl = *m_impl;
    std::lock_guard lock(impl.lifecycle);
    if (impl.started) {
        throw std::logic_error("HTTPS server: started twice");
    }
    const ServerOptions& options = impl.shared->options;
    configure_tls(impl.tls, options);
    listen(impl.acceptor, endpoint_for(impl.io, options.host, options.port), options.host);
    impl.port = impl.acceptor.local_endpoint().port();
    impl.work.emplace(impl.io.get_executor());
    impl.accept();
    impl.started = true;
    for (unsigned i = 0; i < std::max(1U, options.threads); ++i) {
        impl.threads.emplace_back([&impl] { impl.run_io(); });
    }
}

unsigned short HttpServer::port() const
{
    return m_impl->port;
}

void HttpServer::stop(std::chrono::milliseconds grace)
{
    Impl& impl = *m_impl;
    std::lock_guard lock(impl.lifecycle);
    if (!impl.started || impl.stopped) {
        return;
    }
    if (impl.on_io_thread()) {
        throw std::logic_error("HTTPS server: stop() called from a handler would wait for itself");
    }
    impl.stopped = true;
    impl.shared->stopping = true;
    impl.close_acceptor();
    impl.tell_connections(&Connection::on_server_stop);
    impl.wait_for_connections(grace);
    // Closing on the strands, while the io threads still run, is what lets the clients know at once; a connection
    // merely abandoned in a stopped io_context would keep its socket open until the server is destroyed.
    impl.tell_connections(&Connection::on_grace_over);
    impl.wait_for_connections(kCloseTimeout);
    impl.work.reset();
    impl.io.stop();
    for (std::thread& thread : impl.threads) {
        thread.join();
    }
    impl.close_gate();
}

} // namespace backoffice::http
