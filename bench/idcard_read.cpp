/// Time from placing a card on the simulated reader to a verified identity, through the pseudo-terminal, the serial
/// code and the reader service with its production polling interval. The simulator waits as long as a real reader
/// takes to pull the data off the chip, so the figure includes the protocol's waits.
///   idcard_read [ROUNDS] [CHIP_MS]

#include "idcard/card_simulator.h"
#include "idcard/pty_simulator.h"
#include "idcard/reader_service.h"
#include "idcard/serial_reader.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

using namespace std::chrono;

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 10;
    const int chip_ms = argc > 2 ? std::atoi(argv[2]) : 800;
    const auto today = domain::make_date(2026, 11, 23);
    idcard::CardSimulator sim(idcard::sample_deck(today));
    sim.read_delay = milliseconds(chip_ms);
    auto pty = idcard::PtySimulator::start(sim);
    if (!pty) {
        std::fprintf(stderr, "no pseudo-terminal\n");
        return 2;
    }
    std::mutex mutex;
    std::condition_variable cv;
    int reads = 0;
    int connected = 0;
    idcard::ReaderServiceOptions options; // production polling interval
    options.today = [today] { return today; };
    const std::string device = pty->device_path();
    idcard::ReaderService service(
        [device]() -> idcard::ReaderResult<std::unique_ptr<idcard::ReaderPort>> {
            auto opened = idcard::SerialReader::open(device);
            if (auto* e = std::get_if<idcard::ReaderError>(&opened)) {
                return *e;
            }
            return std::unique_ptr<idcard::ReaderPort>(
                std::move(std::get<std::unique_ptr<idcard::SerialReader>>(opened)));
        },
        options,
        [&](const idcard::ReaderEvent& e) {
            std::lock_guard lock(mutex);
            reads += e.kind == idcard::ReaderEventKind::card_read && e.verification && e.verification->identity;
            connected += e.kind == idcard::ReaderEventKind::connected;
            cv.notify_all();
        });
    service.start();
    {
        std::unique_lock lock(mutex);
        cv.wait_for(lock, seconds(5), [&] { return connected > 0; });
    }
    std::vector<double> times;
    for (int i = 0; i < rounds; ++i) {
        const int before = reads;
        const auto start = steady_clock::now();
        sim.place("valid");
        std::unique_lock lock(mutex);
        if (!cv.wait_for(lock, seconds(10), [&] { return reads > before; })) {
            std::fprintf(stderr, "no read within 10 s\n");
            return 1;
        }
        times.push_back(duration<double>(steady_clock::now() - start).count());
        lock.unlock();
        sim.remove();
        std::this_thread::sleep_for(milliseconds(700)); // let the service see the removal
    }
    service.stop();
    std::sort(times.begin(), times.end());
    std::printf("idcard_full_read_max: %.3f s (target <= 1.5 s; %d rounds, %d ms chip read, 300 ms polling)\n",
                times.back(), rounds, chip_ms);
    std::printf("idcard_full_read_median: %.3f s\n", times[times.size() / 2]);
    return 0;
}
