#include "domain/id_number.h"

#include <catch2/catch.hpp>

using namespace domain;

namespace {
constexpr Date kToday = make_date(2026, 11, 23);
}

TEST_CASE("valid resident ID numbers from the reference", "[id]")
{
    struct Row
    {
        const char* number;
        Date birth;
        Sex sex;
        int region;
    };
    const Row rows[] = {
        {"11010519491231002X", make_date(1949, 12, 31), Sex::female, 110105},
        {"440524188001010014", make_date(1880, 1, 1), Sex::male, 440524},
        {"11010119900307803X", make_date(1990, 3, 7), Sex::male, 110101},
        {"510101198001010015", make_date(1980, 1, 1), Sex::male, 510101},
    };
    for (const auto& row : rows) {
        INFO(row.number);
        const auto id = IdNumber::parse(row.number, kToday);
        REQUIRE(id);
        CHECK(id->str() == row.number);
        CHECK(id->kind() == IdKind::resident);
        CHECK(id->birth_date() == row.birth);
        CHECK(id->sex() == row.sex);
        CHECK(id->region_code() == row.region);
        CHECK(id->region_known());
        CHECK_FALSE(id->converted_from_15());
    }
}

TEST_CASE("check character follows ISO 7064 MOD 11-2", "[id]")
{
    CHECK(IdNumber::check_character("11010519491231002") == 'X');
    CHECK(IdNumber::check_character("44052418800101001") == '4');
    CHECK(IdNumber::check_character("11010119900307803") == 'X');
    CHECK(IdNumber::check_character("51010119800101001") == '5');
}

TEST_CASE("bad input of every shape is refused with a specific code", "[id]")
{
    struct Row
    {
        const char* text;
        Errc code;
        const char* param;
        const char* value;
    };
    const Row rows[] = {
        {"", Errc::empty, "", ""},
        {" 11010519491231002X", Errc::whitespace, "position", "1"},
        {"11010519491231002X ", Errc::whitespace, "position", "19"},
        {"110105 19491231002X", Errc::whitespace, "position", "7"},
        {"\xEF\xBC\x91\x31\x30\x31\x30\x35\x31\x39\x34\x39\x31\x32\x33\x31\x30\x30\x32X", Errc::fullwidth, "position",
         "1"},
        {"11010519491231002x", Errc::id_lowercase_x, "", ""},
        {"1101051949123100X", Errc::bad_length, "length", "17"},
        {"11010519491231002X1", Errc::bad_length, "length", "19"},
        {"11010519491231002Y", Errc::bad_character, "position", "18"},
        {"1101051949123X002X", Errc::bad_character, "position", "14"},
        {"11010519491231002\xC3\xA9", Errc::bad_character, "position", "18"},
        {"11010519491231002\x01", Errc::bad_character, "position", "18"},
        {"110105194912310021", Errc::id_check_char, "expected", "X"},
        {"110105194913310021", Errc::id_birth_date, "birth", "19491331"},
        {"110105194902300021", Errc::id_birth_date, "birth", "19490230"},
        {"110105170001010021", Errc::id_birth_date, "birth", "17000101"},
        {"010105194912310021", Errc::id_region_format, "region", "010105"},
        {"811234199001010021", Errc::id_permit_prefix, "region", "811234"},
    };
    for (const auto& row : rows) {
        INFO("input: " << row.text);
        const auto id = IdNumber::parse(row.text, kToday);
        REQUIRE_FALSE(id);
        CHECK(code_name(id.error().code) == code_name(row.code));
        if (*row.param != '\0') {
            CHECK(id.error().param(row.param) == row.value);
        }
    }
}

TEST_CASE("birth date boundaries: 29 February, today and tomorrow", "[id]")
{
    const auto with_birth = [](const std::string& birth) {
        std::string first17 = "110105" + birth + "002";
        return first17 + IdNumber::check_character(first17);
    };
    SECTION("29 February exists only in leap years")
    {
        CHECK(IdNumber::parse(with_birth("20000229"), kToday));
        CHECK(IdNumber::parse(with_birth("20240229"), kToday));
        const auto not_leap = IdNumber::parse(with_birth("19000229"), kToday);
        REQUIRE_FALSE(not_leap);
        CHECK(not_leap.error().code == Errc::id_birth_date);
        CHECK_FALSE(IdNumber::parse(with_birth("20230229"), kToday));
    }
    SECTION("born today is valid, tomorrow is in the future")
    {
        CHECK(IdNumber::parse(with_birth("20261123"), kToday));
        const auto tomorrow = IdNumber::parse(with_birth("20261124"), kToday);
        REQUIRE_FALSE(tomorrow);
        CHECK(tomorrow.error().code == Errc::id_birth_future);
        CHECK(tomorrow.error().param("birth") == "20261124");
    }
}

TEST_CASE("15-digit first-generation numbers are converted to 18", "[id]")
{
    const auto id = IdNumber::parse("110105491231002", kToday);
    REQUIRE(id);
    CHECK(id->str() == "11010519491231002X");
    CHECK(id->converted_from_15());
    CHECK(id->birth_date() == make_date(1949, 12, 31));

    const auto bad_date = IdNumber::parse("110105491331002", kToday);
    REQUIRE_FALSE(bad_date);
    CHECK(bad_date.error().code == Errc::id_birth_date);
    CHECK(IdNumber::parse("11010549123100A", kToday).error().code == Errc::bad_character);
}

TEST_CASE("an unknown region code is a warning, not a rejection", "[id]")
{
    std::string first17 = "999999"; // foreigner form begins with 9, so use an unassigned resident region instead
    first17 = "110199"
              "19900101"
              "123";
    const auto id = IdNumber::parse(first17 + IdNumber::check_character(first17), kToday);
    REQUIRE(id);
    CHECK(id->region_code() == 110199);
    CHECK_FALSE(id->region_known());
}

TEST_CASE("historical region codes are known", "[id]")
{
    // 110103 崇文区 and 110104 宣武区 were merged away in 2010; people still carry them.
    for (const char* region : {"110103", "110104"}) {
        std::string first17 = std::string(region) + "19700101" + "001";
        const auto id = IdNumber::parse(first17 + IdNumber::check_character(first17), kToday);
        REQUIRE(id);
        CHECK(id->region_known());
    }
}

TEST_CASE("residence permits for Hong Kong, Macao and Taiwan residents", "[id]")
{
    for (const char* prefix : {"810000", "820000", "830000"}) {
        std::string first17 = std::string(prefix) + "19850615" + "002";
        const auto id = IdNumber::parse(first17 + IdNumber::check_character(first17), kToday);
        INFO(prefix);
        REQUIRE(id);
        CHECK(id->kind() == IdKind::hmt_residence_permit);
        CHECK(id->region_known());
        CHECK(id->sex() == Sex::female);
    }
}

TEST_CASE("foreigner permanent residence numbers are recognised", "[id]")
{
    SECTION("2023 form: 18 characters beginning with 9, same check algorithm")
    {
        std::string first17 = "931840"
                              "19800101"
                              "001"; // 9, province 31, nationality 840, birth, sequence
        const auto id = IdNumber::parse(first17 + IdNumber::check_character(first17), kToday);
        REQUIRE(id);
        CHECK(id->kind() == IdKind::foreign_permanent_2023);
        CHECK(id->birth_date() == make_date(1980, 1, 1));
        CHECK(id->sex() == Sex::male);
        CHECK(IdNumber::parse(first17 + (IdNumber::check_character(first17) == '0' ? '1' : '0'), kToday).error().code ==
              Errc::id_check_char);
    }
    SECTION("2017 form: nationality letters, office, YYMMDD, sequence")
    {
        const auto id = IdNumber::parse("USA110085061521", kToday);
        REQUIRE(id);
        CHECK(id->kind() == IdKind::foreign_permanent_2017);
        CHECK(id->birth_date() == make_date(1985, 6, 15));
        CHECK_FALSE(id->sex().has_value());
        CHECK(IdNumber::parse("Usa110085061521", kToday).error().code == Errc::id_foreign_nationality);
        CHECK(IdNumber::parse("USA110085133121", kToday).error().code == Errc::id_birth_date);
        CHECK(IdNumber::parse("USA11008506152A", kToday).error().code == Errc::bad_character);
    }
}
