#pragma once
/// A back office that answers late: a TCP relay on loopback in front of the real one that holds every byte the back
/// office sends for `delay` before passing it on (TLS runs end to end through it, so the client still verifies the
/// real server). Each connection has a reader that stamps what arrives and a writer that sends it when its time has
/// come, so an answer in several chunks is late by `delay` once, not once per chunk. Test support only.

#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pages_testing {

class SlowLink
{
public:
    SlowLink(std::uint16_t target_port, std::chrono::milliseconds delay)
        : m_target(boost::asio::ip::make_address("127.0.0.1"), target_port), m_delay(delay),
          m_acceptor(m_io, {boost::asio::ip::make_address("127.0.0.1"), 0})
    {
        m_thread = std::thread([this] { accept_loop(); });
    }
    ~SlowLink()
    {
        m_stopping = true;
        // A blocked accept() is not woken by closing its socket: a last connection wakes it.
        boost::system::error_code ignored;
        Socket wake(m_io);
        wake.connect({boost::asio::ip::make_address("127.0.0.1"), port()}, ignored);
        m_thread.join();
        for (auto& pipe : m_pipes) {
            pipe->stop();
        }
    }
    SlowLink(const SlowLink&) = delete;
    SlowLink& operator=(const SlowLink&) = delete;

    [[nodiscard]] std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(port()) + "/bss/v1/"; }

private:
    using Socket = boost::asio::ip::tcp::socket;

    /// One direction of one connection: bytes read from `from` are written to `to` after `delay`.
    class Direction
    {
    public:
        Direction(std::shared_ptr<Socket> from, std::shared_ptr<Socket> to, std::chrono::milliseconds delay)
            : m_from(std::move(from)), m_to(std::move(to)), m_delay(delay)
        {
            m_reader = std::thread([this] { read_loop(); });
            m_writer = std::thread([this] { write_loop(); });
        }
        ~Direction()
        {
            m_reader.join();
            m_writer.join();
        }
        Direction(const Direction&) = delete;
        Direction& operator=(const Direction&) = delete;

    private:
        struct Chunk
        {
            std::chrono::steady_clock::time_point due;
            std::vector<char> bytes; ///< empty: the reading side closed
        };

        void read_loop()
        {
            std::vector<char> buffer(16384);
            for (;;) {
                boost::system::error_code error;
                const auto n = m_from->read_some(boost::asio::buffer(buffer), error);
                Chunk chunk{std::chrono::steady_clock::now() + m_delay, {}};
                if (!error && n > 0) {
                    chunk.bytes.assign(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n));
                }
                const bool last = chunk.bytes.empty();
                {
                    const std::lock_guard lock(m_mutex);
                    m_chunks.push_back(std::move(chunk));
                }
                m_ready.notify_one();
                if (last) {
                    return;
                }
            }
        }

        void write_loop()
        {
            for (;;) {
                Chunk chunk;
                {
                    std::unique_lock lock(m_mutex);
                    m_ready.wait(lock, [this] { return !m_chunks.empty(); });
                    chunk = std::move(m_chunks.front());
                    m_chunks.pop_front();
                }
                boost::system::error_code error;
                if (chunk.bytes.empty()) {
                    m_to->shutdown(Socket::shutdown_send, error);
                    return;
                }
                std::this_thread::sleep_until(chunk.due);
                boost::asio::write(*m_to, boost::asio::buffer(chunk.bytes), error);
                if (error) {
                    m_from->shutdown(Socket::shutdown_both, error);
                }
            }
        }

        std::shared_ptr<Socket> m_from;
        std::shared_ptr<Socket> m_to;
        std::chrono::milliseconds m_delay;
        std::mutex m_mutex;
        std::condition_variable m_ready;
        std::deque<Chunk> m_chunks;
        std::thread m_reader;
        std::thread m_writer;
    };

    /// A client connection and its back-office connection: requests pass at once, answers late.
    struct Pipe
    {
        std::shared_ptr<Socket> client;
        std::shared_ptr<Socket> server;
        std::unique_ptr<Direction> up;
        std::unique_ptr<Direction> down;

        void stop()
        {
            boost::system::error_code ignored;
            client->shutdown(Socket::shutdown_both, ignored);
            server->shutdown(Socket::shutdown_both, ignored);
            up.reset();
            down.reset();
        }
    };

    void accept_loop()
    {
        while (!m_stopping) {
            auto client = std::make_shared<Socket>(m_io);
            boost::system::error_code error;
            m_acceptor.accept(*client, error);
            if (error || m_stopping) {
                return;
            }
            auto server = std::make_shared<Socket>(m_io);
            server->connect(m_target, error);
            if (error) {
                continue;
            }
            auto pipe = std::make_unique<Pipe>();
            pipe->client = client;
            pipe->server = server;
            pipe->up = std::make_unique<Direction>(client, server, std::chrono::milliseconds{0});
            pipe->down = std::make_unique<Direction>(server, client, m_delay);
            m_pipes.push_back(std::move(pipe));
        }
    }

    boost::asio::io_context m_io;
    boost::asio::ip::tcp::endpoint m_target;
    std::chrono::milliseconds m_delay;
    boost::asio::ip::tcp::acceptor m_acceptor;
    std::atomic<bool> m_stopping{false};
    std::list<std::unique_ptr<Pipe>> m_pipes; ///< touched by the accept thread, then by the destructor after join
    std::thread m_thread;
};

} // namespace pages_testing
