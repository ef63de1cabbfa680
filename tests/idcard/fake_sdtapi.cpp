// A stand-in for a vendor's sdtapi library, built as a shared library so VendorSdkReader loads it exactly as it loads
// the real one. Every SDT_* function answers with the value the test set for it (fake_sdtapi_set), writes
// deterministic blocks and counts its calls (fake_sdtapi_get). Built twice: fake_sdtapi_nofp defines
// FAKE_SDTAPI_NO_FINGERPRINT and lacks SDT_ReadBaseFPMsg, like the libraries that cannot read fingerprints.

#include "idcard/vendor_sdk_reader.h" // IDCARD_SDT_CALL

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#if defined(_WIN32)
#define FAKE_EXPORT extern "C" __declspec(dllexport)
#else
#define FAKE_EXPORT extern "C" __attribute__((visibility("default")))
#endif

namespace {

// Return values by function name, block lengths, and what the calls recorded: "calls SDT_OpenPort", "port" and
// "if_open" (the last iIfOpen argument; SDT_OpenPort and SDT_ClosePort have none).
std::map<std::string, int>& state()
{
    static std::map<std::string, int> values;
    return values;
}

void defaults()
{
    state() = {
        {"SDT_OpenPort", 0x90},      {"SDT_ClosePort", 0x90},       {"SDT_GetSAMStatus", 0x90},
        {"SDT_GetSAMIDToStr", 0x90}, {"SDT_StartFindIDCard", 0x9F}, {"SDT_SelectIDCard", 0x90},
        {"SDT_ReadBaseMsg", 0x90},   {"SDT_ReadBaseFPMsg", 0x90},   {"SDT_ReadNewAppMsg", 0x90},
        {"text_length", 256},        {"photo_length", 1024},        {"fingerprint_length", 1024},
        {"address_length", 70},
    };
}

int answer(const char* function, int port, int if_open)
{
    if (state().empty()) {
        defaults();
    }
    ++state()[std::string("calls ") + function];
    state()["port"] = port;
    if (if_open >= 0) {
        state()["if_open"] = if_open;
    }
    return state()[function];
}

bool ok(int result)
{
    return result == 0x90 || result == 0x9F;
}

/// Writes `text` as UCS-2LE padded with spaces (20 00), like every text field on the card.
void put_ucs2(unsigned char* out, std::size_t size, const char* text)
{
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        const std::size_t at = i / 2;
        out[i] = at < std::strlen(text) ? static_cast<unsigned char>(text[at]) : 0x20;
        out[i + 1] = 0x00;
    }
}

/// Writes min(length, size) bytes and reports `length`: lengths the reader must refuse never overrun its buffers.
unsigned int put_block(const char* length_key, std::size_t size, unsigned char* out, unsigned int* out_length,
                       unsigned char (*byte_at)(std::size_t))
{
    const int length = state()[length_key];
    const std::size_t written = std::min(static_cast<std::size_t>(std::max(length, 0)), size);
    for (std::size_t i = 0; i < written; ++i) {
        out[i] = byte_at(i);
    }
    *out_length = static_cast<unsigned int>(length);
    return *out_length;
}

void read_text_and_photo(unsigned char* text, unsigned int* text_length, unsigned char* photo,
                         unsigned int* photo_length)
{
    unsigned char block[256];
    put_ucs2(block, sizeof block, "FAKE CARD");
    const int length = state()["text_length"];
    std::memcpy(text, block, std::min<std::size_t>(static_cast<std::size_t>(std::max(length, 0)), sizeof block));
    *text_length = static_cast<unsigned int>(length);
    put_block("photo_length", 1024, photo, photo_length,
              [](std::size_t i) { return static_cast<unsigned char>((i * 7 + 3) & 0xFF); });
}

} // namespace

FAKE_EXPORT void fake_sdtapi_reset()
{
    defaults();
}

FAKE_EXPORT void fake_sdtapi_set(const char* key, int value)
{
    if (state().empty()) {
        defaults();
    }
    state()[key] = value;
}

FAKE_EXPORT int fake_sdtapi_get(const char* key)
{
    const auto found = state().find(key);
    return found == state().end() ? 0 : found->second;
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_OpenPort(int port)
{
    return answer("SDT_OpenPort", port, -1);
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_ClosePort(int port)
{
    return answer("SDT_ClosePort", port, -1);
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_GetSAMStatus(int port, int if_open)
{
    return answer("SDT_GetSAMStatus", port, if_open);
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_GetSAMIDToStr(int port, char* sam_id, int if_open)
{
    const int result = answer("SDT_GetSAMIDToStr", port, if_open);
    if (ok(result)) {
        std::strcpy(sam_id, "05.01-20101010-0000000123-1234567890");
    }
    return result;
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_StartFindIDCard(int port, unsigned char* manage_info, int if_open)
{
    const int result = answer("SDT_StartFindIDCard", port, if_open);
    std::memset(manage_info, 0, 4);
    return result;
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_SelectIDCard(int port, unsigned char* serial, int if_open)
{
    const int result = answer("SDT_SelectIDCard", port, if_open);
    std::memset(serial, 0, 8);
    return result;
}

FAKE_EXPORT int IDCARD_SDT_CALL SDT_ReadBaseMsg(int port, unsigned char* text, unsigned int* text_length,
                                                unsigned char* photo, unsigned int* photo_length, int if_open)
{
    const int result = answer("SDT_ReadBaseMsg", port, if_open);
    if (ok(result)) {
        read_text_and_photo(text, text_length, photo, photo_length);
    }
    return result;
}

#ifndef FAKE_SDTAPI_NO_FINGERPRINT
FAKE_EXPORT int IDCARD_SDT_CALL SDT_ReadBaseFPMsg(int port, unsigned char* text, unsigned int* text_length,
                                                  unsigned char* photo, unsigned int* photo_length,
                                                  unsigned char* fingerprint, unsigned int* fingerprint_length,
                                                  int if_open)
{
    const int result = answer("SDT_ReadBaseFPMsg", port, if_open);
    if (ok(result)) {
        read_text_and_photo(text, text_length, photo, photo_length);
        put_block("fingerprint_length", 1024, fingerprint, fingerprint_length,
                  [](std::size_t i) { return static_cast<unsigned char>((i * 13 + 5) & 0xFF); });
    }
    return result;
}
#endif

FAKE_EXPORT int IDCARD_SDT_CALL SDT_ReadNewAppMsg(int port, unsigned char* address, unsigned int* address_length,
                                                  int if_open)
{
    const int result = answer("SDT_ReadNewAppMsg", port, if_open);
    if (ok(result)) {
        unsigned char block[70];
        put_ucs2(block, sizeof block, "NEW ADDRESS");
        const int length = state()["address_length"];
        std::memcpy(address, block, std::min<std::size_t>(static_cast<std::size_t>(std::max(length, 0)), sizeof block));
        *address_length = static_cast<unsigned int>(length);
    }
    return result;
}
