#pragma once
/// The validity period printed on a card: from a date to a date, or to 长期 (long-term, for holders over 46).
/// Kept as the card's text and parsed here, because long-term cards break parsers that expect a date.

#include "domain/civil_date.h"
#include "domain/result.h"

#include <optional>
#include <string_view>

namespace domain {

class CardValidity
{
public:
    /// `from` is YYYYMMDD; `to` is YYYYMMDD or 长期 (also accepted: "长期有效").
    static Result<CardValidity> parse(std::string_view from, std::string_view to);
    static CardValidity between(Date from, std::optional<Date> to) { return CardValidity{from, to}; }

    [[nodiscard]] Date valid_from() const { return m_from; }
    /// Nothing for a long-term card.
    [[nodiscard]] std::optional<Date> valid_to() const { return m_to; }
    [[nodiscard]] bool long_term() const { return !m_to.has_value(); }

    /// E_CARD_EXPIRED after the last valid day, E_CARD_NOT_YET_VALID before the first; the last day is valid.
    [[nodiscard]] std::optional<Problem> check_on(Date today) const;

private:
    CardValidity(Date from, std::optional<Date> to) : m_from(from), m_to(to) {}
    Date m_from;
    std::optional<Date> m_to;
};

} // namespace domain
