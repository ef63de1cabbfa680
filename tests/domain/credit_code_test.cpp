#include "domain/credit_code.h"

#include <catch2/catch.hpp>

using namespace domain;

TEST_CASE("unified social credit codes from the reference", "[uscc]")
{
    for (const char* text : {"91110000600037341L", "91350100M00010000P", "12100000400000624D"}) {
        INFO(text);
        const auto code = CreditCode::parse(text);
        REQUIRE(code);
        CHECK(code->str() == text);
    }
    const auto code = CreditCode::parse("91110000600037341L");
    CHECK(code->registration_authority() == '9');
    CHECK(code->entity_type() == '1');
    CHECK(code->division_code() == "110000");
    CHECK(code->org_code() == "600037341");
    CHECK(code->org_code_consistent());
}

TEST_CASE("credit codes may begin with a letter", "[uscc]")
{
    const std::string first17 = "Y1110000MA0000000";
    const auto code = CreditCode::parse(first17 + CreditCode::check_character(first17));
    REQUIRE(code);
    CHECK(code->registration_authority() == 'Y');
}

TEST_CASE("a bad embedded organisation code is only a warning", "[uscc]")
{
    const std::string first17 = "91110000600037342"; // embedded org code 60003734-2 fails GB 11714
    const auto code = CreditCode::parse(first17 + CreditCode::check_character(first17));
    REQUIRE(code);
    CHECK_FALSE(code->org_code_consistent());
}

TEST_CASE("credit code rejections", "[uscc]")
{
    struct Row
    {
        const char* text;
        Errc code;
    };
    const Row rows[] = {
        {"", Errc::empty},
        {"91110000600037341", Errc::bad_length},
        {"91110000600037341L0", Errc::bad_length},
        {"91110000600037341l", Errc::uscc_lowercase},
        {"91110000600037341I", Errc::bad_character}, // I, O, S, V, Z are not in the set
        {"9111000060003734OL", Errc::bad_character},
        {"91110000600037341M", Errc::uscc_check_char},
        {"9111000060003 7341L", Errc::whitespace},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto code = CreditCode::parse(row.text);
        REQUIRE_FALSE(code);
        CHECK(code_name(code.error().code) == code_name(row.code));
    }
    CHECK(CreditCode::parse("91110000600037341M").error().param("expected") == "L");
}
