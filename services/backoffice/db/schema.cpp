#include "services/backoffice/db/schema.h"

#include <array>

namespace backoffice::db {

std::span<const sql::Migration> backoffice_schema()
{
    // Long statements are split over lines by literal concatenation, which is what this check suspects.
    // NOLINTBEGIN(bugprone-suspicious-missing-comma)
    static const std::array<sql::Migration, 2> migrations{{
        {1,
         "initial",
         {
             "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
             // Sequences as rows: UPDATE … RETURNING is atomic on both databases and keeps ids readable.
             "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
             "CREATE TABLE halls (hall_id TEXT PRIMARY KEY, name TEXT NOT NULL)",

             "CREATE TABLE staff (staff_id TEXT PRIMARY KEY, name TEXT NOT NULL, hall_id TEXT NOT NULL, "
             "password_hash TEXT NOT NULL, enabled INTEGER NOT NULL, built_in INTEGER NOT NULL, "
             "failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT, must_change INTEGER NOT NULL, "
             "deleted INTEGER NOT NULL DEFAULT 0)",
             "CREATE TABLE roles (role_id TEXT PRIMARY KEY, name TEXT NOT NULL, built_in INTEGER NOT NULL)",
             "CREATE TABLE role_permissions (role_id TEXT NOT NULL, permission TEXT NOT NULL, "
             "PRIMARY KEY (role_id, permission))",
             "CREATE TABLE staff_roles (staff_id TEXT NOT NULL, role_id TEXT NOT NULL, PRIMARY KEY (staff_id, "
             "role_id))",
             // Only a hash of the token is stored: a copy of the database does not let anyone log in.
             "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL, expires_at TEXT NOT NULL)",

             "CREATE TABLE customers (customer_id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "
             "grade TEXT NOT NULL, status TEXT NOT NULL, address TEXT, contact_phone TEXT, group_type TEXT, "
             "grid TEXT, blacklisted INTEGER NOT NULL DEFAULT 0, arrears_fen BIGINT NOT NULL DEFAULT 0, "
             "version BIGINT NOT NULL, change_seq BIGINT NOT NULL, served_by TEXT NOT NULL, updated_at TEXT NOT NULL)",
             "CREATE UNIQUE INDEX customers_group_name ON customers (name) WHERE kind = 'group'",
             "CREATE INDEX customers_name ON customers (name)",
             "CREATE INDEX customers_change ON customers (change_seq)",
             "CREATE TABLE certificates (customer_id TEXT NOT NULL, type TEXT NOT NULL, number TEXT NOT NULL, "
             "main INTEGER NOT NULL, valid_to TEXT, PRIMARY KEY (customer_id, type, number))",
             "CREATE INDEX certificates_number ON certificates (number)",
             "CREATE TABLE customer_managers (customer_id TEXT NOT NULL, staff_id TEXT NOT NULL, "
             "PRIMARY KEY (customer_id, staff_id))",
             "CREATE INDEX customer_managers_staff ON customer_managers (staff_id)",
             "CREATE TABLE related_parties (customer_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, "
             "id_number TEXT NOT NULL)",
             "CREATE TABLE blacklist (id_number TEXT PRIMARY KEY, reason TEXT NOT NULL, since TEXT NOT NULL)",

             "CREATE TABLE accounts (account_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, name TEXT NOT NULL, "
             "payment_method TEXT NOT NULL, balance_fen BIGINT NOT NULL, state TEXT NOT NULL)",
             "CREATE INDEX accounts_customer ON accounts (customer_id)",
             "CREATE TABLE services (service_number TEXT PRIMARY KEY, customer_id TEXT NOT NULL, "
             "offering_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, address_id TEXT, account_id TEXT)",
             "CREATE INDEX services_customer ON services (customer_id)",

             "CREATE TABLE offerings (offering_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
             "lifecycle_status TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT, one_off_fen BIGINT NOT NULL, "
             "monthly_fen BIGINT NOT NULL)",
             "CREATE TABLE offering_attributes (offering_id TEXT NOT NULL, position INTEGER NOT NULL, "
             "name TEXT NOT NULL, allowed TEXT NOT NULL, default_value TEXT, PRIMARY KEY (offering_id, position))",

             "CREATE TABLE addresses (address_id TEXT PRIMARY KEY, level TEXT NOT NULL, name TEXT NOT NULL, "
             "full_name TEXT NOT NULL, parent_id TEXT, exchange TEXT, ports_total INTEGER NOT NULL DEFAULT 0, "
             "ports_used INTEGER NOT NULL DEFAULT 0)",
             "CREATE INDEX addresses_parent ON addresses (parent_id)",

             "CREATE TABLE numbers (number TEXT PRIMARY KEY, exchange TEXT NOT NULL, status TEXT NOT NULL, "
             "fee_fen BIGINT NOT NULL, reserved_by TEXT, reserved_until TEXT, order_id TEXT)",
             "CREATE INDEX numbers_exchange ON numbers (exchange, status)",

             "CREATE TABLE orders (order_id TEXT PRIMARY KEY, external_id TEXT NOT NULL, order_type TEXT NOT NULL, "
             "state TEXT NOT NULL, customer_id TEXT NOT NULL, service_number TEXT, draft TEXT NOT NULL, "
             "total_fen BIGINT NOT NULL, created_at TEXT NOT NULL, due_by TEXT NOT NULL, staff_id TEXT NOT NULL, "
             "hall_id TEXT NOT NULL, business_day TEXT NOT NULL, change_seq BIGINT NOT NULL, "
             "ports_address TEXT, ports_taken INTEGER NOT NULL DEFAULT 0)",
             "CREATE INDEX orders_customer ON orders (customer_id)",
             "CREATE INDEX orders_service ON orders (service_number, state)",
             "CREATE INDEX orders_day ON orders (business_day)",
             "CREATE INDEX orders_change ON orders (change_seq)",
             "CREATE TABLE order_items (order_id TEXT NOT NULL, item_id TEXT NOT NULL, state TEXT NOT NULL, "
             "PRIMARY KEY (order_id, item_id))",
             "CREATE TABLE order_events (order_id TEXT NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, "
             "at TEXT NOT NULL, staff_id TEXT NOT NULL, reason TEXT, PRIMARY KEY (order_id, seq))",
             "CREATE TABLE cancellations (cancel_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, state TEXT NOT NULL, "
             "reason TEXT NOT NULL, staff_id TEXT NOT NULL, at TEXT NOT NULL)",

             "CREATE TABLE payments (payment_id TEXT PRIMARY KEY, correlator_id TEXT NOT NULL UNIQUE, order_id TEXT, "
             "account_id TEXT, amount_fen BIGINT NOT NULL, refunded_fen BIGINT NOT NULL DEFAULT 0, "
             "method TEXT NOT NULL, staff_id TEXT NOT NULL, hall_id TEXT NOT NULL, at TEXT NOT NULL, "
             "business_day TEXT NOT NULL)",
             "CREATE INDEX payments_day ON payments (staff_id, business_day)",
             "CREATE TABLE refunds (refund_id TEXT PRIMARY KEY, correlator_id TEXT NOT NULL UNIQUE, "
             "payment_id TEXT NOT NULL, amount_fen BIGINT NOT NULL, reason TEXT NOT NULL, approved_by TEXT NOT NULL, "
             "staff_id TEXT NOT NULL, at TEXT NOT NULL, business_day TEXT NOT NULL)",
             "CREATE INDEX refunds_day ON refunds (staff_id, business_day)",
             "CREATE TABLE settlements (staff_id TEXT NOT NULL, business_day TEXT NOT NULL, closed_at TEXT NOT NULL, "
             "PRIMARY KEY (staff_id, business_day))",

             // A member's state follows the order that changes it: pendingConfirmation (being added), active,
             // pendingRemoval (being removed), removed.
             "CREATE TABLE group_members (group_id TEXT NOT NULL, number TEXT NOT NULL, short_number TEXT, "
             "state TEXT NOT NULL, added_at TEXT NOT NULL, order_id TEXT, PRIMARY KEY (group_id, number))",

             // The first answer to a write, kept so a repeat with the same key gets the same answer.
             "CREATE TABLE idempotency (staff_id TEXT NOT NULL, idem_key TEXT NOT NULL, operation TEXT NOT NULL, "
             "request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL, "
             "PRIMARY KEY (staff_id, idem_key))",
             // 操作流水: every write, with who, where and what.
             "CREATE TABLE audit_log (serial BIGINT PRIMARY KEY, at TEXT NOT NULL, staff_id TEXT NOT NULL, "
             "hall_id TEXT NOT NULL, operation TEXT NOT NULL, subject TEXT NOT NULL, idem_key TEXT)",

             "INSERT INTO counters (name, value) VALUES ('customer', 0), ('order', 0), ('payment', 0), "
             "('refund', 0), ('cancel', 0), ('account', 0), ('audit', 0), ('change', 0), ('catalog', 1)",
             "INSERT INTO settings (name, value) VALUES ('session_minutes', '480'), ('lockout_failures', '5'), "
             "('lockout_minutes', '15'), ('reservation_minutes', '30'), ('quota_fixedLine', '5'), "
             "('quota_mobile', '5'), ('install_hours', '48')",
         }},
        // Failed password checks per (source, staff id): see handlers/login_failures.h.
        {2,
         "login failures per source",
         {
             "CREATE TABLE login_failures (source TEXT NOT NULL, staff_id TEXT NOT NULL, failures BIGINT NOT NULL, "
             "blocked_until TEXT, PRIMARY KEY (source, staff_id))",
             "INSERT INTO settings (name, value) VALUES ('lockout_ceiling', '100'), "
             "('login_rate_per_minute', '60'), ('max_amount_fen', '100000000')",
         }},
    }};
    // NOLINTEND(bugprone-suspicious-missing-comma)
    return migrations;
}

} // namespace backoffice::db
