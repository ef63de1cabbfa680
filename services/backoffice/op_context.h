#pragma once
/// What every operation handler gets: the connection (the writer's, inside its savepoint, for writes), the caller,
/// the time, and the idempotency key of a write. Handlers refuse by throwing Refusal, which rolls the write back.

#include "services/backoffice/db/statement_cache.h"
#include "services/contract/fault_xml.h"
#include "services/contract/field_types.h"

#include <optional>
#include <set>
#include <soci/soci.h>
#include <stdexcept>
#include <string>
#include <tuple>

namespace backoffice {

struct Caller
{
    std::string staff_id;
    std::string name;
    std::string hall_id;
    std::set<std::string> roles;
    std::set<std::string> permissions;
    std::string token_hash;            ///< the session this call came with (empty for login)
    bool must_change_password = false; ///< a first or reset password: nothing but changePassword and logout

    [[nodiscard]] bool may(const std::string& permission) const
    {
        return permission.empty() || permissions.contains(permission);
    }
};

/// Results of the slow password work (Argon2id), done before a write reaches the writer thread so that group commit
/// never waits for a hash.
struct Prepared
{
    bool password_ok = false; ///< login: the password matched; changePassword: the old one did
    std::string new_hash;     ///< changePassword, staffSave: the hash of the new password
    std::string approver_id;  ///< refundCreate: the supervisor whose password matched, if one was given
    /// Where the request came from (the peer's address), against which failed logins are counted.
    std::string source;
};

struct OpContext
{
    soci::session& sql;
    const Caller& caller;
    contract::Timestamp now;
    std::string idempotency_key;
    const Prepared& prepared;
    /// The writer's prepared statements (null on read connections, where statements are prepared each time).
    db::StatementCache* statements;
};

/// Runs an INSERT/UPDATE/DELETE, prepared once on the writer; returns the rows changed.
template <typename... In> long long exec(OpContext& ctx, const std::string& text, In... values)
{
    if (ctx.statements != nullptr) {
        return ctx.statements->get<db::Command<In...>>(text).run(std::move(values)...);
    }
    return db::Command<In...>(ctx.sql, text).run(std::move(values)...);
}

/// Reads at most one row, prepared once on the writer. NULL columns read as empty or 0.
template <typename... Out, typename... In>
std::optional<std::tuple<Out...>> query_one(OpContext& ctx, const std::string& text, In... values)
{
    if (ctx.statements != nullptr) {
        return ctx.statements->get<db::Query<std::tuple<Out...>, In...>>(text).one(std::move(values)...);
    }
    return db::Query<std::tuple<Out...>, In...>(ctx.sql, text).one(std::move(values)...);
}

class Refusal : public std::runtime_error
{
public:
    /// `keep_changes`: what the handler wrote before refusing stays (e.g. a failed login's count).
    explicit Refusal(contract::Fault fault, bool keep_changes = false)
        : std::runtime_error(std::string(contract::to_string(fault.code))), m_fault(std::move(fault)),
          m_keep(keep_changes)
    {
    }
    [[nodiscard]] const contract::Fault& fault() const { return m_fault; }
    [[nodiscard]] bool keep_changes() const { return m_keep; }

private:
    contract::Fault m_fault;
    bool m_keep;
};

/// Throws the refusal `code` with name/value parameters.
[[noreturn]] inline void refuse(contract::ResultCode code, std::vector<std::pair<std::string, std::string>> params = {})
{
    throw Refusal(contract::Fault{code, std::move(params)});
}

/// E_VALIDATION for one field: the reason is a stable word ("invalid", "unknown", …) the screens translate.
[[noreturn]] inline void refuse_field(const std::string& field, const std::string& reason)
{
    refuse(contract::ResultCode::validation, {{"field", field}, {"reason", reason}});
}

} // namespace backoffice
