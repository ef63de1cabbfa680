#pragma once
/// The simulated reader behind a real pseudo-terminal: the serial transport opens device_path() exactly as it would
/// open /dev/ttyUSB0, so every byte crosses a real tty. Used by the tests and by training mode. POSIX only (openpty);
/// a Windows training mode would use a virtual COM pair instead.

#include "idcard/card_simulator.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace idcard {

class PtySimulator
{
public:
    /// Opens a pseudo-terminal and starts answering on it; nothing if the system has no ptys left.
    static std::unique_ptr<PtySimulator> start(CardSimulator& reader);
    ~PtySimulator();
    PtySimulator(const PtySimulator&) = delete;
    PtySimulator& operator=(const PtySimulator&) = delete;

    /// The slave side, e.g. /dev/pts/3.
    [[nodiscard]] const std::string& device_path() const { return m_path; }

    /// Pulls the cable: closes the terminal, so the reader side sees an I/O error on its next read or write.
    void unplug();

private:
    PtySimulator(CardSimulator& reader, int master, int slave, std::string path);
    void run();

    CardSimulator& m_reader;
    int m_master;
    int m_slave;
    std::string m_path;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace idcard
