#include "client/workflows/import/import_file_check.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

using namespace workflows;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

struct Run
{
    ImportCheckSummary summary;
    std::vector<BadRow> bad;
};

Run run(const std::string& text, ImportCheckOptions options)
{
    std::istringstream in(text);
    Run r;
    r.summary = check_import_file(in, options, kToday, [&](const BadRow& row) { r.bad.push_back(row); });
    return r;
}

} // namespace

TEST_CASE("an import file is checked row by row with line numbers", "[import]")
{
    const std::string file = "\xEF\xBB\xBF"
                             "name,id\r\n"
                             "张三,11010519491231002X\r\n"
                             "李四,110105194912310021\r\n"
                             "\r\n"
                             "王五\r\n"
                             "赵六,\"440524188001010014\"\r\n"
                             "钱七,11010519491231002x\r\n";
    const auto r = run(file, {IdentifierKind::id, 2, true, ','});
    CHECK(r.summary.rows == 5);
    CHECK(r.summary.valid == 2);
    CHECK(r.summary.invalid == 3);
    REQUIRE(r.bad.size() == 3);
    CHECK(r.bad[0].line == 3);
    CHECK(r.bad[0].reason == "E_ID_CHECK_CHAR expected=X");
    CHECK(r.bad[0].masked_value == "110105********0021"); // reports never carry the whole number
    CHECK(r.bad[1].line == 5);
    CHECK(r.bad[1].reason == "E_CSV_COLUMN_MISSING");
    CHECK(r.bad[2].line == 7);
    CHECK(r.bad[2].reason == "E_ID_LOWERCASE_X");
}

TEST_CASE("without a header the first line is data", "[import]")
{
    const auto r = run("11010519491231002X\n510101198001010015\n", {IdentifierKind::id, 1, false, ','});
    CHECK(r.summary.rows == 2);
    CHECK(r.summary.valid == 2);
    CHECK(r.bad.empty());
}

TEST_CASE("an empty file has no rows", "[import]")
{
    const auto r = run("", {IdentifierKind::phone, 1, false, ','});
    CHECK(r.summary.rows == 0);
    CHECK(r.bad.empty());
}
