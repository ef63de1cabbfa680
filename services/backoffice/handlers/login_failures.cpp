#include "services/backoffice/handlers/login_failures.h"

#include "services/backoffice/sql_util.h"

#include <algorithm>

namespace backoffice {

std::optional<std::string> blocked_until(OpContext& ctx, const std::string& source, const std::string& staff_id)
{
    const auto now = iso(ctx.now);
    std::string until;
    soci::indicator ind = soci::i_null;
    ctx.sql << "SELECT blocked_until FROM login_failures WHERE source = :so AND staff_id = :s", soci::use(source),
        soci::use(staff_id), soci::into(until, ind);
    if (ctx.sql.got_data() && ind == soci::i_ok && until > now) {
        return until;
    }
    ind = soci::i_null;
    ctx.sql << "SELECT locked_until FROM staff WHERE staff_id = :s", soci::use(staff_id), soci::into(until, ind);
    if (ctx.sql.got_data() && ind == soci::i_ok && until > now) {
        return until;
    }
    return std::nullopt;
}

std::optional<std::string> record_failure(OpContext& ctx, const std::string& source, const std::string& staff_id)
{
    const auto limit = std::max<long long>(1, setting_int(ctx.sql, "lockout_failures", 5));
    const auto longest = std::max<long long>(1, setting_int(ctx.sql, "lockout_minutes", 15));
    const auto ceiling = std::max<long long>(limit, setting_int(ctx.sql, "lockout_ceiling", 100));
    long long failures = 0;
    ctx.sql << "SELECT failures FROM login_failures WHERE source = :so AND staff_id = :s", soci::use(source),
        soci::use(staff_id), soci::into(failures);
    const bool known = ctx.sql.got_data();
    ++failures;
    std::optional<std::string> until;
    if (failures >= limit) {
        // 1, 2, 4 … minutes: the shift is bounded so that a long run of failures cannot overflow it.
        const auto doubling = std::min<long long>(failures - limit, 20);
        until = iso(ctx.now + std::chrono::minutes{std::min(longest, 1LL << doubling)});
    }
    std::string blocked = until.value_or("");
    auto blocked_ind = until ? soci::i_ok : soci::i_null;
    if (known) {
        ctx.sql << "UPDATE login_failures SET failures = :f, blocked_until = :u WHERE source = :so AND staff_id = :s",
            soci::use(failures), soci::use(blocked, blocked_ind), soci::use(source), soci::use(staff_id);
    } else {
        ctx.sql << "INSERT INTO login_failures (source, staff_id, failures, blocked_until) VALUES (:so, :s, :f, :u)",
            soci::use(source), soci::use(staff_id), soci::use(failures), soci::use(blocked, blocked_ind);
    }
    long long total = 0;
    ctx.sql << "SELECT failed_logins FROM staff WHERE staff_id = :s", soci::use(staff_id), soci::into(total);
    ++total;
    if (total >= ceiling) {
        const auto locked = iso(ctx.now + std::chrono::minutes{longest});
        ctx.sql << "UPDATE staff SET failed_logins = 0, locked_until = :u WHERE staff_id = :s", soci::use(locked),
            soci::use(staff_id);
        return locked;
    }
    ctx.sql << "UPDATE staff SET failed_logins = :f WHERE staff_id = :s", soci::use(total), soci::use(staff_id);
    return until;
}

void clear_failures(OpContext& ctx, const std::string& source, const std::string& staff_id)
{
    ctx.sql << "DELETE FROM login_failures WHERE source = :so AND staff_id = :s", soci::use(source),
        soci::use(staff_id);
    ctx.sql << "UPDATE staff SET failed_logins = 0 WHERE staff_id = :s", soci::use(staff_id);
}

void clear_all_failures(OpContext& ctx, const std::string& staff_id)
{
    ctx.sql << "DELETE FROM login_failures WHERE staff_id = :s", soci::use(staff_id);
    ctx.sql << "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE staff_id = :s", soci::use(staff_id);
}

} // namespace backoffice
