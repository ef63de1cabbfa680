#include "domain/card_validity.h"

#include <string>

namespace domain {

Result<CardValidity> CardValidity::parse(std::string_view from, std::string_view to)
{
    const auto start = parse_yyyymmdd(from);
    if (!start) {
        return problem(Errc::card_validity_format, {{"text", std::string(from)}});
    }
    if (to == "长期" || to == "长期有效") {
        return CardValidity{*start, std::nullopt};
    }
    const auto end = parse_yyyymmdd(to);
    if (!end || *end < *start) {
        return problem(Errc::card_validity_format, {{"text", std::string(to)}});
    }
    return CardValidity{*start, *end};
}

std::optional<Problem> CardValidity::check_on(Date today) const
{
    if (today < m_from) {
        return problem(Errc::card_not_yet_valid, {{"valid_from", format_iso(m_from)}});
    }
    if (m_to && today > *m_to) {
        return problem(Errc::card_expired, {{"valid_to", format_iso(*m_to)}});
    }
    return std::nullopt;
}

} // namespace domain
