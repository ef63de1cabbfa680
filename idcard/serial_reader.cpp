#include "idcard/serial_reader.h"

#include "idcard/sam_id.h"

#include <array>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/system/error_code.hpp>
#ifndef _WIN32
#include <termios.h>
#endif

namespace idcard {
namespace {

constexpr std::array<unsigned, 5> kBauds{115200, 57600, 38400, 19200, 9600};

ReaderError unplugged(const boost::system::error_code& ec)
{
    return ReaderError{"E_READER_UNPLUGGED", 0, ec.message()};
}

/// The answer when it carries the expected status; otherwise the transport's error or the status's own.
ReaderResult<Response> expect(ReaderResult<Response> r, std::uint8_t ok)
{
    if (const auto* response = std::get_if<Response>(&r); response && response->status != ok) {
        return status_error(response->status);
    }
    return r;
}

/// For commands whose answer carries nothing but its status.
ReaderResult<Nothing> status_only(const ReaderResult<Response>& r)
{
    if (const auto* e = std::get_if<ReaderError>(&r)) {
        return *e;
    }
    return Nothing{};
}

} // namespace

SerialReader::SerialReader(std::string device, SerialOptions options)
    : m_device(std::move(device)), m_options(options), m_port(m_io)
{
}

ReaderResult<std::unique_ptr<SerialReader>> SerialReader::open(const std::string& device, SerialOptions options)
{
    if (std::find(kBauds.begin(), kBauds.end(), options.baud) == kBauds.end()) {
        return ReaderError{"E_READER_BAUD", 0x21, std::to_string(options.baud)};
    }
    std::unique_ptr<SerialReader> reader(new SerialReader(device, options));
    boost::system::error_code ec;
    reader->m_port.open(device, ec);
    if (ec) {
        return ReaderError{"E_READER_PORT", 0x01, device + ": " + ec.message()};
    }
    using boost::asio::serial_port_base;
    reader->m_port.set_option(serial_port_base::baud_rate(options.baud), ec);
    reader->m_port.set_option(serial_port_base::character_size(8), ec);
    reader->m_port.set_option(serial_port_base::parity(serial_port_base::parity::none), ec);
    reader->m_port.set_option(serial_port_base::stop_bits(serial_port_base::stop_bits::one), ec);
    reader->m_port.set_option(serial_port_base::flow_control(serial_port_base::flow_control::none), ec);
    if (ec) {
        return ReaderError{"E_READER_PORT", 0x01, device + ": " + ec.message()};
    }
    return reader;
}

ReaderResult<Response> SerialReader::transact(Command command, std::chrono::milliseconds timeout,
                                              std::span<const std::uint8_t> data)
{
#ifndef _WIN32
    // Whatever a previous, timed-out answer left behind would be taken for this command's answer.
    ::tcflush(m_port.native_handle(), TCIFLUSH);
#endif
    boost::system::error_code ec;
    const Bytes request = encode_request(command, data);
    boost::asio::write(m_port, boost::asio::buffer(request), ec);
    if (ec) {
        return unplugged(ec);
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Bytes received;
    std::array<std::uint8_t, 2048> chunk{};
    for (;;) {
        while (!received.empty()) {
            const auto parsed = parse_response(received);
            if (parsed.response) {
                return *parsed.response;
            }
            if (parsed.error == FrameError::incomplete) {
                break;
            }
            if (parsed.error == FrameError::bad_checksum) {
                return ReaderError{"E_READER_FRAME", 0, "answer with a bad checksum"};
            }
            received.erase(received.begin(), received.begin() + static_cast<std::ptrdiff_t>(parsed.consumed));
        }
        const auto remaining = deadline - std::chrono::steady_clock::now();
        if (remaining <= std::chrono::steady_clock::duration::zero()) {
            return ReaderError{"E_READER_TIMEOUT", 0x02,
                               "no complete answer to command " + std::to_string(static_cast<unsigned>(command))};
        }
        std::size_t got = 0;
        boost::system::error_code read_ec;
        bool done = false;
        m_port.async_read_some(boost::asio::buffer(chunk), [&](const boost::system::error_code& e, std::size_t n) {
            read_ec = e;
            got = n;
            done = true;
        });
        m_io.restart();
        m_io.run_for(remaining);
        if (!done) {
            m_port.cancel(ec);
            m_io.restart();
            m_io.run(); // lets the cancelled read complete before its buffer goes away
            continue;
        }
        if (read_ec) {
            return unplugged(read_ec);
        }
        received.insert(received.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(got));
    }
}

ReaderResult<Nothing> SerialReader::sam_status()
{
    return status_only(expect(transact(Command::sam_status, m_options.command_timeout), 0x90));
}

ReaderResult<std::string> SerialReader::sam_id()
{
    auto r = expect(transact(Command::sam_id, m_options.command_timeout), 0x90);
    if (const auto* e = std::get_if<ReaderError>(&r)) {
        return *e;
    }
    const auto& data = std::get<Response>(r).data;
    const auto text = format_sam_id(data);
    if (!text) {
        return status_error(0x3F, "SAM id of " + std::to_string(data.size()) + " bytes");
    }
    return *text;
}

ReaderResult<Nothing> SerialReader::find_card()
{
    return status_only(expect(transact(Command::find_card, m_options.command_timeout), 0x9F));
}

ReaderResult<Nothing> SerialReader::select_card()
{
    return status_only(expect(transact(Command::select_card, m_options.command_timeout), 0x90));
}

ReaderResult<RawCard> SerialReader::read_card(bool with_fingerprint)
{
    const auto command = with_fingerprint ? Command::read_text_photo_fingerprint : Command::read_text_photo;
    auto r = expect(transact(command, m_options.read_timeout), 0x90);
    if (const auto* e = std::get_if<ReaderError>(&r)) {
        return *e;
    }
    return split_read_response(std::get<Response>(r).data, with_fingerprint);
}

ReaderResult<std::optional<Bytes>> SerialReader::read_appended_address()
{
    auto r = transact(Command::read_appended_address, m_options.command_timeout);
    if (const auto* response = std::get_if<Response>(&r); response && response->status == 0x91) {
        return std::optional<Bytes>{}; // the card has no appended address
    }
    r = expect(std::move(r), 0x90);
    if (const auto* e = std::get_if<ReaderError>(&r)) {
        return *e;
    }
    return std::optional<Bytes>(std::move(std::get<Response>(r).data));
}

} // namespace idcard
