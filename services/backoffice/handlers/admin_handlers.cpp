// Staff and roles. Built-in roles and the built-in user cannot be deleted; nobody can lock themselves out.
// Administration cannot be lost or taken over: the built-in administrator keeps its role, stays enabled and has its
// password set by nobody but itself (or `backoffice reset-admin` on the server); nobody grants a permission they do
// not hold or edits someone who holds more than they do; and at least one enabled administrator always remains.
#include "services/backoffice/handlers.h"
#include "services/backoffice/permissions.h"
#include "services/backoffice/sql_util.h"

#include <algorithm>
#include <set>

namespace backoffice {

namespace {

std::vector<std::string> staff_roles(soci::session& sql, const std::string& staff_id)
{
    std::vector<std::string> roles;
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT role_id FROM staff_roles WHERE staff_id = :s ORDER BY role_id", soci::use(staff_id));
    std::copy(rows.begin(), rows.end(), std::back_inserter(roles));
    return roles;
}

StaffRecord staff_record(soci::session& sql, const std::string& staff_id, const contract::Timestamp now)
{
    StaffRecord record;
    int enabled = 0;
    int built_in = 0;
    std::string locked_until;
    soci::indicator locked = soci::i_null;
    sql << "SELECT staff_id, name, hall_id, enabled, built_in, locked_until FROM staff WHERE staff_id = :s "
           "AND deleted = 0",
        soci::use(staff_id), soci::into(record.staff_id), soci::into(record.name), soci::into(record.hall_id),
        soci::into(enabled), soci::into(built_in), soci::into(locked_until, locked);
    if (!sql.got_data()) {
        refuse(ResultCode::not_found, {{"staffId", staff_id}});
    }
    record.enabled = enabled != 0;
    record.built_in = built_in != 0;
    // Locked: the staff id as a whole, or any one source waiting before its next try (login_failures.h).
    int waiting = 0;
    const auto at = iso(now);
    sql << "SELECT COUNT(*) FROM login_failures WHERE staff_id = :s AND blocked_until > :n", soci::use(staff_id),
        soci::use(at), soci::into(waiting);
    record.locked = (locked == soci::i_ok && locked_until > at) || waiting > 0;
    record.roles = staff_roles(sql, staff_id);
    return record;
}

bool role_exists(soci::session& sql, const std::string& role_id)
{
    int count = 0;
    sql << "SELECT COUNT(*) FROM roles WHERE role_id = :r", soci::use(role_id), soci::into(count);
    return count > 0;
}

RoleRecord role_record(soci::session& sql, const std::string& role_id)
{
    RoleRecord role;
    int built_in = 0;
    sql << "SELECT role_id, name, built_in FROM roles WHERE role_id = :r", soci::use(role_id), soci::into(role.role_id),
        soci::into(role.name), soci::into(built_in);
    if (!sql.got_data()) {
        refuse(ResultCode::not_found, {{"roleId", role_id}});
    }
    role.built_in = built_in != 0;
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT permission FROM role_permissions WHERE role_id = :r ORDER BY permission",
         soci::use(role_id));
    std::copy(rows.begin(), rows.end(), std::back_inserter(role.permissions));
    return role;
}

/// The permissions that `roles` give together.
std::set<std::string> permissions_of(soci::session& sql, const std::vector<std::string>& roles)
{
    std::set<std::string> all;
    for (const auto& role : roles) {
        soci::rowset<std::string> rows =
            (sql.prepare << "SELECT permission FROM role_permissions WHERE role_id = :r", soci::use(role));
        all.insert(rows.begin(), rows.end());
    }
    return all;
}

/// Refuses unless the caller holds every one of `wanted`: what one cannot do, one cannot hand out.
void check_may_grant(const Caller& caller, const std::set<std::string>& wanted)
{
    for (const auto& permission : wanted) {
        if (!caller.may(permission)) {
            refuse(ResultCode::permission, {{"permission", permission}, {"reason", "notHeld"}});
        }
    }
}

/// After a change, someone must still be able to administer staff and roles. Refusing rolls the change back.
void check_administration_remains(soci::session& sql)
{
    int admins = 0;
    sql << "SELECT COUNT(*) FROM staff s WHERE s.enabled = 1 AND s.deleted = 0 AND "
           "(SELECT COUNT(DISTINCT rp.permission) FROM staff_roles sr JOIN role_permissions rp "
           "ON rp.role_id = sr.role_id WHERE sr.staff_id = s.staff_id AND "
           "rp.permission IN ('admin.staff', 'admin.roles')) = 2",
        soci::into(admins);
    if (admins == 0) {
        refuse(ResultCode::permission, {{"reason", "lastAdministrator"}});
    }
}

} // namespace

StaffListResponse handle(OpContext& ctx, const StaffListRequest&)
{
    StaffListResponse response;
    soci::rowset<std::string> ids =
        (ctx.sql.prepare << "SELECT staff_id FROM staff WHERE deleted = 0 ORDER BY staff_id");
    const std::vector<std::string> all(ids.begin(), ids.end());
    for (const auto& id : all) {
        response.staff.push_back(staff_record(ctx.sql, id, ctx.now));
    }
    return response;
}

Prepared prepare(soci::session&, const Caller&, const StaffSaveRequest& request, const PasswordHasher& hasher)
{
    Prepared prepared;
    if (request.initial_password && request.initial_password->size() >= 8) {
        prepared.new_hash = hasher.hash(*request.initial_password).value_or("");
    }
    return prepared;
}

StaffSaveResponse handle(OpContext& ctx, const StaffSaveRequest& request)
{
    const auto& staff = request.staff;
    if (staff.staff_id.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-") !=
        std::string::npos) {
        refuse_field("staff/staffId", "invalid");
    }
    if (staff.roles.empty()) {
        refuse_field("staff/role", "missing");
    }
    for (const auto& role : staff.roles) {
        if (!role_exists(ctx.sql, role)) {
            refuse_field("staff/role", "unknown");
        }
    }
    int exists = 0;
    ctx.sql << "SELECT COUNT(*) FROM staff WHERE staff_id = :s AND deleted = 0", soci::use(staff.staff_id),
        soci::into(exists);
    if (staff.staff_id == ctx.caller.staff_id && !staff.enabled) {
        refuse_field("staff/enabled", "self");
    }
    // The roles given must not carry more than the caller holds, and neither may the person edited: otherwise a
    // staff administrator could reset a full administrator's password and sign in as them.
    check_may_grant(ctx.caller, permissions_of(ctx.sql, staff.roles));
    if (exists != 0) {
        const auto current = staff_record(ctx.sql, staff.staff_id, ctx.now);
        check_may_grant(ctx.caller, permissions_of(ctx.sql, current.roles));
        if (current.built_in) {
            if (!staff.enabled) {
                refuse(ResultCode::permission, {{"reason", "builtIn"}, {"field", "staff/enabled"}});
            }
            if (std::find(staff.roles.begin(), staff.roles.end(), "admin") == staff.roles.end()) {
                refuse(ResultCode::permission, {{"reason", "builtIn"}, {"field", "staff/role"}});
            }
            if (request.initial_password) {
                // Its password is its own: changePassword, or reset-admin on the server.
                refuse(ResultCode::permission, {{"reason", "builtIn"}, {"field", "initialPassword"}});
            }
        }
    }
    const int enabled = staff.enabled ? 1 : 0;
    if (exists == 0) {
        if (ctx.prepared.new_hash.empty()) {
            refuse_field("initialPassword", request.initial_password ? "weak" : "missing");
        }
        ctx.sql << "DELETE FROM staff WHERE staff_id = :s", soci::use(staff.staff_id); // a deleted one comes back
        ctx.sql << "INSERT INTO staff (staff_id, name, hall_id, password_hash, enabled, built_in, must_change) "
                   "VALUES (:s, :n, :h, :p, :e, 0, 1)",
            soci::use(staff.staff_id), soci::use(staff.name), soci::use(staff.hall_id),
            soci::use(ctx.prepared.new_hash), soci::use(enabled);
    } else {
        // Saving a staff record unlocks it: that is how a supervisor lets a locked-out clerk back in.
        ctx.sql << "UPDATE staff SET name = :n, hall_id = :h, enabled = :e, failed_logins = 0, locked_until = NULL "
                   "WHERE staff_id = :s",
            soci::use(staff.name), soci::use(staff.hall_id), soci::use(enabled), soci::use(staff.staff_id);
        ctx.sql << "DELETE FROM login_failures WHERE staff_id = :s", soci::use(staff.staff_id);
        if (!ctx.prepared.new_hash.empty()) {
            ctx.sql << "UPDATE staff SET password_hash = :p, must_change = 1 WHERE staff_id = :s",
                soci::use(ctx.prepared.new_hash), soci::use(staff.staff_id);
        }
    }
    ctx.sql << "DELETE FROM staff_roles WHERE staff_id = :s", soci::use(staff.staff_id);
    for (const auto& role : staff.roles) {
        ctx.sql << "INSERT INTO staff_roles (staff_id, role_id) VALUES (:s, :r)", soci::use(staff.staff_id),
            soci::use(role);
    }
    if (!staff.enabled) {
        ctx.sql << "DELETE FROM sessions WHERE staff_id = :s", soci::use(staff.staff_id);
    }
    check_administration_remains(ctx.sql);
    audit(ctx, "staffSave", staff.staff_id);
    return {staff_record(ctx.sql, staff.staff_id, ctx.now)};
}

StaffDeleteResponse handle(OpContext& ctx, const StaffDeleteRequest& request)
{
    const auto record = staff_record(ctx.sql, request.staff_id, ctx.now);
    if (record.built_in) {
        refuse(ResultCode::permission, {{"reason", "builtIn"}});
    }
    if (request.staff_id == ctx.caller.staff_id) {
        refuse(ResultCode::permission, {{"reason", "self"}});
    }
    check_may_grant(ctx.caller, permissions_of(ctx.sql, record.roles));
    // Soft delete: orders and the audit log keep naming this staff id.
    ctx.sql << "UPDATE staff SET deleted = 1, enabled = 0 WHERE staff_id = :s", soci::use(request.staff_id);
    ctx.sql << "DELETE FROM sessions WHERE staff_id = :s", soci::use(request.staff_id);
    check_administration_remains(ctx.sql);
    audit(ctx, "staffDelete", request.staff_id);
    return {};
}

RoleListResponse handle(OpContext& ctx, const RoleListRequest&)
{
    RoleListResponse response;
    soci::rowset<std::string> ids = (ctx.sql.prepare << "SELECT role_id FROM roles ORDER BY role_id");
    const std::vector<std::string> all(ids.begin(), ids.end());
    for (const auto& id : all) {
        response.roles.push_back(role_record(ctx.sql, id));
    }
    for (const auto permission : all_permissions()) {
        response.permissions.emplace_back(permission);
    }
    return response;
}

RoleSaveResponse handle(OpContext& ctx, const RoleSaveRequest& request)
{
    const auto& role = request.role;
    const auto known = all_permissions();
    for (const auto& permission : role.permissions) {
        if (std::find(known.begin(), known.end(), permission) == known.end()) {
            refuse_field("role/permission", "unknown");
        }
    }
    check_may_grant(ctx.caller, {role.permissions.begin(), role.permissions.end()});
    if (role_exists(ctx.sql, role.role_id)) {
        const auto current = role_record(ctx.sql, role.role_id);
        // Taking permissions away from a role is granting in reverse for its holders: only for what one holds.
        check_may_grant(ctx.caller, {current.permissions.begin(), current.permissions.end()});
        if (current.built_in) {
            // Built-in roles are what a fresh install can rely on; copy one to change it.
            refuse(ResultCode::permission, {{"reason", "builtIn"}});
        }
        ctx.sql << "UPDATE roles SET name = :n WHERE role_id = :r", soci::use(role.name), soci::use(role.role_id);
    } else {
        ctx.sql << "INSERT INTO roles (role_id, name, built_in) VALUES (:r, :n, 0)", soci::use(role.role_id),
            soci::use(role.name);
    }
    ctx.sql << "DELETE FROM role_permissions WHERE role_id = :r", soci::use(role.role_id);
    for (const auto& permission : role.permissions) {
        ctx.sql << "INSERT INTO role_permissions (role_id, permission) VALUES (:r, :p)", soci::use(role.role_id),
            soci::use(permission);
    }
    check_administration_remains(ctx.sql);
    audit(ctx, "roleSave", role.role_id);
    return {role_record(ctx.sql, role.role_id)};
}

RoleDeleteResponse handle(OpContext& ctx, const RoleDeleteRequest& request)
{
    if (role_record(ctx.sql, request.role_id).built_in) {
        refuse(ResultCode::permission, {{"reason", "builtIn"}});
    }
    int holders = 0;
    ctx.sql << "SELECT COUNT(*) FROM staff_roles sr JOIN staff s ON s.staff_id = sr.staff_id "
               "WHERE sr.role_id = :r AND s.deleted = 0",
        soci::use(request.role_id), soci::into(holders);
    if (holders > 0) {
        refuse(ResultCode::validation, {{"field", "roleId"}, {"reason", "inUse"}, {"staff", std::to_string(holders)}});
    }
    ctx.sql << "DELETE FROM role_permissions WHERE role_id = :r", soci::use(request.role_id);
    ctx.sql << "DELETE FROM roles WHERE role_id = :r", soci::use(request.role_id);
    audit(ctx, "roleDelete", request.role_id);
    return {};
}

} // namespace backoffice
