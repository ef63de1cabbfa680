#pragma once
/// A shared library opened at run time (dlopen / LoadLibrary): the vendors' reader SDKs and photo decoders, which a
/// counter may or may not have installed. One header for every OS; idcard/CMakeLists.txt picks the source
/// (shared_library_posix.cpp or shared_library_win32.cpp). Failures carry the OS loader's own message, because
/// "cannot open shared object file", "wrong ELF class" and "undefined symbol" send the support desk to different fixes.

#include <string>
#include <variant>

namespace idcard {

/// Why a library or one of its symbols could not be had: the loader's message, for the log.
struct LoaderError
{
    std::string message;
};

/// An open shared library, closed when destroyed. Move-only.
class SharedLibrary
{
public:
    /// Opens a library by path, or by bare name through the system's search rules.
    static std::variant<SharedLibrary, LoaderError> open(const std::string& path_or_name);

    SharedLibrary(SharedLibrary&& other) noexcept;
    SharedLibrary& operator=(SharedLibrary&& other) noexcept;
    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;
    ~SharedLibrary();

    /// The address of an exported symbol, or the loader's message when the library does not export it.
    std::variant<void*, LoaderError> symbol(const std::string& name) const;

    /// An exported function as the pointer type the caller declares; the caller answers for the signature.
    template <typename Function> std::variant<Function, LoaderError> function(const std::string& name) const
    {
        auto found = symbol(name);
        if (auto* error = std::get_if<LoaderError>(&found)) {
            return std::move(*error);
        }
        // Object-to-function pointer casts are conditionally supported; dlsym and GetProcAddress rely on them.
        return reinterpret_cast<Function>(std::get<void*>(found));
    }

    /// The path or name the library was opened with.
    const std::string& name() const { return m_name; }

private:
    SharedLibrary(void* handle, std::string name);
    void close() noexcept;

    void* m_handle = nullptr;
    std::string m_name;
};

} // namespace idcard
