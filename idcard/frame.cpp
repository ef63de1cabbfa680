#include "idcard/frame.h"

#include <algorithm>

namespace idcard {

std::uint8_t xor_checksum(std::span<const std::uint8_t> bytes)
{
    std::uint8_t sum = 0;
    for (const auto b : bytes) {
        sum ^= b;
    }
    return sum;
}

Bytes encode_request(Command command, std::span<const std::uint8_t> data)
{
    const auto code = static_cast<std::uint16_t>(command);
    const std::size_t len = 2 + data.size() + 1; // CMD, PARA, data, CHK
    Bytes frame(std::begin(kPreamble), std::end(kPreamble));
    frame.push_back(static_cast<std::uint8_t>(len >> 8));
    frame.push_back(static_cast<std::uint8_t>(len & 0xFF));
    frame.push_back(static_cast<std::uint8_t>(code >> 8));
    frame.push_back(static_cast<std::uint8_t>(code & 0xFF));
    frame.insert(frame.end(), data.begin(), data.end());
    frame.push_back(xor_checksum(std::span(frame).subspan(5)));
    return frame;
}

std::string_view to_string(FrameError error)
{
    switch (error) {
    case FrameError::incomplete: return "incomplete";
    case FrameError::bad_preamble: return "bad_preamble";
    case FrameError::bad_length: return "bad_length";
    case FrameError::bad_checksum: return "bad_checksum";
    }
    return "unknown";
}

ParseResult parse_response(std::span<const std::uint8_t> bytes)
{
    constexpr std::size_t kHeader = 7; // preamble + LEN
    const std::size_t have_preamble = std::min(bytes.size(), std::size(kPreamble));
    if (!std::equal(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(have_preamble), kPreamble)) {
        return {std::nullopt, FrameError::bad_preamble, 1};
    }
    if (bytes.size() < kHeader) {
        return {std::nullopt, FrameError::incomplete, 0};
    }
    const std::size_t len = (std::size_t{bytes[5]} << 8) | bytes[6];
    if (len < 4 || len > kMaxResponseLength) {
        return {std::nullopt, FrameError::bad_length, kHeader};
    }
    if (bytes.size() < kHeader + len) {
        return {std::nullopt, FrameError::incomplete, 0};
    }
    const auto frame = bytes.first(kHeader + len);
    const std::uint8_t expected = xor_checksum(frame.subspan(5, len + 1));
    if (expected != frame.back()) {
        return {std::nullopt, FrameError::bad_checksum, frame.size()};
    }
    Response response;
    response.sw1 = frame[7];
    response.sw2 = frame[8];
    response.status = frame[9];
    response.data.assign(frame.begin() + 10, frame.end() - 1);
    return {std::move(response), std::nullopt, frame.size()};
}

} // namespace idcard
