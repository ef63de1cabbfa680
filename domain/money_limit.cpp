#include "domain/money_limit.h"

namespace domain {

namespace {

Problem too_large(Money amount, Money max)
{
    return problem(Errc::amount_too_large, {{"amount", amount.plain()}, {"max", max.plain()}});
}

} // namespace

std::optional<Problem> check_amount(Money amount, Money max)
{
    if (amount <= Money{}) {
        return problem(Errc::amount_not_positive, {{"amount", amount.plain()}});
    }
    if (amount > max) {
        return too_large(amount, max);
    }
    return std::nullopt;
}

std::optional<Problem> check_fee_line(Money amount, Money max)
{
    if (amount < Money{}) {
        return problem(Errc::fee_negative, {{"amount", amount.plain()}});
    }
    if (amount > max) {
        return too_large(amount, max);
    }
    return std::nullopt;
}

} // namespace domain
