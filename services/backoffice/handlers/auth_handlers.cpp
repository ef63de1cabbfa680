// Login, logout, change password: lockout after repeated failures, expiring sessions, tokens stored only as hashes.
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/login_failures.h"
#include "services/backoffice/sql_util.h"

#include <sodium.h>

namespace backoffice {

namespace {

std::string hex(const unsigned char* bytes, std::size_t size)
{
    std::string text(size * 2 + 1, '\0');
    sodium_bin2hex(text.data(), text.size(), bytes, size);
    text.pop_back();
    return text;
}

struct StaffRow
{
    std::string password_hash;
    int enabled = 0;
    int deleted = 0;
    int failed = 0;
    int must_change = 0;
    std::string locked_until;
};

std::optional<StaffRow> staff_row(soci::session& sql, const std::string& staff_id)
{
    StaffRow row;
    soci::indicator locked = soci::i_null;
    sql << "SELECT password_hash, enabled, deleted, failed_logins, must_change, locked_until FROM staff "
           "WHERE staff_id = :s",
        soci::use(staff_id), soci::into(row.password_hash), soci::into(row.enabled), soci::into(row.deleted),
        soci::into(row.failed), soci::into(row.must_change), soci::into(row.locked_until, locked);
    if (!sql.got_data() || row.deleted != 0) {
        return std::nullopt;
    }
    if (locked != soci::i_ok) {
        row.locked_until.clear();
    }
    return row;
}

/// The minimum a new password must meet: long enough, not all one kind of character.
void check_new_password(const std::string& password, const std::string& staff_id)
{
    const bool digit = password.find_first_of("0123456789") != std::string::npos;
    const bool other = password.find_first_not_of("0123456789") != std::string::npos;
    if (password.size() < 8 || !digit || !other || password == staff_id) {
        refuse_field("newPassword", "weak");
    }
}

} // namespace

std::string token_hash(const std::string& token)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return hex(digest, sizeof digest);
}

std::string new_token()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return hex(bytes, sizeof bytes);
}

std::optional<Caller> load_staff(soci::session& sql, const std::string& staff_id)
{
    Caller caller;
    int enabled = 0;
    int deleted = 0;
    int must_change = 0;
    sql << "SELECT staff_id, name, hall_id, enabled, deleted, must_change FROM staff WHERE staff_id = :s",
        soci::use(staff_id), soci::into(caller.staff_id), soci::into(caller.name), soci::into(caller.hall_id),
        soci::into(enabled), soci::into(deleted), soci::into(must_change);
    caller.must_change_password = must_change != 0;
    if (!sql.got_data() || enabled == 0 || deleted != 0) {
        return std::nullopt;
    }
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT sr.role_id, rp.permission FROM staff_roles sr "
                                                   "LEFT JOIN role_permissions rp ON rp.role_id = sr.role_id "
                                                   "WHERE sr.staff_id = :s",
                                    soci::use(staff_id));
    for (const auto& row : rows) {
        caller.roles.insert(row.get<std::string>(0));
        if (row.get_indicator(1) == soci::i_ok) {
            caller.permissions.insert(row.get<std::string>(1));
        }
    }
    return caller;
}

std::optional<Caller> find_caller(soci::session& sql, const std::string& token, contract::Timestamp now)
{
    const auto hash = token_hash(token);
    std::string staff_id;
    std::string expires_at;
    sql << "SELECT staff_id, expires_at FROM sessions WHERE token_hash = :t", soci::use(hash), soci::into(staff_id),
        soci::into(expires_at);
    if (!sql.got_data() || expires_at <= iso(now)) {
        return std::nullopt;
    }
    auto caller = load_staff(sql, staff_id);
    if (caller) {
        caller->token_hash = hash;
    }
    return caller;
}

Prepared prepare(soci::session& reader, const Caller&, const LoginRequest& request, const PasswordHasher& hasher)
{
    Prepared prepared;
    const auto row = staff_row(reader, request.staff_id);
    // Verify even for an unknown staff id, against a hash made at the same cost as real ones, so the time taken
    // does not tell which staff ids exist. A known id whose hash is cheaper than today's cost (made before the cost
    // was raised, or demo data) is checked against the dummy as well, so it takes no less time, and gets a new hash
    // at today's cost when the password is right.
    static const std::string dummy = hasher.hash("not a password").value_or("");
    prepared.password_ok = hasher.verify(request.password, row ? row->password_hash : dummy) && row.has_value();
    if (row && hasher.needs_rehash(row->password_hash)) {
        [[maybe_unused]] const bool equal_time = hasher.verify(request.password, dummy);
        if (prepared.password_ok) {
            prepared.new_hash = hasher.hash(request.password).value_or("");
        }
    }
    return prepared;
}

LoginResponse handle(OpContext& ctx, const LoginRequest& request)
{
    const auto row = staff_row(ctx.sql, request.staff_id);
    const auto now = iso(ctx.now);
    // One answer for unknown staff and a wrong password: the message must not confirm which staff ids exist.
    if (!row || row->enabled == 0) {
        refuse(ResultCode::session, {{"reason", "credentials"}});
    }
    const auto& source = ctx.prepared.source;
    if (const auto until = blocked_until(ctx, source, request.staff_id)) {
        refuse(ResultCode::session, {{"reason", "locked"}, {"until", *until}});
    }
    if (!ctx.prepared.password_ok) {
        const auto until = record_failure(ctx, source, request.staff_id);
        // The failure count must survive the refusal, so this one keeps its changes.
        contract::Fault fault{ResultCode::session, {{"reason", until ? "locked" : "credentials"}}};
        if (until) {
            fault.params.emplace_back("until", *until);
        }
        throw Refusal(std::move(fault), true);
    }
    clear_failures(ctx, source, request.staff_id);
    if (!ctx.prepared.new_hash.empty()) {
        ctx.sql << "UPDATE staff SET password_hash = :h WHERE staff_id = :s", soci::use(ctx.prepared.new_hash),
            soci::use(request.staff_id);
    }
    const auto token = new_token();
    const auto hash = token_hash(token);
    const auto expires = ctx.now + std::chrono::minutes{setting_int(ctx.sql, "session_minutes", 480)};
    const auto expires_text = iso(expires);
    ctx.sql << "DELETE FROM sessions WHERE expires_at <= :n", soci::use(now);
    ctx.sql << "INSERT INTO sessions (token_hash, staff_id, expires_at) VALUES (:t, :s, :e)", soci::use(hash),
        soci::use(request.staff_id), soci::use(expires_text);

    const auto caller = load_staff(ctx.sql, request.staff_id);
    LoginResponse response;
    response.session_token = token;
    response.expires_at = expires;
    response.staff = {caller->staff_id,
                      caller->name,
                      caller->hall_id,
                      {caller->roles.begin(), caller->roles.end()},
                      {caller->permissions.begin(), caller->permissions.end()}};
    response.must_change_password = row->must_change != 0;
    OpContext as_staff{ctx.sql, *caller, ctx.now, {}, ctx.prepared, ctx.statements};
    audit(as_staff, "login", request.staff_id);
    return response;
}

LogoutResponse handle(OpContext& ctx, const LogoutRequest&)
{
    ctx.sql << "DELETE FROM sessions WHERE token_hash = :t", soci::use(ctx.caller.token_hash);
    audit(ctx, "logout", ctx.caller.staff_id);
    return {};
}

Prepared prepare(soci::session& reader, const Caller& caller, const ChangePasswordRequest& request,
                 const PasswordHasher& hasher)
{
    Prepared prepared;
    const auto row = staff_row(reader, caller.staff_id);
    prepared.password_ok = row && hasher.verify(request.old_password, row->password_hash);
    if (prepared.password_ok && request.new_password.size() >= 8) {
        prepared.new_hash = hasher.hash(request.new_password).value_or("");
    }
    return prepared;
}

ChangePasswordResponse handle(OpContext& ctx, const ChangePasswordRequest& request)
{
    if (!ctx.prepared.password_ok) {
        refuse_field("oldPassword", "wrong");
    }
    check_new_password(request.new_password, ctx.caller.staff_id);
    if (request.new_password == request.old_password) {
        refuse_field("newPassword", "unchanged");
    }
    ctx.sql << "UPDATE staff SET password_hash = :h, must_change = 0 WHERE staff_id = :s",
        soci::use(ctx.prepared.new_hash), soci::use(ctx.caller.staff_id);
    // Other sessions of this staff member end: a changed password is often a suspected leak.
    ctx.sql << "DELETE FROM sessions WHERE staff_id = :s AND token_hash <> :t", soci::use(ctx.caller.staff_id),
        soci::use(ctx.caller.token_hash);
    audit(ctx, "changePassword", ctx.caller.staff_id);
    return {};
}

} // namespace backoffice
