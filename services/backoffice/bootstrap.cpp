#include "services/backoffice/bootstrap.h"

#include "services/backoffice/permissions.h"

#include <stdexcept>

namespace backoffice {

bool ensure_built_ins(soci::session& sql, const PasswordHasher& hasher, const std::string& admin_password,
                      bool must_change)
{
    soci::transaction tx(sql);
    for (const auto& role : built_in_roles()) {
        const std::string id(role.role_id);
        const std::string name(role.name);
        int exists = 0;
        sql << "SELECT COUNT(*) FROM roles WHERE role_id = :r", soci::use(id), soci::into(exists);
        if (exists == 0) {
            sql << "INSERT INTO roles (role_id, name, built_in) VALUES (:r, :n, 1)", soci::use(id), soci::use(name);
        }
        // Built-in roles follow the program: a new version's new permissions reach them on the next start.
        sql << "DELETE FROM role_permissions WHERE role_id = :r", soci::use(id);
        for (const auto permission : role.permissions) {
            const std::string p(permission);
            sql << "INSERT INTO role_permissions (role_id, permission) VALUES (:r, :p)", soci::use(id), soci::use(p);
        }
    }
    int halls = 0;
    sql << "SELECT COUNT(*) FROM halls", soci::into(halls);
    if (halls == 0) {
        sql << "INSERT INTO halls (hall_id, name) VALUES ('H00', '总部')";
    }
    int admins = 0;
    sql << "SELECT COUNT(*) FROM staff WHERE staff_id = 'admin'", soci::into(admins);
    bool created = false;
    if (admins == 0) {
        const auto hash = hasher.hash(admin_password);
        if (!hash) {
            throw std::runtime_error("could not hash the administrator's password (out of memory)");
        }
        const int change = must_change ? 1 : 0;
        sql << "INSERT INTO staff (staff_id, name, hall_id, password_hash, enabled, built_in, must_change) "
               "VALUES ('admin', '系统管理员', 'H00', :h, 1, 1, :m)",
            soci::use(*hash), soci::use(change);
        sql << "INSERT INTO staff_roles (staff_id, role_id) VALUES ('admin', 'admin')";
        created = true;
    }
    tx.commit();
    return created;
}

} // namespace backoffice

namespace backoffice {

void reset_admin(soci::session& sql, const PasswordHasher& hasher, const std::string& password, const std::string& at)
{
    const auto hash = hasher.hash(password);
    if (!hash) {
        throw std::runtime_error("could not hash the administrator's password (out of memory)");
    }
    // The built-in roles and the administrator's row exist from the first start; a database that lost them gets
    // them back the same way.
    ensure_built_ins(sql, hasher, password, true);
    soci::transaction tx(sql);
    sql << "UPDATE staff SET password_hash = :h, must_change = 1, enabled = 1, deleted = 0, failed_logins = 0, "
           "locked_until = NULL WHERE staff_id = 'admin'",
        soci::use(*hash);
    sql << "DELETE FROM staff_roles WHERE staff_id = 'admin' AND role_id = 'admin'";
    sql << "INSERT INTO staff_roles (staff_id, role_id) VALUES ('admin', 'admin')";
    sql << "DELETE FROM sessions WHERE staff_id = 'admin'";
    long long serial = 0;
    sql << "UPDATE counters SET value = value + 1 WHERE name = 'audit' RETURNING value", soci::into(serial);
    sql << "INSERT INTO audit_log (serial, at, staff_id, hall_id, operation, subject, idem_key) "
           "VALUES (:s, :a, 'system', 'H00', 'resetAdmin', 'admin', NULL)",
        soci::use(serial), soci::use(at);
    tx.commit();
}

} // namespace backoffice
