#pragma once
/// The stable result codes every back-office response carries. The names are the contract: clients switch on them
/// and translate them; never rename one, only add.

#include <optional>
#include <string_view>

namespace contract {

/// The XML namespace of version 1 of the contract.
inline constexpr std::string_view kNamespace = "urn:counter:bss:1";

enum class ResultCode
{
    ok,
    blacklisted,  ///< E_BLACKLISTED: the customer is on the blacklist (该用户为黑名单用户)
    open_order,   ///< E_OPEN_ORDER: an unfinished order of the same kind exists
    number_taken, ///< E_NUMBER_TAKEN: the number is reserved or in use
    no_resource,  ///< E_NO_RESOURCE: no sellable resource (无此可售资源) or no port at the address
    no_campaign,  ///< E_NO_CAMPAIGN: the number has no campaign (无活动信息)
    arrears,      ///< E_ARREARS: the customer owes money where the business requires none
    deposit,      ///< E_DEPOSIT: an agent channel's deposit is insufficient (保证金余额不足)
    id_quota,     ///< E_ID_QUOTA: per-ID limit reached
    name_exists,  ///< E_NAME_EXISTS: a customer with this name exists (该客户名称已存在)
    permission,   ///< E_PERMISSION: the staff member's roles do not allow the operation
    validation,   ///< E_VALIDATION: a field is invalid {field, reason}
    not_found,    ///< E_NOT_FOUND
    session,      ///< E_SESSION: no session, or it expired
    idempotency,  ///< E_IDEMPOTENCY: the key was used before with a different body
    internal,     ///< E_INTERNAL: the back office failed; safe to retry reads
};

std::string_view to_string(ResultCode code);
std::optional<ResultCode> result_code_from_string(std::string_view text);

} // namespace contract
