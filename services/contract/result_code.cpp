#include "services/contract/result_code.h"

#include "domain/name_table.h"

namespace contract {
namespace {

constexpr domain::NameTable<ResultCode, 16> kNames{{
    {ResultCode::ok, "OK"},
    {ResultCode::blacklisted, "E_BLACKLISTED"},
    {ResultCode::open_order, "E_OPEN_ORDER"},
    {ResultCode::number_taken, "E_NUMBER_TAKEN"},
    {ResultCode::no_resource, "E_NO_RESOURCE"},
    {ResultCode::no_campaign, "E_NO_CAMPAIGN"},
    {ResultCode::arrears, "E_ARREARS"},
    {ResultCode::deposit, "E_DEPOSIT"},
    {ResultCode::id_quota, "E_ID_QUOTA"},
    {ResultCode::name_exists, "E_NAME_EXISTS"},
    {ResultCode::permission, "E_PERMISSION"},
    {ResultCode::validation, "E_VALIDATION"},
    {ResultCode::not_found, "E_NOT_FOUND"},
    {ResultCode::session, "E_SESSION"},
    {ResultCode::idempotency, "E_IDEMPOTENCY"},
    {ResultCode::internal, "E_INTERNAL"},
}};

} // namespace

std::string_view to_string(ResultCode code)
{
    return domain::name_of(kNames, code, "E_INTERNAL");
}

std::optional<ResultCode> result_code_from_string(std::string_view text)
{
    return domain::value_of(kNames, text);
}

} // namespace contract
