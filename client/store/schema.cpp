#include "client/store/schema.h"

#include <array>

namespace store {

std::span<const sql::Migration> workstation_schema()
{
    // NOLINTBEGIN(bugprone-suspicious-missing-comma): adjacent literals are one statement each
    static const std::array<sql::Migration, 2> migrations{{
        {1,
         "settings and audit log",
         {
             // Workstation settings that belong to this machine (back office, printers, offsets).
             "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             // Every view, print and order, with the staff number; times are UTC.
             "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, staff TEXT NOT NULL, "
             "action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX audit_log_at ON audit_log (at)",
         }},
        {2,
         "cache, orders, payments, outbox and sync",
         {
             // Customers as the back office last sent them (`document`, the contract's XML), with the columns the
             // counter searches on. A customer made here and not yet accepted is provisional.
             "CREATE TABLE customers (customer_id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "
             "id_number TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL "
             "DEFAULT 0, provisional INTEGER NOT NULL DEFAULT 0, cached_at TEXT NOT NULL, document TEXT NOT NULL)",
             "CREATE INDEX customers_id_number ON customers (id_number)",
             "CREATE INDEX customers_kind ON customers (kind)",
             "CREATE TABLE customer_services (service_number TEXT PRIMARY KEY, customer_id TEXT NOT NULL)",
             "CREATE INDEX customer_services_customer ON customer_services (customer_id)",
             // Trigram full-text index over names and addresses: substring search that works for Chinese
             // without a word splitter (FTS5 'trigram', SQLite ≥ 3.34). Kept in step by CustomerCache, not by
             // triggers, so a first sync of a million customers can index once at the end (see BulkLoad).
             "CREATE VIRTUAL TABLE customer_text USING fts5(name, address, content='customers', "
             "content_rowid='rowid', tokenize='trigram')",

             // The catalog as one versioned document, and the standard-address tree as far as it was fetched.
             "CREATE TABLE catalog (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, "
             "fetched_at TEXT NOT NULL, document TEXT NOT NULL)",
             "CREATE TABLE addresses (address_id TEXT PRIMARY KEY, parent_id TEXT, level TEXT NOT NULL, "
             "name TEXT NOT NULL, full_name TEXT NOT NULL)",
             "CREATE INDEX addresses_parent ON addresses (parent_id)",
             "CREATE VIRTUAL TABLE address_text USING fts5(full_name, content='addresses', content_rowid='rowid', "
             "tokenize='trigram')",
             "CREATE TRIGGER addresses_ai AFTER INSERT ON addresses BEGIN "
             "INSERT INTO address_text (rowid, full_name) VALUES (new.rowid, new.full_name); END",
             "CREATE TRIGGER addresses_ad AFTER DELETE ON addresses BEGIN "
             "INSERT INTO address_text (address_text, rowid, full_name) VALUES ('delete', old.rowid, old.full_name); "
             "END",
             "CREATE TRIGGER addresses_au AFTER UPDATE OF full_name ON addresses BEGIN "
             "INSERT INTO address_text (address_text, rowid, full_name) VALUES ('delete', old.rowid, old.full_name); "
             "INSERT INTO address_text (rowid, full_name) VALUES (new.rowid, new.full_name); END",

             // Orders the counter accepted (local_id is the workstation's own id, the order's externalId) and
             // orders it learnt of; order_id is the back office's number once known.
             "CREATE TABLE orders (local_id TEXT PRIMARY KEY, order_id TEXT UNIQUE, customer_id TEXT NOT NULL, "
             "order_type TEXT NOT NULL, state TEXT NOT NULL, provisional INTEGER NOT NULL DEFAULT 0, "
             "total_fen INTEGER NOT NULL DEFAULT 0, staff TEXT NOT NULL, created_at TEXT NOT NULL, "
             "updated_at TEXT NOT NULL, document TEXT NOT NULL)",
             "CREATE INDEX orders_customer ON orders (customer_id)",
             "CREATE TABLE order_events (local_id TEXT NOT NULL REFERENCES orders (local_id), seq INTEGER NOT NULL, "
             "state TEXT NOT NULL, at TEXT NOT NULL, staff TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '', "
             "PRIMARY KEY (local_id, seq))",
             // Money taken at this counter. A payment for an order not yet accepted waits for its order number
             // (state awaitingOrder) and is queued when the order is acknowledged, with the key chosen here.
             "CREATE TABLE payments (local_id TEXT PRIMARY KEY, payment_id TEXT UNIQUE, order_local_id TEXT, "
             "account_id TEXT, amount_fen INTEGER NOT NULL, method TEXT NOT NULL, state TEXT NOT NULL, "
             "idem_key TEXT NOT NULL UNIQUE, staff TEXT NOT NULL, created_at TEXT NOT NULL, "
             "document TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX payments_order ON payments (order_local_id)",

             // The one write path to the back office: a write is recorded here in the same transaction as its
             // local record, and the sync worker sends it with its key until it has an answer.
             "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, idem_key TEXT NOT NULL UNIQUE, "
             "operation TEXT NOT NULL, body TEXT NOT NULL, subject TEXT NOT NULL, staff TEXT NOT NULL, "
             "created_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, "
             "next_attempt_at TEXT NOT NULL, last_error TEXT NOT NULL DEFAULT '', response TEXT)",
             "CREATE INDEX outbox_due ON outbox (state, id)",
             "CREATE INDEX outbox_subject ON outbox (subject, state, id)",
             // Writes the back office refused, for the clerk to retry, edit or discard.
             "CREATE TABLE sync_errors (id INTEGER PRIMARY KEY, outbox_id INTEGER NOT NULL REFERENCES outbox (id), "
             "code TEXT NOT NULL, params TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, "
             "resolution TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX sync_errors_open ON sync_errors (resolution)",
             // Delta-sync cursors per scope (e.g. the customer manager's staff number).
             "CREATE TABLE sync_cursors (scope TEXT PRIMARY KEY, cursor INTEGER NOT NULL, as_of TEXT NOT NULL)",
         }},
    }};
    // NOLINTEND(bugprone-suspicious-missing-comma)
    return migrations;
}

} // namespace store
