#pragma once
/// GB 11714 organisation code (组织机构代码): eight body characters 0-9/A-Z and a check character, shown XXXXXXXX-X.

#include "domain/result.h"

#include <string>
#include <string_view>

namespace domain {

class OrgCode
{
public:
    /// Accepts "XXXXXXXX-X" or the nine characters without the hyphen.
    static Result<OrgCode> parse(std::string_view text);

    /// The check character for eight body characters ('0'-'9' or 'X'). Precondition: body is 0-9/A-Z.
    static char check_character(std::string_view body8);

    /// Nine characters without the hyphen, as stored.
    [[nodiscard]] const std::string& str() const { return m_text; }
    /// "XXXXXXXX-X", as printed.
    [[nodiscard]] std::string display() const { return m_text.substr(0, 8) + '-' + m_text.substr(8); }

    friend bool operator==(const OrgCode&, const OrgCode&) = default;

private:
    std::string m_text;
};

} // namespace domain
