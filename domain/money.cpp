#include "domain/money.h"

namespace domain {
namespace {

constexpr std::string_view kYuanSign = "\xC2\xA5";         // ¥ U+00A5
constexpr std::string_view kFullYuanSign = "\xEF\xBF\xA5"; // ￥ U+FFE5, what Chinese IMEs type

Problem format_error(std::string_view text)
{
    return problem(Errc::money_format, {{"text", std::string(text)}});
}

/// Integer digits with optional thousands separators; false if the grouping is wrong ("1,23" or "12,345,6").
bool strip_grouping(std::string_view in, std::string& out)
{
    if (in.find(',') == std::string_view::npos) {
        out = std::string(in);
        return true;
    }
    const auto first = in.find(',');
    if (first == 0 || first > 3) {
        return false;
    }
    out = std::string(in.substr(0, first));
    std::size_t pos = first;
    while (pos != std::string_view::npos) {
        const auto group = in.substr(pos + 1, 3);
        if (group.size() != 3 || group.find(',') != std::string_view::npos) {
            return false;
        }
        out += group;
        const auto next = pos + 4;
        if (next == in.size()) {
            break;
        }
        if (in[next] != ',') {
            return false;
        }
        pos = next;
    }
    return true;
}

} // namespace

Result<Money> Money::parse(std::string_view text)
{
    const std::string_view original = text;
    if (text.empty()) {
        return problem(Errc::empty);
    }
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    if (text.starts_with(kYuanSign)) {
        text.remove_prefix(kYuanSign.size());
    } else if (text.starts_with(kFullYuanSign)) {
        text.remove_prefix(kFullYuanSign.size());
    }
    const auto dot = text.find('.');
    const std::string_view int_part = text.substr(0, dot);
    const std::string_view frac_part = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (int_part.empty() || (dot != std::string_view::npos && frac_part.empty())) {
        return format_error(original);
    }
    std::string digits;
    if (!strip_grouping(int_part, digits)) {
        return format_error(original);
    }
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return format_error(original);
        }
    }
    for (char c : frac_part) {
        if (c < '0' || c > '9') {
            return format_error(original);
        }
    }
    if (frac_part.size() > 2) {
        return problem(Errc::money_precision, {{"text", std::string(original)}});
    }
    const auto first_significant = digits.find_first_not_of('0');
    const std::size_t significant = first_significant == std::string::npos ? 0 : digits.size() - first_significant;
    if (significant > 16) {
        return problem(Errc::money_range, {{"text", std::string(original)}});
    }
    std::int64_t fen = 0;
    for (char c : digits) {
        fen = fen * 10 + (c - '0');
    }
    fen *= 100;
    if (!frac_part.empty()) {
        fen += std::int64_t{frac_part[0] - '0'} * 10;
    }
    if (frac_part.size() == 2) {
        fen += frac_part[1] - '0';
    }
    return Money{negative ? -fen : fen};
}

std::string Money::plain() const
{
    const std::uint64_t abs = m_fen < 0 ? 0 - static_cast<std::uint64_t>(m_fen) : static_cast<std::uint64_t>(m_fen);
    std::string out = m_fen < 0 ? "-" : "";
    out += std::to_string(abs / 100);
    out += '.';
    out += static_cast<char>('0' + abs % 100 / 10);
    out += static_cast<char>('0' + abs % 10);
    return out;
}

std::string Money::format() const
{
    const std::uint64_t abs = m_fen < 0 ? 0 - static_cast<std::uint64_t>(m_fen) : static_cast<std::uint64_t>(m_fen);
    const std::string yuan = std::to_string(abs / 100);
    std::string grouped;
    for (std::size_t i = 0; i < yuan.size(); ++i) {
        if (i > 0 && (yuan.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += yuan[i];
    }
    std::string out = m_fen < 0 ? "-" : "";
    out += kYuanSign;
    out += grouped;
    out += '.';
    out += static_cast<char>('0' + abs % 100 / 10);
    out += static_cast<char>('0' + abs % 10);
    return out;
}

} // namespace domain
