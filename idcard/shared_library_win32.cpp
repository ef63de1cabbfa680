#include "idcard/shared_library.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <filesystem>
#include <windows.h>

namespace idcard {
namespace {

std::wstring widen(const std::string& utf8)
{
    if (utf8.empty()) {
        return {};
    }
    const int size = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(size), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), wide.data(), size);
    return wide;
}

std::string narrow(const wchar_t* wide, int length)
{
    const int size = ::WideCharToMultiByte(CP_UTF8, 0, wide, length, nullptr, 0, nullptr, nullptr);
    std::string utf8(static_cast<std::size_t>(size), '\0');
    ::WideCharToMultiByte(CP_UTF8, 0, wide, length, utf8.data(), size, nullptr, nullptr);
    return utf8;
}

/// The system's text for an error code (in the user's language), without the trailing line break.
std::string system_message(DWORD code, const std::string& what)
{
    wchar_t* buffer = nullptr;
    const DWORD length =
        ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                         nullptr, code, 0, reinterpret_cast<wchar_t*>(&buffer), 0, nullptr);
    std::string text = length > 0 ? narrow(buffer, static_cast<int>(length)) : "error " + std::to_string(code);
    ::LocalFree(buffer);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    return what + ": " + text;
}

} // namespace

std::variant<SharedLibrary, LoaderError> SharedLibrary::open(const std::string& path_or_name)
{
    if (path_or_name.empty()) {
        return LoaderError{"no library named"};
    }
    const std::wstring wide = widen(path_or_name);
    // A vendor DLL given by full path usually needs its sibling DLLs (WltRS.dll, …): search its folder first. The flag
    // is undefined for relative paths, so bare names keep the standard search.
    const DWORD flags = std::filesystem::path(wide).is_absolute() ? LOAD_WITH_ALTERED_SEARCH_PATH : 0;
    // No "missing DLL" dialog box in front of the counter clerk: the caller reports the failure.
    DWORD previous_mode = 0;
    ::SetThreadErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX, &previous_mode);
    HMODULE handle = ::LoadLibraryExW(wide.c_str(), nullptr, flags);
    const DWORD error = ::GetLastError();
    ::SetThreadErrorMode(previous_mode, nullptr);
    if (handle == nullptr) {
        return LoaderError{system_message(error, path_or_name)};
    }
    return SharedLibrary(reinterpret_cast<void*>(handle), path_or_name);
}

void SharedLibrary::close() noexcept
{
    if (m_handle != nullptr) {
        ::FreeLibrary(reinterpret_cast<HMODULE>(m_handle));
        m_handle = nullptr;
    }
}

std::variant<void*, LoaderError> SharedLibrary::symbol(const std::string& name) const
{
    if (m_handle == nullptr) {
        return LoaderError{"library " + m_name + " is not open"};
    }
    // The SDKs export undecorated names (through .def files) even for __stdcall, so the plain name is looked up.
    FARPROC address = ::GetProcAddress(reinterpret_cast<HMODULE>(m_handle), name.c_str());
    if (address == nullptr) {
        return LoaderError{system_message(::GetLastError(), m_name + " " + name)};
    }
    return reinterpret_cast<void*>(address);
}

} // namespace idcard
