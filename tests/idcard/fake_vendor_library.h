#pragma once
// The controls of a fake vendor library (tests/idcard/fake_sdtapi.cpp, fake_cvr.cpp) and the result helpers the
// vendor-library tests share. Opening the fake again hands back the instance the reader loads, so what is set here
// is what the reader sees; holding it open also keeps the settings from one reader to the next.

#include "idcard/reader_error.h"
#include "idcard/shared_library.h"

#include <catch2/catch.hpp>
#include <string>

namespace idcard::testing {

/// A fake's PREFIX_reset(), PREFIX_set(key, value) and PREFIX_get(key); reset on construction.
class FakeVendorLibrary
{
public:
    FakeVendorLibrary(const std::string& path, const std::string& prefix) : m_library(load(path))
    {
        m_reset = control<void (*)()>(prefix + "_reset");
        m_set = control<void (*)(const char*, int)>(prefix + "_set");
        m_get = control<int (*)(const char*)>(prefix + "_get");
        m_reset();
    }

    /// Every function succeeds again, with the default blocks; call counts start over.
    void reset_to_defaults() { m_reset(); }
    void set(const char* key, int value) { m_set(key, value); }
    int get(const std::string& key) const { return m_get(key.c_str()); }
    int calls(const std::string& function) const { return get("calls " + function); }

    /// Any other control the fake exports.
    template <typename Function> Function control(const std::string& name) const
    {
        auto found = m_library.function<Function>(name);
        if (auto* error = std::get_if<LoaderError>(&found)) {
            FAIL("the fake library has no " << name << ": " << error->message);
        }
        return std::get<Function>(found);
    }

private:
    static SharedLibrary load(const std::string& path)
    {
        auto opened = SharedLibrary::open(path);
        if (auto* error = std::get_if<LoaderError>(&opened)) {
            FAIL("cannot load the fake library: " << error->message);
        }
        return std::move(std::get<SharedLibrary>(opened));
    }

    SharedLibrary m_library;
    void (*m_reset)() = nullptr;
    void (*m_set)(const char*, int) = nullptr;
    int (*m_get)(const char*) = nullptr;
};

template <typename T> ReaderError error_of(const ReaderResult<T>& result)
{
    REQUIRE(std::holds_alternative<ReaderError>(result));
    return std::get<ReaderError>(result);
}

template <typename T> const T& value_of(const ReaderResult<T>& result)
{
    if (const auto* error = std::get_if<ReaderError>(&result)) {
        FAIL("expected a value, got " << error->code << " (" << error->detail << ")");
    }
    return std::get<T>(result);
}

/// "OK" or the error's code, for tables of expected outcomes.
template <typename T> std::string outcome(const ReaderResult<T>& result)
{
    const auto* error = std::get_if<ReaderError>(&result);
    return error == nullptr ? "OK" : error->code;
}

} // namespace idcard::testing
