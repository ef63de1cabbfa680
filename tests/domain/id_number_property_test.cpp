// Property tests: generate valid numbers, change one character or swap two neighbours, expect rejection.
#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "domain/org_code.h"

#include <catch2/catch.hpp>
#include <random>

using namespace domain;

namespace {

constexpr Date kToday = make_date(2026, 11, 23);

std::string random_id(std::mt19937& rng)
{
    static const int regions[] = {110105, 310104, 440305, 510107, 650102, 110103, 330106};
    std::uniform_int_distribution<std::size_t> region(0, std::size(regions) - 1);
    std::uniform_int_distribution<int> days(0, 365 * 100);
    std::uniform_int_distribution<int> seq(0, 999);
    const auto birth = std::chrono::sys_days{make_date(1925, 1, 1)} + std::chrono::days{days(rng)};
    char first17[18];
    std::snprintf(first17, sizeof first17, "%06d%s%03d", regions[region(rng)], format_yyyymmdd(Date{birth}).c_str(),
                  seq(rng));
    return std::string(first17) + IdNumber::check_character(first17);
}

template <typename Parse>
void expect_single_substitutions_rejected(const std::string& valid, std::string_view alphabet, Parse parse,
                                          std::mt19937& rng)
{
    std::uniform_int_distribution<std::size_t> pos(0, valid.size() - 1);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    for (int i = 0; i < 20; ++i) {
        std::string mutated = valid;
        const std::size_t p = pos(rng);
        char c;
        do {
            c = alphabet[pick(rng)];
        } while (c == valid[p]);
        mutated[p] = c;
        INFO("valid " << valid << " mutated " << mutated);
        CHECK_FALSE(parse(mutated));
    }
}

} // namespace

TEST_CASE("generated ID numbers are valid and every single change is caught", "[id][property]")
{
    std::mt19937 rng(20261123);
    for (int n = 0; n < 500; ++n) {
        const std::string valid = random_id(rng);
        INFO(valid);
        REQUIRE(IdNumber::parse(valid, kToday));
        // One digit changed: the check character cannot match (11 is prime and no weight is 0 mod 11), or the
        // birth date breaks first.
        expect_single_substitutions_rejected(
            valid.substr(0, 17) + valid[17], "0123456789",
            [](const std::string& s) { return IdNumber::parse(s, kToday).has_value() && s.back() != 'X'; }, rng);
        // Adjacent transposition: neighbouring weights differ, so a swap of different digits is caught.
        for (std::size_t p = 0; p + 1 < 17; ++p) {
            if (valid[p] == valid[p + 1]) {
                continue;
            }
            std::string swapped = valid;
            std::swap(swapped[p], swapped[p + 1]);
            INFO("swapped " << swapped);
            CHECK_FALSE(IdNumber::parse(swapped, kToday));
        }
    }
}

TEST_CASE("generated credit codes are valid and every single change is caught", "[uscc][property]")
{
    constexpr std::string_view charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::mt19937 rng(32100);
    std::uniform_int_distribution<std::size_t> pick(0, charset.size() - 1);
    for (int n = 0; n < 500; ++n) {
        std::string first17;
        for (int i = 0; i < 17; ++i) {
            first17 += charset[pick(rng)];
        }
        const std::string valid = first17 + CreditCode::check_character(first17);
        REQUIRE(CreditCode::parse(valid));
        expect_single_substitutions_rejected(
            valid, charset, [](const std::string& s) { return CreditCode::parse(s).has_value(); }, rng);
    }
}

TEST_CASE("generated organisation codes are valid and digit changes are caught", "[orgcode][property]")
{
    std::mt19937 rng(11714);
    std::uniform_int_distribution<int> digit(0, 9);
    for (int n = 0; n < 500; ++n) {
        std::string body;
        for (int i = 0; i < 8; ++i) {
            body += static_cast<char>('0' + digit(rng));
        }
        const std::string valid = body + OrgCode::check_character(body);
        REQUIRE(OrgCode::parse(valid));
        // Digits only: a letter can differ from a digit by a multiple of 11 and slip through, as GB 11714 allows.
        expect_single_substitutions_rejected(
            valid, "0123456789", [](const std::string& s) { return OrgCode::parse(s).has_value(); }, rng);
    }
}
