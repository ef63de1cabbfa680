#pragma once
/// Which permission each operation needs (checked by the back office on every call, whatever the screens show) and
/// the built-in roles. An empty permission means "any signed-in staff member".

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

/// The permission `operation` requires; nothing for an unknown operation.
std::optional<std::string_view> required_permission(std::string_view operation);

/// Every permission there is, sorted (for the role editor).
std::span<const std::string_view> all_permissions();

struct BuiltInRole
{
    std::string_view role_id;
    std::string_view name;
    std::vector<std::string_view> permissions;
};

/// admin, supervisor (班长), clerk (营业员), manager (客户经理).
std::span<const BuiltInRole> built_in_roles();

} // namespace backoffice
