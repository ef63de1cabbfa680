#include "printing/calibration.h"

#include <catch2/catch.hpp>

using printing::Offsets;

TEST_CASE("the settings key names the printer and the form", "[calibration]")
{
    CHECK(printing::offset_setting_key("EPSON-LQ-630K", "acceptance") == "print.offset.EPSON-LQ-630K.acceptance");
    CHECK(printing::offset_setting_key("HP LaserJet 1020.1", "receipt") ==
          "print.offset.HP%20LaserJet%201020%2E1.receipt");
    CHECK(printing::offset_setting_key("前台打印机", "receipt") ==
          "print.offset.%E5%89%8D%E5%8F%B0%E6%89%93%E5%8D%B0%E6%9C%BA.receipt");
}

TEST_CASE("offsets read and write as x,y in millimetres", "[calibration]")
{
    CHECK(printing::format_offsets({1.5, -0.8}) == "1.5,-0.8");
    CHECK(printing::format_offsets({0, 0}) == "0,0");
    CHECK(printing::format_offsets({-0.001, 2.25}) == "0,2.25");
    for (const auto& offsets : {Offsets{1.5, -0.8}, Offsets{-12.25, 30}, Offsets{0, 0}}) {
        const auto text = printing::format_offsets(offsets);
        const auto back = printing::parse_offsets(text);
        REQUIRE(std::holds_alternative<Offsets>(back));
        CHECK(std::get<Offsets>(back) == offsets);
    }
    const auto spaced = printing::parse_offsets(" +2 mm , -1.5mm ");
    REQUIRE(std::holds_alternative<Offsets>(spaced));
    CHECK(std::get<Offsets>(spaced) == Offsets{2, -1.5});
}

TEST_CASE("bad offsets are refused with the reason", "[calibration][errors]")
{
    struct Row
    {
        const char* text;
        const char* code;
        const char* param;
        const char* value;
    };
    const Row rows[] = {
        {"", "E_OFFSET_FORMAT", "text", ""},           {"1.5", "E_OFFSET_FORMAT", "text", "1.5"},
        {"1.5;2", "E_OFFSET_FORMAT", "text", "1.5;2"}, {"a,b", "E_OFFSET_FORMAT", "text", "a,b"},
        {"1,2,3", "E_OFFSET_FORMAT", "text", "1,2,3"}, {"inf,0", "E_OFFSET_FORMAT", "text", "inf,0"},
        {"nan,0", "E_OFFSET_FORMAT", "text", "nan,0"}, {"1in,0", "E_OFFSET_FORMAT", "text", "1in,0"},
        {"31,0", "E_OFFSET_RANGE", "axis", "x"},       {"0,-40.5", "E_OFFSET_RANGE", "value", "-40.5"},
    };
    for (const auto& row : rows) {
        INFO("\"" << row.text << "\"");
        const auto parsed = printing::parse_offsets(row.text);
        const auto* error = printing::error_of(parsed);
        REQUIRE(error != nullptr);
        CHECK(error->code == row.code);
        CHECK(error->param(row.param) == row.value);
    }
}
