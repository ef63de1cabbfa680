#include "idcard/card_simulator.h"
#include "idcard/pty_simulator.h"
#include "idcard/reader_service.h"
#include "idcard/serial_reader.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>

using namespace idcard;
using namespace std::chrono_literals;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

/// Collects the service's events (from its worker thread) for the test thread to wait on.
class EventQueue
{
public:
    void push(const ReaderEvent& e)
    {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(e);
        }
        m_cv.notify_all();
    }
    /// The next event, or fails the test after `timeout`.
    ReaderEvent next(std::chrono::milliseconds timeout = 5s)
    {
        std::unique_lock lock(m_mutex);
        if (!m_cv.wait_for(lock, timeout, [&] { return !m_events.empty(); })) {
            FAIL("no reader event within " << timeout.count() << " ms");
        }
        ReaderEvent e = m_events.front();
        m_events.pop_front();
        return e;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<ReaderEvent> m_events;
};

} // namespace

TEST_CASE("the reader service reports placement, the verified read, removal and unplugging", "[idcard][service]")
{
    CardSimulator sim(sample_deck(kToday));
    auto pty = PtySimulator::start(sim);
    REQUIRE(pty);
    const std::string device = pty->device_path();
    EventQueue events;
    ReaderServiceOptions options;
    options.poll_interval = 20ms;
    options.reconnect_interval = 50ms;
    options.reader_id = device;
    options.today = [] { return kToday; };
    ReaderService service(
        [device]() -> ReaderResult<std::unique_ptr<ReaderPort>> {
            auto opened = SerialReader::open(device);
            if (auto* e = std::get_if<ReaderError>(&opened)) {
                return *e;
            }
            return std::unique_ptr<ReaderPort>(std::move(std::get<std::unique_ptr<SerialReader>>(opened)));
        },
        options, [&](const ReaderEvent& e) { events.push(e); });
    service.start();

    auto e = events.next();
    REQUIRE(e.kind == ReaderEventKind::connected);
    CHECK(e.sam_id == "05.01-20101012-0000123456-0000012345");

    sim.place("valid");
    CHECK(events.next().kind == ReaderEventKind::card_placed);
    e = events.next();
    REQUIRE(e.kind == ReaderEventKind::card_read);
    REQUIRE(e.verification->identity);
    CHECK(e.verification->identity->card.name == "张伟");
    CHECK(e.verification->identity->appended_address == "北京市海淀区中关村大街1号");
    CHECK(e.verification->identity->reader_id == device);

    // The card stays on the reader: no second read until it leaves the field.
    std::this_thread::sleep_for(150ms);
    sim.remove();
    CHECK(events.next().kind == ReaderEventKind::card_removed);

    sim.place("expired");
    CHECK(events.next().kind == ReaderEventKind::card_placed);
    e = events.next();
    REQUIRE(e.kind == ReaderEventKind::card_read);
    CHECK_FALSE(e.verification->identity);
    CHECK(e.verification->problems.at(0).code == domain::Errc::card_expired);
    sim.remove();
    CHECK(events.next().kind == ReaderEventKind::card_removed);

    sim.place("damaged");
    CHECK(events.next().kind == ReaderEventKind::card_placed);
    e = events.next();
    REQUIRE(e.kind == ReaderEventKind::error);
    CHECK(e.error->code == "E_READER_FRAME");

    pty->unplug();
    e = events.next();
    REQUIRE(e.kind == ReaderEventKind::unplugged);
    service.stop();
}
