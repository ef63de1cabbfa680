#include "idcard/shared_library.h"

#include <dlfcn.h>

namespace idcard {

std::variant<SharedLibrary, LoaderError> SharedLibrary::open(const std::string& path_or_name)
{
    // dlopen("") hands back the program itself, which would then "export" whatever we link: refuse it.
    if (path_or_name.empty()) {
        return LoaderError{"no library named"};
    }
    // RTLD_NOW: a library with an unresolved dependency fails here with the loader's message, not at its first call in
    // the middle of a read. RTLD_LOCAL: two vendors' libraries both export SDT_*; neither may answer for the other.
    ::dlerror();
    void* handle = ::dlopen(path_or_name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* message = ::dlerror();
        return LoaderError{message != nullptr ? message : "dlopen failed for " + path_or_name};
    }
    return SharedLibrary(handle, path_or_name);
}

void SharedLibrary::close() noexcept
{
    if (m_handle != nullptr) {
        ::dlclose(m_handle);
        m_handle = nullptr;
    }
}

std::variant<void*, LoaderError> SharedLibrary::symbol(const std::string& name) const
{
    if (m_handle == nullptr) {
        return LoaderError{"library " + m_name + " is not open"};
    }
    // A symbol may legitimately be null, so dlerror, not the address, says whether it was found.
    ::dlerror();
    void* address = ::dlsym(m_handle, name.c_str());
    if (const char* message = ::dlerror()) {
        return LoaderError{message};
    }
    if (address == nullptr) {
        return LoaderError{name + " is null in " + m_name};
    }
    return address;
}

} // namespace idcard
