#include "domain/product_attribute.h"

#include "domain/phone_number.h"

#include <algorithm>

namespace domain {

std::optional<Problem> check_attribute(std::string_view offering, std::string_view attribute,
                                       std::span<const std::string> allowed, std::string_view value)
{
    const auto refused = [&](std::string_view reason) {
        return problem(Errc::order_attribute_value, {{"offering", std::string(offering)},
                                                     {"attribute", std::string(attribute)},
                                                     {"value", std::string(value)},
                                                     {"reason", std::string(reason)}});
    };
    if (value.find_first_not_of(" \t") == std::string_view::npos) {
        return problem(Errc::order_attribute_missing,
                       {{"offering", std::string(offering)}, {"attribute", std::string(attribute)}});
    }
    if (!allowed.empty()) {
        if (std::ranges::find(allowed, value) == allowed.end()) {
            return refused("not_allowed");
        }
        return std::nullopt;
    }
    if (attribute == kForwardToAttribute) {
        if (const auto number = PhoneNumber::parse(value); !number) {
            return refused(code_name(number.error().code));
        }
    }
    return std::nullopt;
}

} // namespace domain
