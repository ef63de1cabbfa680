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
    case FrameError::incomplete:
        return "incomplete";
    case FrameError::bad_preamble:
        return "bad_preamble";
    case FrameError::bad_length:
        return "bad_length";
    case FrameError::bad_checksum:
        return "bad_checksum";
    }
    return "unknown";
}

namespace {

/// The frame at the start of `bytes`: the payload between LEN and CHK, or why there is none yet.
struct Split
{
    std::span<const std::uint8_t> payload;
    std::optional<FrameError> error;
    std::size_t consumed = 0;
};

Split split_frame(std::span<const std::uint8_t> bytes, std::size_t min_len, std::size_t max_len)
{
    constexpr std::size_t kHeader = 7; // preamble + LEN
    const std::size_t have_preamble = std::min(bytes.size(), std::size(kPreamble));
    if (!std::equal(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(have_preamble), kPreamble)) {
        return {{}, FrameError::bad_preamble, 1};
    }
    if (bytes.size() < kHeader) {
        return {{}, FrameError::incomplete, 0};
    }
    const std::size_t len = (std::size_t{bytes[5]} << 8) | bytes[6];
    if (len < min_len || len > max_len) {
        return {{}, FrameError::bad_length, kHeader};
    }
    if (bytes.size() < kHeader + len) {
        return {{}, FrameError::incomplete, 0};
    }
    const auto frame = bytes.first(kHeader + len);
    if (xor_checksum(frame.subspan(5, len + 1)) != frame.back()) {
        return {{}, FrameError::bad_checksum, frame.size()};
    }
    return {frame.subspan(kHeader, len - 1), std::nullopt, frame.size()};
}

} // namespace

ParseResult parse_response(std::span<const std::uint8_t> bytes)
{
    const Split split = split_frame(bytes, 4, kMaxResponseLength);
    if (split.error) {
        return {std::nullopt, split.error, split.consumed};
    }
    Response response;
    response.sw1 = split.payload[0];
    response.sw2 = split.payload[1];
    response.status = split.payload[2];
    response.data.assign(split.payload.begin() + 3, split.payload.end());
    return {std::move(response), std::nullopt, split.consumed};
}

ParseRequestResult parse_request(std::span<const std::uint8_t> bytes)
{
    // Requests are short: CMD, PARA, at most a few data bytes.
    const Split split = split_frame(bytes, 3, 64);
    if (split.error) {
        return {std::nullopt, split.error, split.consumed};
    }
    Request request;
    request.command = split.payload[0];
    request.para = split.payload[1];
    request.data.assign(split.payload.begin() + 2, split.payload.end());
    return {std::move(request), std::nullopt, split.consumed};
}

Bytes encode_response(std::uint8_t status, std::span<const std::uint8_t> data)
{
    const std::size_t len = 3 + data.size() + 1; // SW1-SW3, data, CHK
    Bytes frame(std::begin(kPreamble), std::end(kPreamble));
    frame.push_back(static_cast<std::uint8_t>(len >> 8));
    frame.push_back(static_cast<std::uint8_t>(len & 0xFF));
    frame.push_back(0x00);
    frame.push_back(0x00);
    frame.push_back(status);
    frame.insert(frame.end(), data.begin(), data.end());
    frame.push_back(xor_checksum(std::span(frame).subspan(5)));
    return frame;
}

} // namespace idcard
