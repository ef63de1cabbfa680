#pragma once
/// A reader driven through its vendor's SDK library: the sdtapi family (精伦 iDR, 华旭 HXGC, 新中新) and 神思's termb,
/// which exports the same SDT_* functions (shared/reference/id-card-and-identifiers.md §1.6). The library is opened at
/// run time, so a counter without it still starts and this backend reports itself unavailable instead of crashing.

#include "idcard/reader_port.h"
#include "idcard/shared_library.h"

#include <memory>
#include <string>

/// The SDKs' calling convention: __stdcall on Windows, the only one there is elsewhere. Test doubles that stand in
/// for an SDK declare their exports with it too.
#if defined(_WIN32)
#define IDCARD_SDT_CALL __stdcall
#else
#define IDCARD_SDT_CALL
#endif

namespace idcard {

/// The SDKs number serial readers by COM port, 1-16, and USB readers 1001-1016 (the first USB reader is 1001).
inline constexpr int kFirstComPort = 1;
inline constexpr int kLastComPort = 16;
inline constexpr int kFirstUsbPort = 1001;
inline constexpr int kLastUsbPort = 1016;

/// True for the port numbers the SDKs accept.
bool is_sdk_port(int port);

/// A ReaderPort over a vendor SDK. The port is open from open() until the reader is destroyed.
class VendorSdkReader final : public ReaderPort
{
public:
    /// Opens the library (a path, or a bare name such as "libsdtapi.so" found by the system's search rules) and the
    /// port. E_READER_SDK_UNAVAILABLE, with the loader's message in `detail`, when the library or a required function
    /// is missing; E_READER_PORT when the port number is not an SDK port or SDT_OpenPort fails.
    static ReaderResult<std::unique_ptr<VendorSdkReader>> open(const std::string& library_path_or_name, int port);

    VendorSdkReader(const VendorSdkReader&) = delete;
    VendorSdkReader& operator=(const VendorSdkReader&) = delete;
    ~VendorSdkReader() override;

    ReaderResult<Nothing> sam_status() override;
    ReaderResult<std::string> sam_id() override;
    ReaderResult<Nothing> find_card() override;
    ReaderResult<Nothing> select_card() override;
    /// E_READER_SDK_UNSUPPORTED with the fingerprint asked for when the library has no SDT_ReadBaseFPMsg.
    ReaderResult<RawCard> read_card(bool with_fingerprint) override;
    ReaderResult<std::optional<Bytes>> read_appended_address() override;

    /// Whether the library can read fingerprints (some do not export SDT_ReadBaseFPMsg).
    bool supports_fingerprint() const;
    int port() const { return m_port; }

private:
    struct Sdt;

    VendorSdkReader(SharedLibrary library, std::unique_ptr<Sdt> sdt, int port);

    // Declared first so it is unloaded last, after the destructor has closed the port through it.
    SharedLibrary m_library;
    std::unique_ptr<Sdt> m_sdt;
    int m_port = 0;
};

} // namespace idcard
