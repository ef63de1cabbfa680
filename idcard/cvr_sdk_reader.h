#pragma once
/// A reader driven through 华视 (China Vision) CVR library: CVR_InitComm / CVR_Authenticate / CVR_Read_Content and
/// then one getter per field (GetPeopleName, GetPeopleIDCode, …) instead of the sdtapi family's raw text block
/// (shared/reference/id-card-and-identifiers.md §1.6). The Linux build is called libtermb.so like 神思's, so the
/// family is told by the symbols a library exports, not by its name: see sdk_reader.h.
///
/// The library keeps the port and the last card read in its own globals (no call takes a handle), so a process
/// has at most one CvrSdkReader at a time; the reader service holds exactly one.

#include "idcard/reader_port.h"
#include "idcard/shared_library.h"

#include <memory>
#include <string>

/// The CVR library's calling convention: __stdcall on Windows (its Termb.dll), the only one there is elsewhere.
#if defined(_WIN32)
#define IDCARD_CVR_CALL __stdcall
#else
#define IDCARD_CVR_CALL
#endif

namespace idcard {

/// A ReaderPort over a CVR library. read_card() composes the card's 256-byte text block from the getters, so the
/// card then goes through decode_card_text and verify_card exactly as a card read over the serial port does.
class CvrSdkReader final : public ReaderPort
{
public:
    /// Opens the library and CVR_InitComm(port), with the sdtapi family's port numbers (COM 1-16, USB 1001-1016).
    /// E_READER_SDK_UNAVAILABLE, with the loader's message in `detail`, when the library or a required function is
    /// missing; E_READER_PORT when the port number is not an SDK port or CVR_InitComm fails.
    static ReaderResult<std::unique_ptr<CvrSdkReader>> open(const std::string& library_path_or_name, int port);

    CvrSdkReader(const CvrSdkReader&) = delete;
    CvrSdkReader& operator=(const CvrSdkReader&) = delete;
    ~CvrSdkReader() override;

    /// The CVR API has no SAM status call: OK while the port is open. A reader that has gone away shows up in
    /// find_card() (CVR_Authenticate) instead.
    ReaderResult<Nothing> sam_status() override;
    /// CVR_GetSAMID; E_READER_SDK_UNSUPPORTED when the library does not export it.
    ReaderResult<std::string> sam_id() override;
    /// CVR_Authenticate, which finds and selects the card in one call.
    ReaderResult<Nothing> find_card() override;
    /// Nothing to do: CVR_Authenticate has selected the card already.
    ReaderResult<Nothing> select_card() override;
    /// CVR_Read_Content(4) (or CVR_Read_FPContent) and the getters. The text block is composed from them; the
    /// photo is the library's BMP in RawCard::photo_bmp, as the getters give no WLT. E_READER_SDK_GETTER when a
    /// getter fails, E_READER_FIELD when its text is not GB18030 or not a sex or ethnic group, E_READER_INFO_LENGTH
    /// when a field does not fit the card's layout, E_READER_CARD_TYPE for a certificate type we do not know.
    ReaderResult<RawCard> read_card(bool with_fingerprint) override;
    /// Always nothing: none of the CVR getters returns the appended address, and the printed one stands.
    ReaderResult<std::optional<Bytes>> read_appended_address() override;

    /// Whether the library can read fingerprints (CVR_Read_FPContent and GetFPDate both exported).
    bool supports_fingerprint() const;
    int port() const { return m_port; }

private:
    struct Cvr;

    CvrSdkReader(SharedLibrary library, std::unique_ptr<Cvr> cvr, int port);

    // Declared first so it is unloaded last, after the destructor has closed the port through it.
    SharedLibrary m_library;
    std::unique_ptr<Cvr> m_cvr;
    int m_port = 0;
};

} // namespace idcard
