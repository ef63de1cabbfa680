#pragma once
/// Result<T>: a value or the Problem that prevented it. std::expected is C++23 and our compilers are C++20; this is
/// the small subset of its interface we use, so moving to std::expected later is a search and replace.

#include "domain/problem.h"

#include <cassert>
#include <utility>
#include <variant>

namespace domain {

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Problem error) : m_state(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    [[nodiscard]] const T& value() const&
    {
        assert(has_value());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T&& value() &&
    {
        assert(has_value());
        return std::get<0>(std::move(m_state));
    }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    [[nodiscard]] const Problem& error() const
    {
        assert(!has_value());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Problem> m_state;
};

} // namespace domain
