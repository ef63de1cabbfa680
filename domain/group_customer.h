#pragma once
/// Opening a group (enterprise) customer (集团客户开户): certificates with exactly one main certificate (主证件),
/// one or more customer managers, and a sales grid (网格) for SMEs only. The certificate's enterprise name is not
/// typed: it is the customer name, so there is nothing to check there.

#include "domain/civil_date.h"
#include "domain/problem.h"

#include <optional>
#include <string>
#include <vector>

namespace domain {

enum class GroupType
{
    key_account, ///< 大客户: never in a grid
    sme,         ///< 中小企业: always in a grid
    other,       ///< grid optional
};

enum class CertificateKind
{
    business_licence,     ///< 营业执照: a unified social credit code
    org_code_certificate, ///< 组织机构代码证
    public_institution,   ///< 事业单位法人证书: a unified social credit code (12…)
    introduction_letter,  ///< 介绍信: free reference text
    personal_id,          ///< a person's ID (sole traders)
};

struct Certificate
{
    CertificateKind kind = CertificateKind::business_licence;
    std::string number;
    bool main = false;
};

struct GroupCustomerDraft
{
    std::string name;
    GroupType type = GroupType::other;
    std::vector<Certificate> certificates;
    std::vector<std::string> managers; ///< staff numbers of the customer managers
    std::optional<std::string> grid = std::nullopt;
};

/// Every rule the draft breaks (certificate problems name the certificate's 1-based index); empty when it can be
/// submitted. Name uniqueness needs the back office and is checked there.
std::vector<Problem> check_group_customer(const GroupCustomerDraft& draft, Date today);

} // namespace domain
