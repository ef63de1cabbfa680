// Proves the private PostgreSQL cluster (tests/backoffice/pg_cluster.sh, started by the ctest fixture `postgres`)
// works through SOCI the way the back office will use it: transactions, UPDATE ... RETURNING, UTF-8 text, and
// committed data seen by a second connection. COUNTER_PG_CONNINFO_FILE names the file with the connection string.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <string>

namespace {

std::string conninfo()
{
    const char* const file = std::getenv("COUNTER_PG_CONNINFO_FILE");
    INFO("COUNTER_PG_CONNINFO_FILE is set by ctest with the fixture `postgres` (tests/backoffice/pg_fixture.cmake)");
    REQUIRE(file != nullptr);
    std::ifstream in(file);
    INFO("conninfo file: " << file);
    REQUIRE(in.good());
    std::string line;
    std::getline(in, line);
    REQUIRE_FALSE(line.empty());
    return line;
}

// Each case has its own table: ctest runs the cases as separate processes, possibly at the same time.
void recreate(soci::session& sql, const std::string& table)
{
    sql << "DROP TABLE IF EXISTS " + table;
    sql << "CREATE TABLE " + table +
               " (id BIGINT PRIMARY KEY, name TEXT NOT NULL, balance_fen BIGINT NOT NULL DEFAULT 0)";
}

long long count_rows(soci::session& sql, const std::string& table)
{
    long long n = -1;
    sql << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

} // namespace

TEST_CASE("pg smoke: the cluster answers on loopback as user counter", "[postgres]")
{
    soci::session sql(soci::postgresql, conninfo());
    std::string user;
    std::string database;
    std::string encoding;
    sql << "SELECT current_user, current_database(), pg_client_encoding()", soci::into(user), soci::into(database),
        soci::into(encoding);
    CHECK(user == "counter");
    CHECK(database == "counter_test");
    CHECK(encoding == "UTF8");
}

TEST_CASE("pg smoke: a transaction commits or rolls back as a whole", "[postgres]")
{
    soci::session sql(soci::postgresql, conninfo());
    recreate(sql, "pg_smoke_tx");

    {
        soci::transaction tr(sql);
        long long id = 1;
        std::string name = "张三";
        sql << "INSERT INTO pg_smoke_tx (id, name) VALUES (:id, :name)", soci::use(id), soci::use(name);
        id = 2;
        name = "李四";
        sql << "INSERT INTO pg_smoke_tx (id, name) VALUES (:id, :name)", soci::use(id), soci::use(name);
        tr.commit();
    }
    CHECK(count_rows(sql, "pg_smoke_tx") == 2);

    {
        soci::transaction tr(sql);
        sql << "INSERT INTO pg_smoke_tx (id, name) VALUES (3, 'rolled back')";
        tr.rollback();
    }
    {
        soci::transaction tr(sql); // neither committed nor rolled back: the destructor rolls back
        sql << "INSERT INTO pg_smoke_tx (id, name) VALUES (4, 'abandoned')";
    }
    CHECK(count_rows(sql, "pg_smoke_tx") == 2);

    // A failing statement inside a transaction: SOCI throws, the transaction rolls back the earlier insert too.
    {
        soci::transaction tr(sql);
        sql << "INSERT INTO pg_smoke_tx (id, name) VALUES (5, 'before the error')";
        CHECK_THROWS_AS((sql << "INSERT INTO pg_smoke_tx (id, name) VALUES (1, 'duplicate key')"), soci::soci_error);
    }
    CHECK(count_rows(sql, "pg_smoke_tx") == 2);

    std::string name;
    const long long id = 1;
    sql << "SELECT name FROM pg_smoke_tx WHERE id = :id", soci::use(id), soci::into(name);
    CHECK(name == "张三"); // UTF-8 round trip
    sql << "DROP TABLE pg_smoke_tx";
}

TEST_CASE("pg smoke: UPDATE RETURNING gives the new value", "[postgres]")
{
    soci::session sql(soci::postgresql, conninfo());
    recreate(sql, "pg_smoke_returning");
    sql << "INSERT INTO pg_smoke_returning (id, name, balance_fen) VALUES (7, 'account', 10000)";

    long long balance = 0;
    const long long id = 7;
    const long long charge = -2550;
    sql << "UPDATE pg_smoke_returning SET balance_fen = balance_fen + :charge WHERE id = :id RETURNING balance_fen",
        soci::use(charge), soci::use(id), soci::into(balance);
    REQUIRE(sql.got_data());
    CHECK(balance == 7450);

    const long long missing = 8;
    sql << "UPDATE pg_smoke_returning SET balance_fen = 0 WHERE id = :id RETURNING balance_fen", soci::use(missing),
        soci::into(balance);
    CHECK_FALSE(sql.got_data());
    sql << "DROP TABLE pg_smoke_returning";
}

TEST_CASE("pg smoke: a second session sees only committed data", "[postgres]")
{
    const std::string info = conninfo();
    soci::session writer(soci::postgresql, info);
    soci::session reader(soci::postgresql, info);
    recreate(writer, "pg_smoke_sessions");

    soci::transaction tr(writer);
    writer << "INSERT INTO pg_smoke_sessions (id, name) VALUES (1, 'pending')";
    CHECK(count_rows(writer, "pg_smoke_sessions") == 1);
    CHECK(count_rows(reader, "pg_smoke_sessions") == 0);
    tr.commit();
    CHECK(count_rows(reader, "pg_smoke_sessions") == 1);

    std::string name;
    reader << "SELECT name FROM pg_smoke_sessions WHERE id = 1", soci::into(name);
    CHECK(name == "pending");
    writer << "DROP TABLE pg_smoke_sessions";
}
