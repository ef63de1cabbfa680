#pragma once
/// The raw reader protocol over a serial port (RS-232, USB CDC-ACM or a pseudo-terminal) with Boost.Asio:
/// 115200 8N1 by default, time-outs per command, resynchronisation on garbage. On Linux the user needs access to the
/// device: see docs/ID_READER.md for the udev rule.

#include "idcard/reader_port.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/serial_port.hpp>
#include <chrono>
#include <memory>
#include <string>

namespace idcard {

struct SerialOptions
{
    unsigned baud = 115200;                          ///< 115200, 57600, 38400, 19200 or 9600
    std::chrono::milliseconds command_timeout{1000}; ///< status, find, select, SAM id
    std::chrono::milliseconds read_timeout{3000};    ///< reads take about 1.1 s on real readers
};

class SerialReader : public ReaderPort
{
public:
    /// E_READER_BAUD for a rate readers do not accept, E_READER_PORT when the device cannot be opened.
    static ReaderResult<std::unique_ptr<SerialReader>> open(const std::string& device, SerialOptions options = {});

    ReaderResult<Nothing> sam_status() override;
    ReaderResult<std::string> sam_id() override;
    ReaderResult<Nothing> find_card() override;
    ReaderResult<Nothing> select_card() override;
    ReaderResult<RawCard> read_card(bool with_fingerprint) override;
    ReaderResult<std::optional<Bytes>> read_appended_address() override;

    /// One command and its answer. E_READER_TIMEOUT when no complete answer arrives in time, E_READER_UNPLUGGED when
    /// the device goes away, E_READER_FRAME when the answer is corrupt.
    ReaderResult<Response> transact(Command command, std::chrono::milliseconds timeout,
                                    std::span<const std::uint8_t> data = {});

private:
    SerialReader(std::string device, SerialOptions options);

    std::string m_device;
    SerialOptions m_options;
    boost::asio::io_context m_io;
    boost::asio::serial_port m_port;
};

} // namespace idcard
