#include "idcard/shared_library.h"

#include <utility>

namespace idcard {

// What does not depend on the OS; open(), close() and symbol() are in shared_library_posix.cpp and
// shared_library_win32.cpp.

SharedLibrary::SharedLibrary(void* handle, std::string name) : m_handle(handle), m_name(std::move(name)) {}

SharedLibrary::SharedLibrary(SharedLibrary&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)), m_name(std::move(other.m_name))
{
}

SharedLibrary& SharedLibrary::operator=(SharedLibrary&& other) noexcept
{
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, nullptr);
        m_name = std::move(other.m_name);
    }
    return *this;
}

SharedLibrary::~SharedLibrary()
{
    close();
}

} // namespace idcard
