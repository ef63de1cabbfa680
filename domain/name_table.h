#pragma once
/// Stable names for enums that travel on the wire or into settings: one table per enum, read both ways. Tables are
/// constexpr arrays of {value, name} pairs kept next to the enum's own code.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace domain {

template <typename E, std::size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

/// The name of `value`, or `fallback` for a value the table lacks.
template <typename E, std::size_t N>
constexpr std::string_view name_of(const NameTable<E, N>& table, E value, std::string_view fallback)
{
    for (const auto& [v, name] : table) {
        if (v == value) {
            return name;
        }
    }
    return fallback;
}

/// The value named `text` exactly (case matters), or nothing.
template <typename E, std::size_t N>
constexpr std::optional<E> value_of(const NameTable<E, N>& table, std::string_view text)
{
    for (const auto& [value, name] : table) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace domain
