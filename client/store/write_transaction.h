#pragma once
/// A transaction that writes: BEGIN IMMEDIATE takes the write lock at once, waiting (busy timeout) for the sync
/// worker's batch to finish. A plain deferred BEGIN starts as a reader and, in WAL mode, can be refused the upgrade
/// to writer without waiting (SQLITE_BUSY_SNAPSHOT) when another connection committed in between: a clerk's save
/// must wait, never fail. Rolled back unless committed.

#include <soci/soci.h>

namespace store {

class WriteTransaction
{
public:
    explicit WriteTransaction(soci::session& sql) : m_sql(sql) { m_sql << "BEGIN IMMEDIATE"; }
    ~WriteTransaction()
    {
        if (!m_done) {
            try {
                m_sql << "ROLLBACK";
            } catch (const soci::soci_error&) {
                // Nothing more to undo: SQLite already rolled back after the error that brought us here.
            }
        }
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit()
    {
        m_sql << "COMMIT";
        m_done = true;
    }

private:
    soci::session& m_sql;
    bool m_done = false;
};

} // namespace store
