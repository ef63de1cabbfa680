#pragma once
/// The reader as the workstation sees it: a worker thread that polls (status, find, select, read), verifies what
/// it reads, and reports card placed / read / removed, reader connected / unplugged, and errors. A card must leave
/// the field before it is read again, so one placement is one read. Callers are never blocked: the listener is
/// called on the worker thread and the UI hands events to its own thread (CallAfter).

#include "idcard/reader_port.h"
#include "idcard/verification.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace idcard {

enum class ReaderEventKind
{
    connected,
    card_placed,
    card_read,
    card_removed,
    unplugged,
    error
};

struct ReaderEvent
{
    ReaderEventKind kind = ReaderEventKind::error;
    std::optional<Verification> verification; ///< card_read
    std::optional<ReaderError> error;         ///< unplugged, error
    std::string sam_id;                       ///< connected
};

struct ReaderServiceOptions
{
    std::chrono::milliseconds poll_interval{300};
    std::chrono::milliseconds reconnect_interval{1000};
    bool read_fingerprint = false;
    std::string reader_id;               ///< for the audit: the port or SDK name
    std::function<domain::Date()> today; ///< required: the local date (tests pass a fixed one)
    domain::RealNamePolicy policy;
};

class ReaderService
{
public:
    using Connector = std::function<ReaderResult<std::unique_ptr<ReaderPort>>()>;
    using Listener = std::function<void(const ReaderEvent&)>;

    ReaderService(Connector connect, ReaderServiceOptions options, Listener listener);
    ~ReaderService();
    ReaderService(const ReaderService&) = delete;
    ReaderService& operator=(const ReaderService&) = delete;

    void start();
    /// Stops polling and joins the worker; at most one command's time-out.
    void stop();

private:
    void run();
    void poll_once();
    void read_placed_card();
    /// A lost reader is dropped and reconnected; anything else is reported as an error with this card.
    void fail(const ReaderError& error);
    void drop_port(const ReaderError& error);
    bool wait(std::chrono::milliseconds interval);

    Connector m_connect;
    ReaderServiceOptions m_options;
    Listener m_listener;
    std::unique_ptr<ReaderPort> m_port;
    std::string m_sam_id;
    bool m_unplugged_reported = false;
    bool m_card_present = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace idcard
