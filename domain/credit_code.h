#pragma once
/// GB 32100 unified social credit code (统一社会信用代码): 18 symbols from a 31-character set without I, O, S, V, Z.
/// Registration authority, entity type, division code, the embedded GB 11714 organisation code, check character.

#include "domain/result.h"

#include <string>
#include <string_view>

namespace domain {

class CreditCode
{
public:
    /// Validates `text` exactly as given. Codes may begin with a letter (authorities A, N, Y and others).
    static Result<CreditCode> parse(std::string_view text);

    /// The check symbol for the first 17 symbols. Precondition: every symbol is in the set.
    static char check_character(std::string_view first17);

    [[nodiscard]] const std::string& str() const { return m_text; }
    /// Position 1: 1 机构编制, 5 民政, 9 工商, Y 其他, …
    [[nodiscard]] char registration_authority() const { return m_text[0]; }
    /// Position 2, e.g. '1' with authority '9' is an enterprise.
    [[nodiscard]] char entity_type() const { return m_text[1]; }
    /// Positions 3-8.
    [[nodiscard]] std::string_view division_code() const { return std::string_view(m_text).substr(2, 6); }
    /// Positions 9-17: the organisation code body and its check character.
    [[nodiscard]] std::string_view org_code() const { return std::string_view(m_text).substr(8, 9); }
    /// False when the embedded organisation code fails its own check: older registrations have such codes, so this
    /// is a warning, not a rejection.
    [[nodiscard]] bool org_code_consistent() const { return m_org_consistent; }

    friend bool operator==(const CreditCode& a, const CreditCode& b) { return a.m_text == b.m_text; }

private:
    std::string m_text;
    bool m_org_consistent = false;
};

} // namespace domain
