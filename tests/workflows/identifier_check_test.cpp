#include "client/workflows/acceptance/identifier_check.h"
#include "domain/id_number.h"

#include <catch2/catch.hpp>

using namespace workflows;

namespace {
constexpr auto kToday = domain::make_date(2026, 11, 23);
}

TEST_CASE("identifier kinds by name", "[check]")
{
    CHECK(identifier_kind_from_string("id") == IdentifierKind::id);
    CHECK(identifier_kind_from_string("short") == IdentifierKind::short_number);
    CHECK_FALSE(identifier_kind_from_string("ID"));
}

TEST_CASE("verdicts carry the canonical value and warnings", "[check]")
{
    const auto converted = check_identifier(IdentifierKind::id, "110105491231002", kToday);
    CHECK(converted.valid());
    CHECK(converted.canonical == "11010519491231002X");

    std::string first17 = "110199"
                          "19900101"
                          "123";
    first17 += domain::IdNumber::check_character(first17);
    const auto unknown_region = check_identifier(IdentifierKind::id, first17, kToday);
    CHECK(unknown_region.valid());
    CHECK(unknown_region.warnings == std::vector<std::string>{"W_ID_REGION_UNKNOWN"});

    CHECK(check_identifier(IdentifierKind::orgcode, "600037341", kToday).canonical == "60003734-1");
    CHECK(check_identifier(IdentifierKind::phone, "01062345678", kToday).canonical == "010-62345678");
    const auto bad = check_identifier(IdentifierKind::uscc, "91110000600037341M", kToday);
    REQUIRE_FALSE(bad.valid());
    CHECK(bad.problem->to_string() == "E_USCC_CHECK_CHAR expected=L");
}
