#include "domain/chinese_amount.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace domain {
namespace {

constexpr std::array<std::string_view, 10> kDigits{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<std::string_view, 4> kSmallUnits{"", "拾", "佰", "仟"};
// Groups of four digits from the yuan upwards; five groups cover every int64 amount.
constexpr std::array<std::string_view, 5> kGroupUnits{"", "万", "亿", "万亿", "亿亿"};

/// The yuan part in words. A zero is written once for any run of zeros that stands between two non-zero digits,
/// except where a group unit (万, 亿) already separates them and the next group starts with a non-zero digit.
std::string yuan_words(std::uint64_t yuan)
{
    std::string out;
    std::vector<unsigned> groups; // least significant first
    while (yuan > 0) {
        groups.push_back(static_cast<unsigned>(yuan % 10000));
        yuan /= 10000;
    }
    bool pending_zero = false;
    for (std::size_t g = groups.size(); g-- > 0;) {
        const unsigned value = groups[g];
        if (value == 0) {
            pending_zero = !out.empty();
            continue;
        }
        unsigned divisor = 1000;
        for (int pos = 3; pos >= 0; --pos, divisor /= 10) {
            const unsigned d = value / divisor % 10;
            if (d == 0) {
                pending_zero = pending_zero || !out.empty();
                continue;
            }
            if (pending_zero) {
                out += kDigits[0];
                pending_zero = false;
            }
            out += kDigits[d];
            out += kSmallUnits[static_cast<std::size_t>(pos)];
        }
        out += kGroupUnits[g];
        pending_zero = false; // trailing zeros of a group are absorbed by its unit
    }
    return out;
}

} // namespace

std::string chinese_uppercase(Money amount)
{
    const std::int64_t fen = amount.fen();
    const std::uint64_t abs = fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    const std::uint64_t yuan = abs / 100;
    const auto jiao = static_cast<std::size_t>(abs / 10 % 10);
    const auto fen_digit = static_cast<std::size_t>(abs % 10);

    std::string out = fen < 0 ? "负" : "";
    if (abs == 0) {
        return "零元整";
    }
    if (yuan > 0) {
        out += yuan_words(yuan);
        out += "元";
    }
    if (jiao == 0 && fen_digit == 0) {
        out += "整";
        return out;
    }
    if (jiao > 0) {
        out += kDigits[jiao];
        out += "角";
    } else if (yuan > 0) {
        out += kDigits[0];
    }
    if (fen_digit > 0) {
        out += kDigits[fen_digit];
        out += "分";
    } else {
        out += "整";
    }
    return out;
}

} // namespace domain
