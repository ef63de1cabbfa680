#pragma once
/// Where the workstation's reader is, as the settings write it: a serial device ("/dev/ttyUSB0", "COM3"), or a
/// vendor's library, "sdk:<library>" on its first USB port (1001), or "sdk:<library>@<port>" with the port the
/// library's SDT_OpenPort / CVR_InitComm expects (COM 1-16, USB 1001-1016). One parser, used by the workstation when
/// it opens the reader and by the settings page when it checks what the clerk typed.

#include "idcard/reader_port.h"

#include <memory>
#include <string>
#include <variant>

namespace idcard {

struct SerialAddress
{
    std::string device;
};

struct SdkAddress
{
    std::string library; ///< a path, or a name the system's loader finds
    int port = 1001;
};

using ReaderAddress = std::variant<SerialAddress, SdkAddress>;

/// E_READER_ADDRESS (detail says what) for an empty address, an "sdk:" without a library, or a port that is not
/// 1-16 or 1001-1016.
ReaderResult<ReaderAddress> parse_reader_address(const std::string& text);

/// Opens the reader at `text`: the serial protocol on a device, or the vendor's library through open_sdk_reader.
ReaderResult<std::unique_ptr<ReaderPort>> open_reader(const std::string& text);

} // namespace idcard
