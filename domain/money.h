#pragma once
/// Money in integer fen (分). Never floating point: a receipt must add up to the fen.

#include "domain/result.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace domain {

class Money
{
public:
    /// Amounts are bounded so that every sum of a day's receipts stays exact: |amount| < 10^16 yuan.
    static constexpr std::int64_t kMaxFen = 999'999'999'999'999'999;

    constexpr Money() = default;
    static constexpr Money from_fen(std::int64_t fen) { return Money{fen}; }
    static constexpr Money from_yuan(std::int64_t yuan) { return Money{checked(yuan, 100, '*')}; }

    /// "1234.5", "1,234.50", "-3", "¥12.00": at most two decimals; grouping commas, if any, every three digits.
    static Result<Money> parse(std::string_view text);

    [[nodiscard]] constexpr std::int64_t fen() const { return m_fen; }
    /// "¥1,234.50" and "-¥1,234.50", for screens and paper.
    [[nodiscard]] std::string format() const;
    /// "1234.50", for files and messages.
    [[nodiscard]] std::string plain() const;

    // Arithmetic is checked: an overflow throws std::overflow_error rather than wrapping to a plausible amount
    // (a wrapped sum once passed for the catalog fee). Amounts entering the system are bounded (money_limit.h),
    // so this only fires on data that bypassed those checks; it is the last line, not the rule.
    constexpr Money operator+(Money o) const { return Money{checked(m_fen, o.m_fen, '+')}; }
    constexpr Money operator-(Money o) const { return Money{checked(m_fen, o.m_fen, '-')}; }
    constexpr Money operator-() const { return Money{checked(0, m_fen, '-')}; }
    constexpr Money operator*(std::int64_t quantity) const { return Money{checked(m_fen, quantity, '*')}; }
    constexpr Money& operator+=(Money o)
    {
        m_fen = checked(m_fen, o.m_fen, '+');
        return *this;
    }
    /// The sum, or nothing when it would not fit in 64 bits.
    [[nodiscard]] static constexpr std::optional<Money> sum(Money a, Money b)
    {
        std::int64_t out = 0;
        if (__builtin_add_overflow(a.m_fen, b.m_fen, &out)) {
            return std::nullopt;
        }
        return Money{out};
    }
    // clang-tidy 14 mistakes the defaulted comparison's literal 0 for a null pointer.
    constexpr auto operator<=>(const Money&) const = default; // NOLINT(modernize-use-nullptr)

private:
    constexpr explicit Money(std::int64_t fen) : m_fen(fen) {}
    static constexpr std::int64_t checked(std::int64_t a, std::int64_t b, char op)
    {
        std::int64_t out = 0;
        const bool overflow = op == '+'   ? __builtin_add_overflow(a, b, &out)
                              : op == '-' ? __builtin_sub_overflow(a, b, &out)
                                          : __builtin_mul_overflow(a, b, &out);
        if (overflow) {
            throw std::overflow_error("money arithmetic overflows 64-bit fen");
        }
        return out;
    }
    std::int64_t m_fen = 0;
};

} // namespace domain
