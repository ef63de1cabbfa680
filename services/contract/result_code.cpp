#include "services/contract/result_code.h"

#include <array>
#include <utility>

namespace contract {
namespace {

constexpr std::array<std::pair<ResultCode, std::string_view>, 16> kNames{{
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
    for (const auto& [c, name] : kNames) {
        if (c == code) {
            return name;
        }
    }
    return "E_INTERNAL";
}

std::optional<ResultCode> result_code_from_string(std::string_view text)
{
    for (const auto& [c, name] : kNames) {
        if (name == text) {
            return c;
        }
    }
    return std::nullopt;
}

} // namespace contract
