#pragma once
/// The card photo is 1024 bytes of proprietary WLT that only a licensed vendor decoder turns into a picture
/// (shared/reference/id-card-and-identifiers.md §1.4). Decoding is optional: we store the raw WLT and make a BMP for
/// the screen only when the counter has a decoder installed.

#include "idcard/frame.h"
#include "idcard/reader_error.h"

#include <cstddef>
#include <string>

namespace idcard {

inline constexpr std::size_t kWltSize = 1024;
/// 102 × 126 pixels, 24-bit: a 54-byte header and 126 rows of 308 bytes (306 padded to a multiple of 4).
inline constexpr std::size_t kPhotoBmpSize = 38862;
/// The Linux decoder's usual name (Windows ships WltRS.dll, whose interface differs and is not supported here).
inline constexpr const char* kDefaultWltLibrary = "libwlt2bmp.so";

/// The BMP for a WLT photo, made by the decoder library's `int unpack(char* wlt, char* bmp, int)` (C++-mangled as
/// _Z6unpackPcS_i). E_READER_INFO_LENGTH when `wlt` is not 1024 bytes, without touching the library;
/// E_READER_SDK_UNAVAILABLE when the library or its unpack is missing; E_READER_PHOTO_DECODE when unpack fails or
/// does not produce the 38862-byte BMP.
ReaderResult<Bytes> decode_wlt_photo(const Bytes& wlt, const std::string& library);

} // namespace idcard
