#include "client/store/database.h"
#include "client/store/schema.h"
#include "common/sql/migrations.h"
#include "common/sql/sqlite_file.h"
#include "tests/support/temp_dir.h"

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <soci/sqlite3/soci-sqlite3.h>

namespace fs = std::filesystem;

TEST_CASE("opening a new database applies the workstation schema", "[store]")
{
    testing::TempDir dir("counter-store");
    auto db = store::open_database(dir.path() / "cache.db");
    auto& session = *db;
    CHECK(sql::schema_version(session) == store::workstation_schema().back().version);
    std::string mode;
    session << "PRAGMA journal_mode", soci::into(mode);
    CHECK(mode == "wal");
    session << "INSERT INTO settings (key, value) VALUES ('printer', 'A4')";
    int count = 0;
    session << "SELECT COUNT(*) FROM settings", soci::into(count);
    CHECK(count == 1);
}

TEST_CASE("reopening keeps data and applies nothing twice", "[store]")
{
    testing::TempDir dir("counter-store");
    {
        auto db = store::open_database(dir.path() / "cache.db");
        *db << "INSERT INTO settings (key, value) VALUES ('lang', 'zh_CN')";
    }
    auto db = store::open_database(dir.path() / "cache.db");
    auto& session = *db;
    int rows = 0;
    session << "SELECT COUNT(*) FROM schema_version", soci::into(rows);
    CHECK(rows == static_cast<int>(store::workstation_schema().size()));
    std::string lang;
    session << "SELECT value FROM settings WHERE key = 'lang'", soci::into(lang);
    CHECK(lang == "zh_CN");
}

TEST_CASE("a failing migration leaves the previous version intact", "[store]")
{
    testing::TempDir dir("counter-store");
    soci::session session(soci::sqlite3, sql::sqlite_connect_string(dir.path() / "m.db"));
    const std::array<sql::Migration, 2> migrations{{
        {1, "one", {"CREATE TABLE a (x INTEGER)"}},
        {2, "two", {"CREATE TABLE b (y INTEGER)", "THIS IS NOT SQL"}},
    }};
    REQUIRE_THROWS_AS(sql::migrate(session, migrations), sql::SchemaError);
    CHECK(sql::schema_version(session) == 1);
    int tables = 0;
    session << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'", soci::into(tables);
    CHECK(tables == 0); // rolled back with its version
}

TEST_CASE("a database from a newer program is refused, not downgraded", "[store]")
{
    testing::TempDir dir("counter-store");
    soci::session session(soci::sqlite3, sql::sqlite_connect_string(dir.path() / "n.db"));
    const std::array<sql::Migration, 2> newer{
        {{1, "one", {"CREATE TABLE a (x INTEGER)"}}, {2, "two", {"CREATE TABLE b (y INTEGER)"}}}};
    sql::migrate(session, newer);
    try {
        sql::migrate(session, std::span(newer).first(1));
        FAIL("expected SchemaError");
    } catch (const sql::SchemaError& e) {
        CHECK(e.code() == "E_SCHEMA_NEWER");
    }
}
