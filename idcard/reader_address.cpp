#include "idcard/reader_address.h"

#include "idcard/sdk_reader.h"
#include "idcard/serial_reader.h"

#include <charconv>

namespace idcard {
namespace {

constexpr std::string_view kSdkPrefix = "sdk:";

ReaderError address_error(std::string detail)
{
    return ReaderError{"E_READER_ADDRESS", 0, std::move(detail)};
}

bool valid_port(int port)
{
    return (port >= 1 && port <= 16) || (port >= 1001 && port <= 1016);
}

} // namespace

ReaderResult<ReaderAddress> parse_reader_address(const std::string& text)
{
    if (text.empty()) {
        return address_error("no reader is set");
    }
    if (!text.starts_with(kSdkPrefix)) {
        return ReaderAddress{SerialAddress{text}};
    }
    SdkAddress sdk;
    std::string_view rest = std::string_view(text).substr(kSdkPrefix.size());
    // A library path may hold '@' itself; only a port after the last one counts.
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        const auto digits = rest.substr(at + 1);
        int port = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || !valid_port(port)) {
            return address_error("the port after '@' must be 1-16 (COM) or 1001-1016 (USB): " + std::string(digits));
        }
        sdk.port = port;
        rest = rest.substr(0, at);
    }
    if (rest.empty()) {
        return address_error("sdk: names no library");
    }
    sdk.library = std::string(rest);
    return ReaderAddress{sdk};
}

ReaderResult<std::unique_ptr<ReaderPort>> open_reader(const std::string& text)
{
    auto address = parse_reader_address(text);
    if (auto* error = std::get_if<ReaderError>(&address)) {
        return *error;
    }
    const auto& where = std::get<ReaderAddress>(address);
    if (const auto* sdk = std::get_if<SdkAddress>(&where)) {
        return open_sdk_reader(sdk->library, sdk->port);
    }
    auto opened = SerialReader::open(std::get<SerialAddress>(where).device);
    if (auto* error = std::get_if<ReaderError>(&opened)) {
        return *error;
    }
    return std::unique_ptr<ReaderPort>(std::move(std::get<std::unique_ptr<SerialReader>>(opened)));
}

} // namespace idcard
