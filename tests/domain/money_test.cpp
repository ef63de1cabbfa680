#include "domain/money.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("amounts parse to exact fen", "[money]")
{
    struct Row
    {
        const char* text;
        std::int64_t fen;
    };
    const Row rows[] = {
        {"0", 0},
        {"1234.5", 123450},
        {"1234.50", 123450},
        {"1,234.50", 123450},
        {"-3", -300},
        {"0.07", 7},
        {"¥12.00", 1200},
        {"￥1,000,000.01", 100000001},
        {"-¥0.80", -80},
        {"9999999999999999.99", 999999999999999999},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto money = Money::parse(row.text);
        REQUIRE(money);
        CHECK(money->fen() == row.fen);
    }
}

TEST_CASE("amounts that are not amounts", "[money]")
{
    struct Row
    {
        const char* text;
        Errc code;
    };
    const Row rows[] = {
        {"", Errc::empty},
        {"abc", Errc::money_format},
        {"1.", Errc::money_format},
        {".5", Errc::money_format},
        {"1,23.00", Errc::money_format},
        {"1234,567", Errc::money_format},
        {",123", Errc::money_format},
        {"1,234,", Errc::money_format},
        {"1 234", Errc::money_format},
        {"--1", Errc::money_format},
        {"1.2.3", Errc::money_format},
        {"1.005", Errc::money_precision},
        {"10000000000000000", Errc::money_range},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto money = Money::parse(row.text);
        REQUIRE_FALSE(money);
        CHECK(code_name(money.error().code) == code_name(row.code));
    }
}

TEST_CASE("amounts format for screens, paper and files", "[money]")
{
    CHECK(Money::from_fen(123450).format() == "¥1,234.50");
    CHECK(Money::from_fen(-123450).format() == "-¥1,234.50");
    CHECK(Money::from_fen(7).format() == "¥0.07");
    CHECK(Money::from_fen(100000000).format() == "¥1,000,000.00");
    CHECK(Money::from_fen(123450).plain() == "1234.50");
    CHECK(Money::from_fen(-5).plain() == "-0.05");
    CHECK(Money{}.plain() == "0.00");
}

TEST_CASE("money arithmetic stays in fen", "[money]")
{
    const Money install = Money::from_yuan(100);
    const Money prepay = Money::parse("50.50").value();
    CHECK((install + prepay).fen() == 15050);
    CHECK((install * 3).fen() == 30000);
    CHECK((install - prepay).fen() == 4950);
    CHECK(prepay < install);
    Money total;
    for (int i = 0; i < 10; ++i) {
        total += Money::parse("0.10").value();
    }
    CHECK(total == Money::from_yuan(1)); // no 0.1 + … drift
}

TEST_CASE("parse and plain round-trip", "[money][property]")
{
    for (std::int64_t fen :
         std::initializer_list<std::int64_t>{0, 1, 99, 100, 123456789, -1, -100001, Money::kMaxFen}) {
        INFO(fen);
        CHECK(Money::parse(Money::from_fen(fen).plain())->fen() == fen);
        CHECK(Money::parse(Money::from_fen(fen).format())->fen() == fen);
    }
}
