#pragma once
/// Opening a group (enterprise) customer (集团客户开户): the name, checked for uniqueness when the clerk leaves the
/// field; certificates with exactly one main certificate (主证件), whose enterprise name is the customer name; one
/// or more customer managers; the type, and a sales grid (网格) for SMEs only. The domain checks first and nothing
/// is written when it refuses; then customerCreate as for individuals (create_customer): online while the manager
/// waits, or provisional and queued when the back office gives no answer (a manager in the field is often offline).

#include "client/workflows/acceptance/open_individual_customer.h"
#include "client/workflows/workstation/desk.h"
#include "domain/group_customer.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// One certificate as entered; its enterprise name is not typed (it is the customer name).
struct GroupCertificate
{
    domain::CertificateKind kind = domain::CertificateKind::business_licence;
    std::string number;
    bool main = false;
    std::optional<domain::Date> valid_to;
};

struct GroupApplication
{
    std::string name;
    domain::GroupType type = domain::GroupType::other;
    std::vector<GroupCertificate> certificates;
    std::vector<std::string> managers; ///< staff ids of the customer managers (客户经理)
    std::optional<std::string> grid;   ///< SMEs only
    std::optional<std::string> address;
    std::optional<std::string> contact_phone;
    std::string grade = "ordinary";
};

/// The answer to "does a group of this name exist?" (该客户名称已存在).
struct GroupNameCheck
{
    enum class Status
    {
        free,
        exists,
        unknown
    };
    Status status = Status::unknown;
    std::optional<std::string> existing_customer_id;
    bool from_cache = false;               ///< the back office did not answer; a cached group of that name was found
    std::optional<bss::CallError> offline; ///< why the back office did not answer (unknown or from_cache)
};

class OpenGroupCustomer
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit OpenGroupCustomer(Desk& desk);
    /// `client` may be null (offline): names are checked against the cache only and groups recorded provisionally.
    OpenGroupCustomer(soci::session& sql, bss::BssClient* client, std::string staff, std::string workstation_id,
                      std::function<store::UtcTime()> clock = {});

    /// On leaving the name field: an exact match among the groups whose name contains `name` (customerFind). A
    /// refusal (e.g. E_PERMISSION) is returned as the error; no answer gives `unknown`, or `exists` from the cache.
    std::variant<GroupNameCheck, bss::CallError> check_group_name(const std::string& name);

    /// Every rule the application breaks, without I/O (the domain's group rules, and the phone when given).
    [[nodiscard]] static std::vector<domain::Problem> check(const GroupApplication& application, domain::Date today);

    /// Checks and opens the group. A name that exists is refused by the back office with E_NAME_EXISTS {name,
    /// customerId}; it is not asked twice here.
    std::variant<OpenedCustomer, std::vector<domain::Problem>, bss::CallError> open(const GroupApplication& application,
                                                                                    domain::Date today);

    /// The record sent for `application` (customerId "new").
    [[nodiscard]] static contract::CustomerRecord record_for(const GroupApplication& application);

private:
    soci::session& m_sql;
    bss::BssClient* m_client;
    std::string m_staff;
    std::string m_workstation;
    std::function<store::UtcTime()> m_clock;
};

/// The contract's certificate type for a domain certificate kind ("businessLicence", "orgCode", …).
const char* certificate_type_name(domain::CertificateKind kind);
/// The contract's group type: "keyAccount", "sme" or "other".
const char* group_type_name(domain::GroupType type);

} // namespace workflows
