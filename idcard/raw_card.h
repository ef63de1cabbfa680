#pragma once
/// The three blocks a read returns: the 256-byte text block, the 1024-byte WLT photo and, on cards that hold one,
/// up to 1024 bytes of fingerprint. Split out of the read response (30 01 or 30 10) by length words, never by
/// assumed offsets, so a malformed response is refused instead of read past its end.

#include "idcard/frame.h"
#include "idcard/reader_error.h"

namespace idcard {

inline constexpr std::size_t kTextBlockSize = 256;

struct RawCard
{
    Bytes text;        ///< UCS-2LE, kTextBlockSize bytes
    Bytes photo;       ///< WLT, usually 1024 bytes; decoded only by a vendor library
    Bytes fingerprint; ///< empty when the card holds none or it was not asked for
    /// The photo already decoded (102 x 126 BMP), for transports whose library hands out only that (the 华视 CVR
    /// getters); `photo` is then empty. Empty for the raw protocol and the sdtapi family, which give the WLT.
    Bytes photo_bmp{};
};

/// Splits the data of a successful read response. `with_fingerprint` is true for command 30 10, whose data has a
/// third length word. E_READER_INFO_LENGTH when the lengths do not add up to the data.
ReaderResult<RawCard> split_read_response(const Bytes& data, bool with_fingerprint);

/// The data part of a read response for these blocks (what a reader sends after SW1-SW3): the inverse of
/// split_read_response, used by the simulator.
Bytes join_read_response(const RawCard& card, bool with_fingerprint);

} // namespace idcard
