#include "idcard/wlt_decoder.h"

#include "idcard/shared_library.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace idcard {
namespace {

using UnpackFn = int (*)(char* wlt, char* bmp, int argument);

// g++'s name for `int unpack(char*, char*, int)`: the decoder was built as C++ and exports nothing else.
constexpr const char* kUnpackSymbol = "_Z6unpackPcS_i";
// Every published sample passes 708; what the decoder does with it is not documented.
constexpr int kUnpackArgument = 708;
// Room past the documented sizes, as for the reader SDK: a decoder that writes too much spoils bytes we discard.
constexpr std::size_t kSlack = 4096;

std::uint32_t le32(const std::vector<char>& bytes, std::size_t offset)
{
    std::uint32_t value = 0;
    for (std::size_t i = 4; i > 0; --i) {
        value = (value << 8) | static_cast<std::uint8_t>(bytes[offset + i - 1]);
    }
    return value;
}

ReaderError decode_failed(std::string detail)
{
    return ReaderError{"E_READER_PHOTO_DECODE", 0, std::move(detail)};
}

} // namespace

ReaderResult<Bytes> decode_wlt_photo(const Bytes& wlt, const std::string& library)
{
    if (wlt.size() != kWltSize) {
        return status_error(0x3F, "WLT photo of " + std::to_string(wlt.size()) + " bytes, expected 1024");
    }
    auto opened = SharedLibrary::open(library);
    if (auto* error = std::get_if<LoaderError>(&opened)) {
        return ReaderError{"E_READER_SDK_UNAVAILABLE", 0, std::move(error->message)};
    }
    const auto& decoder = std::get<SharedLibrary>(opened);
    auto found = decoder.function<UnpackFn>(kUnpackSymbol);
    if (auto* error = std::get_if<LoaderError>(&found)) {
        return ReaderError{"E_READER_SDK_UNAVAILABLE", 0, std::move(error->message)};
    }
    const auto unpack = std::get<UnpackFn>(found);

    // unpack takes non-const pointers: it gets a copy of the photo, never the caller's bytes.
    std::vector<char> input(kWltSize + kSlack, 0);
    std::transform(wlt.begin(), wlt.end(), input.begin(), [](std::uint8_t b) { return static_cast<char>(b); });
    std::vector<char> bmp(kPhotoBmpSize + kSlack, 0);
    const int result = unpack(input.data(), bmp.data(), kUnpackArgument);
    if (result <= 0) {
        return decode_failed(library + " unpack returned " + std::to_string(result));
    }
    const std::uint32_t declared_size = le32(bmp, 2);
    if (bmp[0] != 'B' || bmp[1] != 'M' || declared_size != kPhotoBmpSize) {
        return decode_failed(library + " unpack made no 38862-byte BMP (size field " + std::to_string(declared_size) +
                             ")");
    }
    Bytes out(kPhotoBmpSize);
    std::transform(bmp.begin(), bmp.begin() + static_cast<std::ptrdiff_t>(kPhotoBmpSize), out.begin(),
                   [](char c) { return static_cast<std::uint8_t>(c); });
    return out;
}

} // namespace idcard
