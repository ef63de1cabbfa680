#pragma once
/// GB18030 text, the superset of GBK and GB2312 that the 华视 CVR library's getters write (Chinese Windows' ANSI code
/// page 936 and its Linux build alike). One header for every OS; idcard/CMakeLists.txt picks the source: glibc's
/// iconv (gb18030_posix.cpp) or the Windows code page 54936 (gb18030_win32.cpp). Not Boost.Locale: its charset
/// conversion lives in the compiled boost_locale library, and the project builds against Boost's headers only
/// (scripts/deps.txt); what Boost.Locale would call underneath is exactly these two.

#include "idcard/frame.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace idcard {

/// GB18030 bytes to UTF-8; nothing when the bytes are not GB18030 (a cut-off double-byte character, say), so the
/// caller refuses the field instead of showing mojibake.
std::optional<std::string> gb18030_to_utf8(std::span<const std::uint8_t> bytes);

/// UTF-8 to GB18030 (every Unicode character has one); nothing when the input is not UTF-8. For test doubles of
/// the vendor libraries and for captures.
std::optional<Bytes> utf8_to_gb18030(std::string_view utf8);

} // namespace idcard
