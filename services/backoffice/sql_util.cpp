#include "services/backoffice/sql_util.h"

#include "common/sql/like_pattern.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>

namespace backoffice {

long long next_value(OpContext& ctx, const std::string& name)
{
    const auto value =
        query_one<long long>(ctx, "UPDATE counters SET value = value + 1 WHERE name = :n RETURNING value", name);
    if (!value) {
        throw std::runtime_error("counter " + name + " is missing");
    }
    return std::get<0>(*value);
}

std::string next_id(OpContext& ctx, const std::string& counter, std::string_view prefix)
{
    const auto value = next_value(ctx, counter);
    auto day = business_day(ctx.now);
    std::erase(day, '-');
    char digits[24];
    std::snprintf(digits, sizeof digits, "%08lld", value);
    return std::string(prefix) + day + digits;
}

long long setting_int(soci::session& sql, const std::string& name, long long fallback)
{
    // Settings are read on every order, so they are kept for a few seconds: a change made by an operator (or by
    // another process sharing the database) takes effect within that time. One process serves one database.
    using Clock = std::chrono::steady_clock;
    static std::mutex mutex;
    static std::map<std::string, std::pair<long long, Clock::time_point>> cache;
    const auto now = Clock::now();
    {
        std::lock_guard lock(mutex);
        const auto hit = cache.find(name);
        if (hit != cache.end() && now - hit->second.second < std::chrono::seconds(5)) {
            return hit->second.first;
        }
    }
    const auto value = setting_int_uncached(sql, name, fallback);
    std::lock_guard lock(mutex);
    cache[name] = {value, now};
    return value;
}

long long setting_int_uncached(soci::session& sql, const std::string& name, long long fallback)
{
    std::string value;
    sql << "SELECT value FROM settings WHERE name = :n", soci::use(name), soci::into(value);
    if (!sql.got_data()) {
        return fallback;
    }
    const auto parsed = contract::parse_int(value);
    return parsed ? *parsed : fallback;
}

std::string iso(contract::Timestamp at)
{
    return contract::format_timestamp(at);
}

contract::Timestamp from_iso(const std::string& text)
{
    const auto parsed = contract::parse_timestamp(text);
    if (!parsed) {
        throw std::runtime_error("bad timestamp in the database: " + text);
    }
    return *parsed;
}

std::string business_day(contract::Timestamp at)
{
    return iso(at + std::chrono::hours{8}).substr(0, 10);
}

long long audit(OpContext& ctx, const std::string& operation, const std::string& subject)
{
    const auto serial = next_value(ctx, "audit");
    exec(ctx,
         "INSERT INTO audit_log (serial, at, staff_id, hall_id, operation, subject, idem_key) "
         "VALUES (:s, :a, :st, :h, :o, :su, :k)",
         serial, iso(ctx.now), ctx.caller.staff_id, ctx.caller.hall_id, operation, subject, ctx.idempotency_key);
    return serial;
}

std::string contains_pattern(const std::string& text)
{
    return sql::like_contains(text);
}

std::string ends_with_pattern(const std::string& text)
{
    return sql::like_ends_with(text);
}

long long next_change(OpContext& ctx)
{
    return next_value(ctx, "change");
}

} // namespace backoffice

namespace backoffice {

domain::Money max_amount(soci::session& sql)
{
    const auto fen = setting_int(sql, "max_amount_fen", domain::kDefaultMaxAmount.fen());
    // A setting past Money's own bound would let sums overflow again; the setting can lower the bound, not lift it
    // past what a day of amounts can add up to.
    return domain::Money::from_fen(std::clamp<long long>(fen, 1, domain::kDefaultMaxAmount.fen() * 100));
}

void check_amount_field(soci::session& sql, const std::string& field, domain::Money amount)
{
    const auto max = max_amount(sql);
    if (const auto problem = domain::check_amount(amount, max)) {
        refuse_amount(field, *problem, max);
    }
}

void refuse_amount(const std::string& field, const domain::Problem& problem, domain::Money max)
{
    if (problem.code == domain::Errc::amount_not_positive) {
        refuse_field(field, "notPositive");
    }
    if (problem.code == domain::Errc::fee_negative) {
        refuse_field(field, "negative");
    }
    refuse(contract::ResultCode::validation, {{"field", field}, {"reason", "tooLarge"}, {"max", max.plain()}});
}

} // namespace backoffice
