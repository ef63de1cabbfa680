#pragma once
/// SAM_V frames: preamble AA AA AA 96 69, a big-endian length counting from the command (or SW1) through the
/// checksum, and a checksum that XORs every byte from the length to the byte before it. The same frames travel over
/// serial and USB. See shared/reference/id-card-and-identifiers.md §1.1-1.3.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace idcard {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint8_t kPreamble[5] = {0xAA, 0xAA, 0xAA, 0x96, 0x69};

enum class Command : std::uint16_t
{
    reset_sam = 0x10FF,
    sam_status = 0x11FF,
    sam_id = 0x12FF,
    find_card = 0x2001,
    select_card = 0x2002,
    read_text_photo = 0x3001,
    read_appended_address = 0x3003,
    read_card_mid = 0x3005,
    read_text_photo_fingerprint = 0x3010,
    set_max_rf_byte = 0x61FF,
};

/// The request frame for a command, with optional data bytes (set_max_rf_byte takes one).
Bytes encode_request(Command command, std::span<const std::uint8_t> data = {});

/// XOR of `bytes`: the frame checksum when given the bytes from LEN through the byte before CHK.
std::uint8_t xor_checksum(std::span<const std::uint8_t> bytes);

/// Why bytes from the reader are not a usable response frame.
enum class FrameError
{
    incomplete,   ///< fewer bytes than the length announces: keep reading
    bad_preamble, ///< not AA AA AA 96 69: resynchronise
    bad_length,   ///< length below the minimum of 4 or above the largest response
    bad_checksum,
};

std::string_view to_string(FrameError error);

struct Response
{
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t status = 0; ///< SW3 (§1.3): 0x90 success, 0x9F card found, 0x80 no card, …
    Bytes data;
};

/// The largest LEN a reader sends (read with a 1024-byte fingerprint: 0x090A).
inline constexpr std::size_t kMaxResponseLength = 0x090A;

/// Parses one response from the start of `bytes`; `consumed` tells how many bytes it used.
struct ParseResult
{
    std::optional<Response> response;
    std::optional<FrameError> error;
    std::size_t consumed = 0;
};
ParseResult parse_response(std::span<const std::uint8_t> bytes);

/// A request as the reader sees it (the simulator's side of the protocol).
struct Request
{
    std::uint8_t command = 0;
    std::uint8_t para = 0;
    Bytes data;
};

struct ParseRequestResult
{
    std::optional<Request> request;
    std::optional<FrameError> error;
    std::size_t consumed = 0;
};
ParseRequestResult parse_request(std::span<const std::uint8_t> bytes);

/// A response frame: SW1 = SW2 = 0, SW3 = `status`, then `data`.
Bytes encode_response(std::uint8_t status, std::span<const std::uint8_t> data = {});

} // namespace idcard
