#include "idcard/reader_service.h"

#include "idcard/card_read.h"

namespace idcard {
namespace {

/// Errors that mean the reader itself is gone or not answering, as opposed to trouble with one card.
bool is_transport_error(const ReaderError& e)
{
    return e.code == "E_READER_UNPLUGGED" || e.code == "E_READER_TIMEOUT" || e.code == "E_READER_PORT";
}

} // namespace

ReaderService::ReaderService(Connector connect, ReaderServiceOptions options, Listener listener)
    : m_connect(std::move(connect)), m_options(std::move(options)), m_listener(std::move(listener))
{
}

ReaderService::~ReaderService()
{
    stop();
}

void ReaderService::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) {
        return;
    }
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void ReaderService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool ReaderService::wait(std::chrono::milliseconds interval)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, interval, [this] { return m_stop; });
}

void ReaderService::run()
{
    while (wait(std::chrono::milliseconds{0})) {
        if (!m_port) {
            auto connected = m_connect();
            if (auto* e = std::get_if<ReaderError>(&connected)) {
                if (!m_unplugged_reported) {
                    m_unplugged_reported = true;
                    m_listener({ReaderEventKind::unplugged, std::nullopt, *e, {}});
                }
                wait(m_options.reconnect_interval);
                continue;
            }
            m_port = std::move(std::get<std::unique_ptr<ReaderPort>>(connected));
            if (auto status = m_port->sam_status(); auto* e = std::get_if<ReaderError>(&status)) {
                drop_port(*e);
                wait(m_options.reconnect_interval);
                continue;
            }
            auto sam = m_port->sam_id();
            m_sam_id = std::holds_alternative<std::string>(sam) ? std::get<std::string>(sam) : std::string();
            m_unplugged_reported = false;
            m_card_present = false;
            m_listener({ReaderEventKind::connected, std::nullopt, std::nullopt, m_sam_id});
        }
        poll_once();
        wait(m_options.poll_interval);
    }
}

void ReaderService::poll_once()
{
    auto found = m_port->find_card();
    if (auto* e = std::get_if<ReaderError>(&found)) {
        if (e->code == "E_READER_NO_CARD") {
            if (m_card_present) {
                m_card_present = false;
                m_listener({ReaderEventKind::card_removed, std::nullopt, std::nullopt, {}});
            }
        } else {
            fail(*e);
        }
        return;
    }
    if (!m_card_present) {
        m_card_present = true; // from here on, this placement is done with until the card leaves the field
        m_listener({ReaderEventKind::card_placed, std::nullopt, std::nullopt, {}});
        read_placed_card();
    }
}

void ReaderService::read_placed_card()
{
    auto result = read_and_verify(*m_port, m_options.read_fingerprint,
                                  {m_options.today(), m_options.policy, m_sam_id, m_options.reader_id});
    if (auto* e = std::get_if<ReaderError>(&result)) {
        return fail(*e);
    }
    m_listener({ReaderEventKind::card_read, std::move(std::get<Verification>(result)), std::nullopt, {}});
}

void ReaderService::fail(const ReaderError& error)
{
    if (is_transport_error(error)) {
        drop_port(error);
    } else {
        m_listener({ReaderEventKind::error, std::nullopt, error, {}});
    }
}

void ReaderService::drop_port(const ReaderError& error)
{
    m_port.reset();
    m_card_present = false;
    m_unplugged_reported = true;
    m_listener({ReaderEventKind::unplugged, std::nullopt, error, {}});
}

} // namespace idcard
