#include "idcard/reader_error.h"

#include <array>
#include <utility>

namespace idcard {
namespace {

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 25> kCodes{{
    {0x90, "OK"},
    {0x9F, "OK"},
    {0x91, "E_READER_NO_CONTENT"}, // e.g. no appended address on the card
    {0x10, "E_READER_CHECKSUM"},   // the reader got a frame with a bad checksum from us
    {0x11, "E_READER_LENGTH"},
    {0x21, "E_READER_COMMAND"},
    {0x23, "E_READER_NOT_PERMITTED"},
    {0x24, "E_READER_UNKNOWN"},
    {0x31, "E_READER_CARD_AUTH"}, // card failed to authenticate the SAM
    {0x32, "E_READER_SAM_AUTH"},  // SAM failed to authenticate the card: not a genuine card
    {0x33, "E_READER_VERIFY"},
    {0x37, "E_READER_FINGERPRINT"},
    {0x3F, "E_READER_INFO_LENGTH"},
    {0x40, "E_READER_CARD_TYPE"},
    {0x41, "E_READER_READ_FAILED"}, // the card moved during the read, most often
    {0x47, "E_READER_RANDOM"},
    {0x60, "E_READER_SAM_SELF_TEST"},
    {0x66, "E_READER_SAM_UNAUTHORISED"},
    {0x80, "E_READER_NO_CARD"},
    {0x81, "E_READER_SELECT_FAILED"},
    {0x01, "E_READER_PORT"}, // SDK only: port open failed or invalid
    {0x02, "E_READER_TIMEOUT"},
    {0x03, "E_READER_TRANSFER"},
    {0x05, "E_READER_SAM_PORT"},
    {0x09, "E_READER_FILE"},
}};

} // namespace

std::string_view status_code_name(std::uint8_t status)
{
    for (const auto& [byte, name] : kCodes) {
        if (byte == status) {
            return name;
        }
    }
    return "E_READER_STATUS";
}

ReaderError status_error(std::uint8_t status, std::string detail)
{
    return ReaderError{std::string(status_code_name(status)), status, std::move(detail)};
}

} // namespace idcard
