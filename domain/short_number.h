#pragma once
/// Group short numbers (集团短号): 3 to 6 digits beginning 61-69, unique within one group's short-number network.

#include "domain/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

class ShortNumber
{
public:
    static Result<ShortNumber> parse(std::string_view text);

    [[nodiscard]] const std::string& str() const { return m_text; }
    friend bool operator==(const ShortNumber&, const ShortNumber&) = default;

private:
    std::string m_text;
};

/// E_SHORT_NUMBER_TAKEN when `candidate` is already among the group's numbers.
std::optional<Problem> check_short_number_free(const ShortNumber& candidate, const std::vector<ShortNumber>& taken);

} // namespace domain
