#include "client/workflows/import/csv_line.h"

#include <catch2/catch.hpp>

using namespace workflows;

TEST_CASE("CSV fields, plain and quoted", "[csv]")
{
    CHECK(csv_field("a,b,c", 1).value == "a");
    CHECK(csv_field("a,b,c", 3).value == "c");
    CHECK(csv_field("a,,c", 2).value.empty());
    CHECK(csv_field("a,b,", 3).value.empty());
    CHECK(csv_field("\"x,y\",z", 1).value == "x,y");
    CHECK(csv_field("\"x,y\",z", 2).value == "z");
    CHECK(csv_field("1,\"say \"\"hi\"\"\"", 2).value == "say \"hi\"");
    CHECK(csv_field("张三;110105", 2, ';').value == "110105");
}

TEST_CASE("CSV problems are reported, not guessed", "[csv]")
{
    CHECK(csv_field("a,b", 3).status == CsvFieldStatus::missing);
    CHECK(csv_field("\"open,b", 2).status == CsvFieldStatus::bad_quote);
    CHECK(csv_field("\"a\"b,c", 2).status == CsvFieldStatus::bad_quote);
    CHECK(csv_field("", 1).status == CsvFieldStatus::ok);
}
