#pragma once
/// Opens a vendor's reader library whichever family it belongs to. The family is told by the functions the library
/// exports, never by its file name: 华视's Linux library is libtermb.so, the name 神思's termb (an sdtapi-family
/// library) has too.

#include "idcard/reader_port.h"

#include <memory>
#include <string>
#include <string_view>

namespace idcard {

enum class SdkFamily
{
    sdt, ///< SDT_* with the raw text block and WLT photo: 精伦, 华旭, 新中新, 神思 termb (VendorSdkReader)
    cvr, ///< 华视 CVR_* with one getter per field and a BMP photo (CvrSdkReader)
};

std::string_view to_string(SdkFamily family); ///< "sdtapi", "cvr"

/// The family of a library: sdt when it exports SDT_OpenPort, which wins when a library has both because its raw
/// block and WLT need no re-encoding; cvr when it exports CVR_InitComm. E_READER_SDK_UNAVAILABLE when the library
/// cannot be opened or exports neither.
ReaderResult<SdkFamily> detect_sdk_family(const std::string& library_path_or_name);

/// The reader for the library's family, opened on `port` (COM 1-16, USB 1001-1016), with the errors of
/// VendorSdkReader::open or CvrSdkReader::open.
ReaderResult<std::unique_ptr<ReaderPort>> open_sdk_reader(const std::string& library_path_or_name, int port);

} // namespace idcard
