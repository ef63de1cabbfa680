#include "tests/bssclient/misbehaving_server.h"

#include "services/backoffice/http/tls_material.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/socket_base.hpp>

namespace testing {

namespace http = backoffice::http;

ScriptedServer::ScriptedServer(Script script, std::chrono::milliseconds request_timeout) : m_script(std::move(script))
{
    const auto files = http::ensure_tls_material(m_dir.path(), {});
    m_ca = files.ca_cert;
    m_cert = files.server_cert;
    m_key = files.server_key;
    http::ServerOptions options;
    options.cert = files.server_cert;
    options.key = files.server_key;
    options.request_timeout = request_timeout;
    m_server = std::make_unique<http::HttpServer>(options, [this](http::Request request, http::Reply reply) {
        int n = 0;
        {
            std::lock_guard lock(m_mutex);
            m_seen.push_back(request);
            n = static_cast<int>(m_seen.size());
        }
        auto response = m_script(n, request);
        if (response) {
            reply(std::move(*response));
            return;
        }
        std::lock_guard lock(m_mutex);
        m_kept.push_back(std::move(reply));
    });
    m_server->start();
}

ScriptedServer::~ScriptedServer()
{
    // Unanswered requests would hold the default grace of five seconds.
    m_server->stop(std::chrono::milliseconds(100));
}

std::string ScriptedServer::url() const
{
    return "https://127.0.0.1:" + std::to_string(m_server->port()) + "/bss/v1/";
}

int ScriptedServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_seen.size());
}

std::vector<http::Request> ScriptedServer::seen() const
{
    std::lock_guard lock(m_mutex);
    return m_seen;
}

http::Response answer(unsigned status, std::string body, std::string content_type)
{
    http::Response response;
    response.status = status;
    response.body = std::move(body);
    response.content_type = std::move(content_type);
    return response;
}

struct ResettingServer::Impl
{
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor{io, {boost::asio::ip::make_address("127.0.0.1"), 0}};
    std::thread thread;

    void accept_next(std::atomic<int>& accepted)
    {
        acceptor.async_accept([this, &accepted](boost::system::error_code error, boost::asio::ip::tcp::socket socket) {
            if (error) {
                return;
            }
            ++accepted;
            // Linger 0: close sends RST, as a crashed peer or a middlebox dropping the connection would.
            boost::system::error_code ignored;
            socket.set_option(boost::asio::socket_base::linger(true, 0), ignored);
            socket.close(ignored);
            accept_next(accepted);
        });
    }
};

ResettingServer::ResettingServer() : m_impl(std::make_unique<Impl>())
{
    m_impl->accept_next(m_accepted);
    m_impl->thread = std::thread([this] { m_impl->io.run(); });
}

ResettingServer::~ResettingServer()
{
    m_impl->io.stop();
    m_impl->thread.join();
}

std::string ResettingServer::url() const
{
    return "https://127.0.0.1:" + std::to_string(m_impl->acceptor.local_endpoint().port()) + "/bss/v1/";
}

} // namespace testing
