// The largest amount one act at the counter may carry, and arithmetic that refuses to wrap.
#include "domain/money_limit.h"

#include <catch2/catch.hpp>
#include <limits>
#include <random>

using namespace domain;

TEST_CASE("an amount taken or refunded is above zero and at most the bound", "[money]")
{
    struct Row
    {
        std::int64_t fen;
        std::optional<Errc> code;
    };
    const Row rows[] = {
        {1, std::nullopt},
        {100'000'000, std::nullopt}, // ¥1,000,000.00 exactly
        {100'000'001, Errc::amount_too_large},
        {0, Errc::amount_not_positive},
        {-1, Errc::amount_not_positive},
        {Money::kMaxFen, Errc::amount_too_large},
        {std::numeric_limits<std::int64_t>::min(), Errc::amount_not_positive},
    };
    for (const auto& row : rows) {
        INFO(row.fen);
        const auto problem = check_amount(Money::from_fen(row.fen));
        CHECK(problem.has_value() == row.code.has_value());
        if (problem && row.code) {
            CHECK(problem->code == *row.code);
        }
    }
    const auto too_large = check_amount(Money::from_fen(100'000'001));
    REQUIRE(too_large);
    CHECK(too_large->param("max") == "1000000.00");
    CHECK(too_large->param("amount") == "1000000.01");
    // A lower bound set by the back office is the one that counts.
    CHECK(check_amount(Money::from_yuan(600), Money::from_yuan(500))->code == Errc::amount_too_large);
}

TEST_CASE("a fee line may be zero but never negative, and is bounded like a payment", "[money]")
{
    CHECK_FALSE(check_fee_line(Money{}));
    CHECK_FALSE(check_fee_line(kDefaultMaxAmount));
    CHECK(check_fee_line(Money::from_fen(-1))->code == Errc::fee_negative);
    CHECK(check_fee_line(kDefaultMaxAmount + Money::from_fen(1))->code == Errc::amount_too_large);
}

TEST_CASE("money arithmetic that would pass 64 bits throws instead of wrapping", "[money]")
{
    const auto near = Money::from_fen(std::numeric_limits<std::int64_t>::max() - 5);
    CHECK_THROWS_AS(near + Money::from_fen(6), std::overflow_error);
    CHECK_NOTHROW(near + Money::from_fen(5));
    CHECK_THROWS_AS(-near - Money::from_fen(10), std::overflow_error);
    CHECK_THROWS_AS(Money::from_fen(std::numeric_limits<std::int64_t>::min()) * -1, std::overflow_error);
    CHECK_THROWS_AS(Money::from_yuan(std::numeric_limits<std::int64_t>::max() / 10), std::overflow_error);
    auto sum = near;
    CHECK_THROWS_AS(sum += Money::from_fen(100), std::overflow_error);
    CHECK(sum == near); // the failed addition changed nothing
    CHECK_FALSE(Money::sum(near, Money::from_fen(6)));
    CHECK(Money::sum(near, Money::from_fen(5)) == Money::from_fen(std::numeric_limits<std::int64_t>::max()));

    // The finding: eighteen lines of 9999999999999999.99 and a balancing line wrapped to 100.00.
    const auto huge = Money::parse("9999999999999999.99").value();
    Money total;
    bool overflowed = false;
    try {
        for (int i = 0; i < 18; ++i) {
            total += huge;
        }
    } catch (const std::overflow_error&) {
        overflowed = true;
    }
    CHECK(overflowed);
}

TEST_CASE("property: bounded amounts never overflow however many a day holds", "[money][property]")
{
    std::mt19937_64 random(20261207);
    std::uniform_int_distribution<std::int64_t> fen(1, kDefaultMaxAmount.fen());
    Money day;
    for (int i = 0; i < 100'000; ++i) {
        const auto amount = Money::from_fen(fen(random));
        REQUIRE_FALSE(check_amount(amount));
        REQUIRE_NOTHROW(day += amount);
        // Mutated past the bound or below zero, the same amount is refused.
        REQUIRE(check_amount(amount + kDefaultMaxAmount));
        REQUIRE(check_amount(-amount));
    }
    CHECK(day > Money{});
}
