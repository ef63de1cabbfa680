// A stand-in for libwlt2bmp.so: exports the same C++-mangled `int unpack(char*, char*, int)` (_Z6unpackPcS_i with
// g++) and writes a 102 × 126 24-bit BMP whose pixels are a fixed function of the WLT bytes, so tests can check
// them. A first WLT byte of EE makes it fail (returns 0); BB makes it "succeed" without a BMP signature.

#include <cstdint>
#include <cstring>

#if defined(_WIN32)
#define FAKE_EXPORT __declspec(dllexport)
#else
#define FAKE_EXPORT __attribute__((visibility("default")))
#endif

namespace {

void put32(char* out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i) {
        out[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    }
}

void put16(char* out, std::uint16_t value)
{
    out[0] = static_cast<char>(value & 0xFF);
    out[1] = static_cast<char>(value >> 8);
}

} // namespace

FAKE_EXPORT int unpack(char* wlt, char* bmp, int argument)
{
    // The real decoder wants 708; anything else is the caller's mistake, and the fake says so.
    if (argument != 708) {
        return -1;
    }
    const auto first = static_cast<unsigned char>(wlt[0]);
    if (first == 0xEE) {
        return 0;
    }
    constexpr std::uint32_t kPixelBytes = 308 * 126;
    std::memset(bmp, 0, 54);
    bmp[0] = first == 0xBB ? 'X' : 'B';
    bmp[1] = 'M';
    put32(bmp + 2, 54 + kPixelBytes);
    put32(bmp + 10, 54);
    put32(bmp + 14, 40);
    put32(bmp + 18, 102);
    put32(bmp + 22, 126);
    put16(bmp + 26, 1);
    put16(bmp + 28, 24);
    put32(bmp + 34, kPixelBytes);
    for (std::uint32_t i = 0; i < kPixelBytes; ++i) {
        bmp[54 + i] = static_cast<char>(static_cast<unsigned char>(wlt[i % 1024]) ^ (i & 0xFF));
    }
    return 1;
}
