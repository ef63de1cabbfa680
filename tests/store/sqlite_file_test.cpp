// SQLite files in folders whose names have spaces, as Windows user folders often do ("C:\Users\Zhang San\…"), and
// Chinese: the workstation's cache is the file in that folder and nothing appears anywhere else. Before, SOCI read
// "db=/x/a b/cache.db" as the file "/x/a".

#include "client/store/database.h"
#include "common/sql/sqlite_file.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <random>
#include <soci/soci.h>

namespace {

std::size_t entries_in(const std::filesystem::path& dir)
{
    return static_cast<std::size_t>(
        std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()));
}

} // namespace

TEST_CASE("a cache in a folder with spaces or Chinese in its name is the file there", "[store][sqlite]")
{
    testing::TempDir dir("counter-sqlite-path");
    const char* folders[] = {"Zhang San",   "two  spaces",   "trailing ", " leading",
                             "营业厅 一号", "x=1 timeout=0", "plain"};
    for (const char* folder : folders) {
        INFO(folder);
        const auto file = dir.path() / std::filesystem::u8path(folder) / "cache.db";
        std::filesystem::create_directories(file.parent_path());
        {
            auto db = store::open_database(file);
            *db << "CREATE TABLE marker (folder TEXT)";
            const std::string name = folder; // SOCI binds by reference
            *db << "INSERT INTO marker VALUES (:f)", soci::use(name);
        }
        CHECK(std::filesystem::exists(file));
        // Reopened, it is the same database.
        auto again = store::open_database(file);
        std::string stored;
        *again << "SELECT folder FROM marker", soci::into(stored);
        CHECK(stored == folder);
    }
    // Nothing beside the folders: no file named after a path's first word.
    CHECK(entries_in(dir.path()) == std::size(folders));
}

TEST_CASE("every SQLite path SOCI can carry is quoted whole, and one with a quote is refused",
          "[store][sqlite][property]")
{
    std::mt19937 random(1204);
    const std::string alphabet = "ab Z9 =_-.\\/";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(1, 24);
    for (int i = 0; i < 300; ++i) {
        std::string path = "/";
        for (int n = length(random); n > 0; --n) {
            path += alphabet[pick(random)];
        }
        INFO(path);
        CHECK(sql::sqlite_connect_string(path) == "db=\"" + path + "\"");
        auto spoilt = path;
        spoilt.insert(std::uniform_int_distribution<std::size_t>(0, path.size())(random), 1, '"');
        CHECK_THROWS_AS(sql::sqlite_connect_string(spoilt), std::invalid_argument);
    }
    CHECK_THROWS_AS(sql::sqlite_connect_string(""), std::invalid_argument);
}
