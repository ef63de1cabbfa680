#include "client/workflows/acceptance/identifier_check.h"

#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "domain/org_code.h"
#include "domain/phone_number.h"
#include "domain/short_number.h"

namespace workflows {

std::optional<IdentifierKind> identifier_kind_from_string(std::string_view text)
{
    if (text == "id") {
        return IdentifierKind::id;
    }
    if (text == "uscc") {
        return IdentifierKind::uscc;
    }
    if (text == "orgcode") {
        return IdentifierKind::orgcode;
    }
    if (text == "phone") {
        return IdentifierKind::phone;
    }
    if (text == "short") {
        return IdentifierKind::short_number;
    }
    return std::nullopt;
}

IdentifierVerdict check_identifier(IdentifierKind kind, std::string_view value, domain::Date today)
{
    IdentifierVerdict verdict;
    const auto take = [&](const auto& result, auto&& on_valid) {
        if (!result) {
            verdict.problem = result.error();
        } else {
            verdict.canonical = result->str();
            on_valid(*result);
        }
    };
    switch (kind) {
    case IdentifierKind::id:
        take(domain::IdNumber::parse(value, today), [&](const domain::IdNumber& id) {
            if (!id.region_known()) {
                verdict.warnings.emplace_back("W_ID_REGION_UNKNOWN");
            }
        });
        break;
    case IdentifierKind::uscc:
        take(domain::CreditCode::parse(value), [&](const domain::CreditCode& code) {
            if (!code.org_code_consistent()) {
                verdict.warnings.emplace_back("W_USCC_ORG_CODE");
            }
        });
        break;
    case IdentifierKind::orgcode:
        take(domain::OrgCode::parse(value), [&](const domain::OrgCode& code) { verdict.canonical = code.display(); });
        break;
    case IdentifierKind::phone:
        take(domain::PhoneNumber::parse(value), [](const domain::PhoneNumber&) {});
        break;
    case IdentifierKind::short_number:
        take(domain::ShortNumber::parse(value), [](const domain::ShortNumber&) {});
        break;
    }
    return verdict;
}

} // namespace workflows
