#include "idcard/gb18030.h"

#include <cstdint>
#include <iconv.h>

namespace idcard {
namespace {

/// One conversion through iconv, all at once. Strict: no //TRANSLIT or //IGNORE, an invalid or incomplete
/// sequence fails the whole conversion.
std::optional<std::string> convert(const char* to, const char* from, const char* input, std::size_t size)
{
    iconv_t cd = ::iconv_open(to, from);
    // iconv_open's failure value is (iconv_t)-1 by POSIX; there is no other way to spell it.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        return std::nullopt;
    }
    std::string out;
    // GB18030 to UTF-8 grows by at most 3/2 per character, the other way by at most 4/3; 2 covers both, plus room
    // for the one call that resets the shift state.
    out.resize(size * 2 + 16);
    char* in = const_cast<char*>(input); // iconv's POSIX signature; the input is not written to
    std::size_t in_left = size;
    char* at = out.data();
    std::size_t out_left = out.size();
    bool ok = ::iconv(cd, &in, &in_left, &at, &out_left) != static_cast<std::size_t>(-1) && in_left == 0 &&
              ::iconv(cd, nullptr, nullptr, &at, &out_left) != static_cast<std::size_t>(-1);
    ::iconv_close(cd);
    if (!ok) {
        return std::nullopt;
    }
    out.resize(out.size() - out_left);
    return out;
}

} // namespace

std::optional<std::string> gb18030_to_utf8(std::span<const std::uint8_t> bytes)
{
    if (bytes.empty()) {
        return std::string();
    }
    return convert("UTF-8", "GB18030", reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::optional<Bytes> utf8_to_gb18030(std::string_view utf8)
{
    if (utf8.empty()) {
        return Bytes{};
    }
    auto converted = convert("GB18030", "UTF-8", utf8.data(), utf8.size());
    if (!converted) {
        return std::nullopt;
    }
    return Bytes(converted->begin(), converted->end());
}

} // namespace idcard
