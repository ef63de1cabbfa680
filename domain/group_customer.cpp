#include "domain/group_customer.h"

#include "domain/credit_code.h"
#include "domain/id_number.h"
#include "domain/org_code.h"

#include <algorithm>

namespace domain {
namespace {

/// The number's own problem, if its kind has a checkable format.
std::optional<Problem> check_number(const Certificate& c, Date today)
{
    const auto first_problem = [](const auto& result) -> std::optional<Problem> {
        return result ? std::nullopt : std::optional<Problem>(result.error());
    };
    switch (c.kind) {
    case CertificateKind::business_licence:
    case CertificateKind::public_institution:
        return first_problem(CreditCode::parse(c.number));
    case CertificateKind::org_code_certificate:
        return first_problem(OrgCode::parse(c.number));
    case CertificateKind::personal_id:
        return first_problem(IdNumber::parse(c.number, today));
    case CertificateKind::introduction_letter:
        break;
    }
    return c.number.find_first_not_of(" \t") == std::string::npos ? std::optional<Problem>(problem(Errc::empty))
                                                                  : std::nullopt;
}

} // namespace

std::vector<Problem> check_group_customer(const GroupCustomerDraft& draft, Date today)
{
    std::vector<Problem> out;
    if (draft.name.find_first_not_of(" \t\xE3\x80\x80") == std::string::npos) {
        out.push_back(problem(Errc::group_name_empty));
    }

    if (draft.certificates.empty()) {
        out.push_back(problem(Errc::group_no_certificate));
    } else {
        const auto mains = std::count_if(draft.certificates.begin(), draft.certificates.end(),
                                         [](const Certificate& c) { return c.main; });
        if (mains != 1) {
            out.push_back(problem(Errc::group_main_certificate, {{"count", std::to_string(mains)}}));
        }
        for (std::size_t i = 0; i < draft.certificates.size(); ++i) {
            if (auto bad = check_number(draft.certificates[i], today)) {
                out.push_back(problem(Errc::group_certificate_number, {{"index", std::to_string(i + 1)},
                                                                       {"reason", std::string(code_name(bad->code))}}));
            }
        }
    }

    if (draft.managers.empty()) {
        out.push_back(problem(Errc::group_no_manager));
    }
    for (std::size_t i = 0; i < draft.managers.size(); ++i) {
        if (std::find(draft.managers.begin(), draft.managers.begin() + static_cast<std::ptrdiff_t>(i),
                      draft.managers[i]) != draft.managers.begin() + static_cast<std::ptrdiff_t>(i)) {
            out.push_back(problem(Errc::group_manager_duplicate, {{"manager", draft.managers[i]}}));
        }
    }

    const bool has_grid = draft.grid && !draft.grid->empty();
    if (draft.type == GroupType::sme && !has_grid) {
        out.push_back(problem(Errc::group_grid_required));
    }
    if (draft.type == GroupType::key_account && has_grid) {
        out.push_back(problem(Errc::group_grid_not_allowed));
    }
    return out;
}

} // namespace domain
