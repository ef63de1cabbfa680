#include "idcard/sdk_reader.h"

#include "idcard/cvr_sdk_reader.h"
#include "idcard/shared_library.h"
#include "idcard/vendor_sdk_reader.h"

namespace idcard {
namespace {

template <typename Reader>
ReaderResult<std::unique_ptr<ReaderPort>> as_port(ReaderResult<std::unique_ptr<Reader>> opened)
{
    if (auto* error = std::get_if<ReaderError>(&opened)) {
        return std::move(*error);
    }
    return std::unique_ptr<ReaderPort>(std::move(std::get<std::unique_ptr<Reader>>(opened)));
}

ReaderResult<SdkFamily> family_of(const SharedLibrary& library)
{
    if (std::holds_alternative<void*>(library.symbol("SDT_OpenPort"))) {
        return SdkFamily::sdt;
    }
    if (std::holds_alternative<void*>(library.symbol("CVR_InitComm"))) {
        return SdkFamily::cvr;
    }
    return ReaderError{"E_READER_SDK_UNAVAILABLE", 0,
                       library.name() + " exports neither SDT_OpenPort nor CVR_InitComm"};
}

} // namespace

std::string_view to_string(SdkFamily family)
{
    return family == SdkFamily::cvr ? "cvr" : "sdtapi";
}

ReaderResult<SdkFamily> detect_sdk_family(const std::string& library_path_or_name)
{
    auto opened = SharedLibrary::open(library_path_or_name);
    if (auto* error = std::get_if<LoaderError>(&opened)) {
        return ReaderError{"E_READER_SDK_UNAVAILABLE", 0, std::move(error->message)};
    }
    return family_of(std::get<SharedLibrary>(opened));
}

ReaderResult<std::unique_ptr<ReaderPort>> open_sdk_reader(const std::string& library_path_or_name, int port)
{
    auto family = detect_sdk_family(library_path_or_name);
    if (auto* error = std::get_if<ReaderError>(&family)) {
        return std::move(*error);
    }
    // The reader opens the library again: the loader hands back the same copy, so this costs a reference count.
    if (std::get<SdkFamily>(family) == SdkFamily::cvr) {
        return as_port(CvrSdkReader::open(library_path_or_name, port));
    }
    return as_port(VendorSdkReader::open(library_path_or_name, port));
}

} // namespace idcard
