#include "idcard/gb18030.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

namespace idcard {
namespace {

// Windows' GB18030 code page; 936 (GBK) would refuse the four-byte sequences of the rarer name characters.
constexpr UINT kGb18030 = 54936;

/// Bytes in `from_code_page` to UTF-16, strictly: MB_ERR_INVALID_CHARS fails on invalid input instead of
/// substituting U+FFFD.
std::optional<std::wstring> to_wide(UINT from_code_page, const char* input, int size)
{
    const int length = ::MultiByteToWideChar(from_code_page, MB_ERR_INVALID_CHARS, input, size, nullptr, 0);
    if (length <= 0) {
        return std::nullopt;
    }
    std::wstring wide(static_cast<std::size_t>(length), L'\0');
    ::MultiByteToWideChar(from_code_page, MB_ERR_INVALID_CHARS, input, size, wide.data(), length);
    return wide;
}

std::optional<std::string> from_wide(UINT to_code_page, const std::wstring& wide)
{
    // WC_ERR_INVALID_CHARS is the only flag these two code pages accept; it fails on unpaired surrogates.
    const int wide_size = static_cast<int>(wide.size());
    const int length =
        ::WideCharToMultiByte(to_code_page, WC_ERR_INVALID_CHARS, wide.data(), wide_size, nullptr, 0, nullptr, nullptr);
    if (length <= 0) {
        return std::nullopt;
    }
    std::string out(static_cast<std::size_t>(length), '\0');
    ::WideCharToMultiByte(to_code_page, WC_ERR_INVALID_CHARS, wide.data(), wide_size, out.data(), length, nullptr,
                          nullptr);
    return out;
}

} // namespace

std::optional<std::string> gb18030_to_utf8(std::span<const std::uint8_t> bytes)
{
    if (bytes.empty()) {
        return std::string();
    }
    const auto wide = to_wide(kGb18030, reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size()));
    return wide ? from_wide(CP_UTF8, *wide) : std::nullopt;
}

std::optional<Bytes> utf8_to_gb18030(std::string_view utf8)
{
    if (utf8.empty()) {
        return Bytes{};
    }
    const auto wide = to_wide(CP_UTF8, utf8.data(), static_cast<int>(utf8.size()));
    const auto converted = wide ? from_wide(kGb18030, *wide) : std::nullopt;
    if (!converted) {
        return std::nullopt;
    }
    return Bytes(converted->begin(), converted->end());
}

} // namespace idcard
