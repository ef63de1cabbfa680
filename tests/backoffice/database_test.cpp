// The back office's SQLite connections are set up as issue #3 and docs/PERFORMANCE.md say: WAL, synchronous=FULL
// (an answered write survives power loss), statement journals in memory (each write's savepoint copies pages there;
// on disk that was a system call per page), and a savepoint rolled back alone leaves the rest of its batch's
// transaction as it was.

#include "services/backoffice/db/database.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace backoffice;

namespace {

struct Pragmas
{
    std::string journal_mode;
    int synchronous = -1;
    int temp_store = -1;
};

Pragmas pragmas(soci::session& sql)
{
    Pragmas p;
    sql << "PRAGMA journal_mode", soci::into(p.journal_mode);
    sql << "PRAGMA synchronous", soci::into(p.synchronous);
    sql << "PRAGMA temp_store", soci::into(p.temp_store);
    return p;
}

} // namespace

TEST_CASE("every SQLite connection of the back office is durable and keeps statement journals in memory",
          "[backoffice][db]")
{
    testing::TempDir dir("counter-bo-db");
    const auto target = db::parse_target("sqlite:" + (dir.path() / "bo.db").string());
    REQUIRE(target);
    db::Database database(*target, 2);

    auto check = [](soci::session& sql) {
        const auto p = pragmas(sql);
        CHECK(p.journal_mode == "wal");
        CHECK(p.synchronous == 2); // FULL
        CHECK(p.temp_store == 2);  // MEMORY
    };
    check(database.writer());
    for (int i = 0; i < 2; ++i) {
        soci::session reader(database.pool());
        check(reader);
    }
    check(*database.open());
}

TEST_CASE("a savepoint rolled back inside a batch undoes only its own write", "[backoffice][db]")
{
    testing::TempDir dir("counter-bo-db");
    db::Database database(*db::parse_target("sqlite:" + (dir.path() / "bo.db").string()), 1);
    auto& sql = database.writer();
    sql << "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)";
    // Enough rows that the savepoint's journal outgrows SQLite's 64 KiB in-memory threshold, where it used to spill.
    sql.begin();
    for (int batch = 0; batch < 3; ++batch) {
        sql << "SAVEPOINT job";
        for (int i = 0; i < 400; ++i) {
            const int key = batch * 1000 + i;
            const std::string value(200, static_cast<char>('a' + batch));
            sql << "INSERT INTO t (k, v) VALUES (:k, :v)", soci::use(key), soci::use(value);
        }
        if (batch == 1) {
            sql << "ROLLBACK TO SAVEPOINT job";
        }
        sql << "RELEASE SAVEPOINT job";
    }
    sql.commit();
    int rows = 0;
    int second = 0;
    sql << "SELECT COUNT(*) FROM t", soci::into(rows);
    sql << "SELECT COUNT(*) FROM t WHERE k BETWEEN 1000 AND 1999", soci::into(second);
    CHECK(rows == 800);
    CHECK(second == 0);
}

TEST_CASE("an SQLite path with spaces given as --db opens that file", "[backoffice][db]")
{
    // The default is DATA-DIR/backoffice.db, and --data-dir "/srv/back office" put the database in "/srv/back".
    testing::TempDir dir("counter-bo-db");
    const auto file = dir.path() / "back office" / "bo.db";
    std::filesystem::create_directories(file.parent_path());
    const auto target = db::parse_target("sqlite:" + file.string());
    REQUIRE(target);
    {
        db::Database database(*target, 1);
        database.writer() << "CREATE TABLE marker (x INTEGER)";
    }
    CHECK(std::filesystem::exists(file));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "back"));
    CHECK_THROWS_AS(db::parse_target("sqlite:/srv/a\"b.db"), std::invalid_argument); // SOCI cannot carry it
}
