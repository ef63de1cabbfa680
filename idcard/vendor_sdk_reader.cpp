#include "idcard/vendor_sdk_reader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <utility>

namespace idcard {
namespace {

// The SDK's signatures, as in termb.h and HxgcDeviceApi_J10.h. The last argument of each is iIfOpen.
using OpenPortFn = int(IDCARD_SDT_CALL*)(int port);
using ClosePortFn = int(IDCARD_SDT_CALL*)(int port);
using GetSamStatusFn = int(IDCARD_SDT_CALL*)(int port, int if_open);
using GetSamIdToStrFn = int(IDCARD_SDT_CALL*)(int port, char* sam_id, int if_open);
using StartFindIdCardFn = int(IDCARD_SDT_CALL*)(int port, unsigned char* manage_info, int if_open);
using SelectIdCardFn = int(IDCARD_SDT_CALL*)(int port, unsigned char* serial, int if_open);
using ReadBaseMsgFn = int(IDCARD_SDT_CALL*)(int port, unsigned char* text, unsigned int* text_length,
                                            unsigned char* photo, unsigned int* photo_length, int if_open);
using ReadBaseFpMsgFn = int(IDCARD_SDT_CALL*)(int port, unsigned char* text, unsigned int* text_length,
                                              unsigned char* photo, unsigned int* photo_length,
                                              unsigned char* fingerprint, unsigned int* fingerprint_length,
                                              int if_open);
using ReadNewAppMsgFn = int(IDCARD_SDT_CALL*)(int port, unsigned char* address, unsigned int* address_length,
                                              int if_open);

// We keep the port open from open() to the destructor; 1 would make the SDK open and close it around every call.
constexpr int kPortAlreadyOpen = 0;

constexpr std::size_t kPhotoSize = 1024;
constexpr std::size_t kFingerprintSize = 1024;
constexpr std::size_t kAppendedAddressSize = 70;
constexpr std::size_t kSamIdSize = 40;
// Every buffer handed to the SDK is this much larger than documented: a library that writes more than it promises
// then spoils bytes we throw away instead of our stack or heap. The lengths it reports are checked afterwards.
constexpr std::size_t kSlack = 1024;

bool succeeded(int result)
{
    return result == 0x90 || result == 0x9F;
}

std::string hex(int value)
{
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "0x%X", static_cast<unsigned>(value));
    return text.data();
}

/// The error for an SDK return value; values that are not a status byte keep their number in the detail only.
ReaderError sdk_error(const char* function, int result)
{
    std::string detail = std::string(function) + " returned " + hex(result);
    if (result < 0 || result > 0xFF) {
        return ReaderError{"E_READER_STATUS", 0, std::move(detail)};
    }
    return status_error(static_cast<std::uint8_t>(result), std::move(detail));
}

ReaderError unavailable(const std::string& detail)
{
    return ReaderError{"E_READER_SDK_UNAVAILABLE", 0, detail};
}

template <typename Function>
std::optional<LoaderError> bind(const SharedLibrary& library, const char* name, Function& slot)
{
    auto found = library.function<Function>(name);
    if (auto* error = std::get_if<LoaderError>(&found)) {
        return std::move(*error);
    }
    slot = std::get<Function>(found);
    return std::nullopt;
}

Bytes buffer(std::size_t documented_size)
{
    return Bytes(documented_size + kSlack, 0);
}

} // namespace

struct VendorSdkReader::Sdt
{
    OpenPortFn open_port = nullptr;
    ClosePortFn close_port = nullptr;
    GetSamStatusFn get_sam_status = nullptr;
    GetSamIdToStrFn get_sam_id_to_str = nullptr;
    StartFindIdCardFn start_find_id_card = nullptr;
    SelectIdCardFn select_id_card = nullptr;
    ReadBaseMsgFn read_base_msg = nullptr;
    ReadBaseFpMsgFn read_base_fp_msg = nullptr; ///< null: the library cannot read fingerprints
    ReadNewAppMsgFn read_new_app_msg = nullptr;
};

bool is_sdk_port(int port)
{
    return (port >= kFirstComPort && port <= kLastComPort) || (port >= kFirstUsbPort && port <= kLastUsbPort);
}

ReaderResult<std::unique_ptr<VendorSdkReader>> VendorSdkReader::open(const std::string& library_path_or_name, int port)
{
    if (!is_sdk_port(port)) {
        return ReaderError{"E_READER_PORT", 0,
                           "port " + std::to_string(port) + " is neither COM 1-16 nor USB 1001-1016"};
    }
    auto opened = SharedLibrary::open(library_path_or_name);
    if (auto* error = std::get_if<LoaderError>(&opened)) {
        return unavailable(error->message);
    }
    SharedLibrary library = std::move(std::get<SharedLibrary>(opened));

    auto sdt = std::make_unique<Sdt>();
    std::optional<LoaderError> missing;
    const auto need = [&](const char* name, auto& slot) {
        if (!missing) {
            missing = bind(library, name, slot);
        }
    };
    need("SDT_OpenPort", sdt->open_port);
    need("SDT_ClosePort", sdt->close_port);
    need("SDT_GetSAMStatus", sdt->get_sam_status);
    need("SDT_GetSAMIDToStr", sdt->get_sam_id_to_str);
    need("SDT_StartFindIDCard", sdt->start_find_id_card);
    need("SDT_SelectIDCard", sdt->select_id_card);
    need("SDT_ReadBaseMsg", sdt->read_base_msg);
    need("SDT_ReadNewAppMsg", sdt->read_new_app_msg);
    if (missing) {
        return unavailable(missing->message);
    }
    // Optional: without it everything but the fingerprint read still works.
    if (bind(library, "SDT_ReadBaseFPMsg", sdt->read_base_fp_msg)) {
        sdt->read_base_fp_msg = nullptr;
    }

    const int result = sdt->open_port(port);
    if (!succeeded(result)) {
        // Whatever the SDK says (01 port invalid, 02 time-out, …), the port is what the clerk has to check.
        const auto status = result >= 0 && result <= 0xFF ? static_cast<std::uint8_t>(result) : std::uint8_t{0};
        return ReaderError{"E_READER_PORT", status,
                           "SDT_OpenPort(" + std::to_string(port) + ") returned " + hex(result) + " in " +
                               library.name()};
    }
    return std::unique_ptr<VendorSdkReader>(new VendorSdkReader(std::move(library), std::move(sdt), port));
}

VendorSdkReader::VendorSdkReader(SharedLibrary library, std::unique_ptr<Sdt> sdt, int port)
    : m_library(std::move(library)), m_sdt(std::move(sdt)), m_port(port)
{
}

VendorSdkReader::~VendorSdkReader()
{
    // Nothing to do about a failure here: the port is ours to release and there is no one left to tell.
    m_sdt->close_port(m_port);
}

bool VendorSdkReader::supports_fingerprint() const
{
    return m_sdt->read_base_fp_msg != nullptr;
}

ReaderResult<Nothing> VendorSdkReader::sam_status()
{
    const int result = m_sdt->get_sam_status(m_port, kPortAlreadyOpen);
    if (!succeeded(result)) {
        return sdk_error("SDT_GetSAMStatus", result);
    }
    return Nothing{};
}

ReaderResult<std::string> VendorSdkReader::sam_id()
{
    std::array<char, kSamIdSize + kSlack> text{};
    const int result = m_sdt->get_sam_id_to_str(m_port, text.data(), kPortAlreadyOpen);
    if (!succeeded(result)) {
        return sdk_error("SDT_GetSAMIDToStr", result);
    }
    // Bounded: a library that forgets the terminator must not send us reading past its documented 40 characters.
    const char* end = std::find(text.data(), text.data() + kSamIdSize, '\0');
    return std::string(text.data(), static_cast<std::size_t>(end - text.data()));
}

ReaderResult<Nothing> VendorSdkReader::find_card()
{
    std::array<unsigned char, 4 + kSlack> manage_info{};
    const int result = m_sdt->start_find_id_card(m_port, manage_info.data(), kPortAlreadyOpen);
    if (!succeeded(result)) {
        return sdk_error("SDT_StartFindIDCard", result);
    }
    return Nothing{};
}

ReaderResult<Nothing> VendorSdkReader::select_card()
{
    std::array<unsigned char, 8 + kSlack> serial{};
    const int result = m_sdt->select_id_card(m_port, serial.data(), kPortAlreadyOpen);
    if (!succeeded(result)) {
        return sdk_error("SDT_SelectIDCard", result);
    }
    return Nothing{};
}

ReaderResult<RawCard> VendorSdkReader::read_card(bool with_fingerprint)
{
    if (with_fingerprint && !supports_fingerprint()) {
        return ReaderError{"E_READER_SDK_UNSUPPORTED", 0, m_library.name() + " does not export SDT_ReadBaseFPMsg"};
    }
    Bytes text = buffer(kTextBlockSize);
    Bytes photo = buffer(kPhotoSize);
    Bytes fingerprint = buffer(with_fingerprint ? kFingerprintSize : 0);
    unsigned int text_length = 0;
    unsigned int photo_length = 0;
    unsigned int fingerprint_length = 0;
    const char* function = with_fingerprint ? "SDT_ReadBaseFPMsg" : "SDT_ReadBaseMsg";
    const int result =
        with_fingerprint
            ? m_sdt->read_base_fp_msg(m_port, text.data(), &text_length, photo.data(), &photo_length,
                                      fingerprint.data(), &fingerprint_length, kPortAlreadyOpen)
            : m_sdt->read_base_msg(m_port, text.data(), &text_length, photo.data(), &photo_length, kPortAlreadyOpen);
    if (!succeeded(result)) {
        return sdk_error(function, result);
    }
    // The same limits split_read_response applies to the raw protocol's read.
    if (text_length != kTextBlockSize || photo_length > kPhotoSize || fingerprint_length > kFingerprintSize) {
        return status_error(0x3F, std::string(function) + " lengths " + std::to_string(text_length) + "/" +
                                      std::to_string(photo_length) + "/" + std::to_string(fingerprint_length));
    }
    text.resize(text_length);
    photo.resize(photo_length);
    fingerprint.resize(fingerprint_length);
    return RawCard{std::move(text), std::move(photo), std::move(fingerprint)};
}

ReaderResult<std::optional<Bytes>> VendorSdkReader::read_appended_address()
{
    Bytes address = buffer(kAppendedAddressSize);
    unsigned int length = 0;
    const int result = m_sdt->read_new_app_msg(m_port, address.data(), &length, kPortAlreadyOpen);
    if (result == 0x91) {
        return std::optional<Bytes>{};
    }
    if (!succeeded(result)) {
        return sdk_error("SDT_ReadNewAppMsg", result);
    }
    if (length > kAppendedAddressSize) {
        return status_error(0x3F, "SDT_ReadNewAppMsg length " + std::to_string(length));
    }
    address.resize(length);
    return std::optional<Bytes>{std::move(address)};
}

} // namespace idcard
