#pragma once
/// A product's attribute as the order sets it (来电显示 needs none; 呼叫转移 the number calls go to; 长途权限 its
/// scope): every attribute of the product has a value, one of its allowed values when the catalog lists them, and a
/// forwarding target is a phone number. Checked at the counter before an order is accepted and again by the back
/// office when it arrives.

#include "domain/problem.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace domain {

/// The attribute that names where calls are forwarded (呼叫转移): its value must be a phone number.
inline constexpr std::string_view kForwardToAttribute = "forwardTo";

/// Why `value` cannot be product `offering`'s attribute `attribute` with these `allowed` values (empty: free
/// text): E_ORDER_ATTRIBUTE_MISSING {offering, attribute} when nothing is set, E_ORDER_ATTRIBUTE_VALUE {offering,
/// attribute, value, reason} otherwise; nothing when it may be.
std::optional<Problem> check_attribute(std::string_view offering, std::string_view attribute,
                                       std::span<const std::string> allowed, std::string_view value);

} // namespace domain
