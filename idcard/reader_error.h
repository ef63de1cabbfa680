#pragma once
/// Why a reader operation failed: a stable code for the screens to translate, the reader's status byte when the
/// reader answered, and a detail for the log. Status bytes are those of shared/reference §1.3; the vendor SDKs
/// return the same values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace idcard {

struct ReaderError
{
    std::string code;        ///< E_READER_NO_CARD, E_READER_TIMEOUT, E_READER_UNPLUGGED, …
    std::uint8_t status = 0; ///< SW3 or the SDK's return value; 0 when the reader did not answer
    std::string detail;      ///< for logs only
};

/// The code for a status byte: 0x80 → E_READER_NO_CARD, 0x41 → E_READER_READ_FAILED, … Unknown bytes map to
/// E_READER_STATUS.
std::string_view status_code_name(std::uint8_t status);

/// A value or the ReaderError that prevented it.
template <typename T> using ReaderResult = std::variant<T, ReaderError>;

/// The error for a status byte, with the byte kept.
ReaderError status_error(std::uint8_t status, std::string detail = {});

} // namespace idcard
