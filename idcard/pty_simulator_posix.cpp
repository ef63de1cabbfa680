#include "idcard/pty_simulator.h"

#include <cerrno>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace idcard {

std::unique_ptr<PtySimulator> PtySimulator::start(CardSimulator& reader)
{
    int master = -1;
    int slave = -1;
    char name[256] = {};
    termios raw{};
    cfmakeraw(&raw);
    cfsetspeed(&raw, B115200);
    if (openpty(&master, &slave, name, &raw, nullptr) != 0) {
        return nullptr;
    }
    // The slave stays open here too, so the master never sees a hang-up while the reader side reopens the port.
    return std::unique_ptr<PtySimulator>(new PtySimulator(reader, master, slave, name));
}

PtySimulator::PtySimulator(CardSimulator& reader, int master, int slave, std::string path)
    : m_reader(reader), m_master(master), m_slave(slave), m_path(std::move(path))
{
    m_thread = std::thread([this] { run(); });
}

PtySimulator::~PtySimulator()
{
    unplug();
}

void PtySimulator::unplug()
{
    if (m_stop.exchange(true)) {
        return;
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
    ::close(m_master);
    ::close(m_slave);
}

void PtySimulator::run()
{
    std::uint8_t buf[512];
    while (!m_stop) {
        pollfd pfd{m_master, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 20);
        if (ready <= 0 || (pfd.revents & POLLIN) == 0) {
            continue;
        }
        const ssize_t n = ::read(m_master, buf, sizeof buf);
        if (n <= 0) {
            continue;
        }
        const Bytes answer = m_reader.feed(std::span(buf, static_cast<std::size_t>(n)));
        // Only read answers are this long; a real reader takes about a second to pull them off the chip.
        if (answer.size() > 1000 && m_reader.read_delay.count() > 0) {
            std::this_thread::sleep_for(m_reader.read_delay);
        }
        std::size_t written = 0;
        while (written < answer.size() && !m_stop) {
            const ssize_t w = ::write(m_master, answer.data() + written, answer.size() - written);
            if (w < 0 && errno != EINTR && errno != EAGAIN) {
                break;
            }
            written += w > 0 ? static_cast<std::size_t>(w) : 0;
        }
    }
}

} // namespace idcard
