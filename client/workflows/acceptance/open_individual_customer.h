#pragma once
/// Opening an individual customer (开户) under the real-name rules (实名登记): the holder's card, an agent (代办人)
/// or guardian (监护人) with their own cards where the policy asks for one, and a contact phone. The domain checks
/// everything it can first and nothing is written when it refuses. Online, the back office's pre-checks
/// (blacklist, arrears, per-ID quota, open orders) come next, then customerCreate with a fresh key while the clerk
/// waits. When the back office gives no answer the customer is recorded provisionally under a local id and the
/// same request is queued with the same key; the back office's hard checks then run when the sync worker sends it.

#include "client/store/utc_text.h"
#include "client/workflows/workstation/no_answer.h"
#include "domain/civil_date.h"
#include "domain/problem.h"
#include "domain/real_name_policy.h"
#include "services/bssclient/bss_client.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// One person's document as read from the ID card (or typed when the chip cannot be read).
struct PersonIdentity
{
    std::string name;
    std::string id_number;            ///< a 15-digit number is stored in its 18-digit form
    std::string valid_from;           ///< YYYYMMDD, as on the card
    std::string valid_to;             ///< YYYYMMDD or 长期
    std::optional<std::string> birth; ///< YYYYMMDD from the card's own field, checked against the number
    std::optional<std::string> address;
};

/// What the clerk has gathered for a new individual customer.
struct IndividualApplication
{
    PersonIdentity holder;
    std::string contact_phone;
    std::optional<PersonIdentity> agent;    ///< someone acting for the holder
    std::optional<PersonIdentity> guardian; ///< required below the age to act alone
    std::string grade = "ordinary";
};

struct OpenCustomerOptions
{
    domain::RealNamePolicy policy;
    /// Pre-check findings that stop an opening here. Quota and open orders refuse later business, not the customer
    /// record, so they are shown with the result instead.
    std::vector<std::string> blocking{"E_BLACKLISTED", "E_ARREARS"};
    std::string service_kind = "fixedLine"; ///< the quota the pre-check reports
};

/// The pre-check stopped the opening; nothing was written.
struct PreCheckRefusal
{
    contract::PreCheckResponse findings;
    std::vector<std::string> blocking; ///< the findings' codes that stopped it, in the back office's order
};

/// What the acceptance form needs.
struct OpenedCustomer
{
    contract::CustomerRecord customer; ///< as stored; provisional: the customer_id is the local id
    std::string masked_id_number;      ///< the main certificate's number, masked when it is a person's
    std::string accepted_by;           ///< staff id
    store::UtcTime accepted_at{};
    bool provisional = false;                            ///< the back office has not answered for it yet
    std::optional<contract::PreCheckResponse> pre_check; ///< online: what the back office reported
    std::optional<bss::CallError> offline;               ///< why it was recorded provisionally (none: no client)
};

using OpenCustomerOutcome = std::variant<OpenedCustomer, std::vector<domain::Problem>, PreCheckRefusal, bss::CallError>;

class OpenIndividualCustomer
{
public:
    /// `client` may be null (no back office configured or reachable): the customer is recorded provisionally.
    /// `workstation_id` prefixes the local ids and keys made here.
    OpenIndividualCustomer(soci::session& sql, bss::BssClient* client, std::string staff, std::string workstation_id,
                           OpenCustomerOptions options = {}, std::function<store::UtcTime()> clock = {});

    /// Every rule the application breaks, without I/O. Person problems carry "role" (holder, agent, guardian) and
    /// "field" (name, idNumber, validity, birth) where the domain's own problem does not say; the phone's carries
    /// field=contactPhone.
    [[nodiscard]] std::vector<domain::Problem> check(const IndividualApplication& application,
                                                     domain::Date today) const;

    /// The back office's pre-checks for the holder's ID, for the screen before the clerk confirms.
    std::variant<contract::PreCheckResponse, std::vector<domain::Problem>, bss::CallError>
    pre_check(const IndividualApplication& application, domain::Date today);

    /// Checks, pre-checks (online) and opens the customer; see the file comment.
    OpenCustomerOutcome open(const IndividualApplication& application, domain::Date today);

    /// The record sent for `application` (customerId "new"); precondition: check() found nothing.
    [[nodiscard]] static contract::CustomerRecord record_for(const IndividualApplication& application,
                                                             domain::Date today);

private:
    soci::session& m_sql;
    bss::BssClient* m_client;
    std::string m_staff;
    std::string m_workstation;
    OpenCustomerOptions m_options;
    std::function<store::UtcTime()> m_clock;
};

/// Sends customerCreate for `record` with `local_id` as its key while the clerk waits, and caches the answer. With
/// no client, or no answer (transport, time-out, 5xx: the outcome may be unknown), records the customer
/// provisionally under `local_id` and queues the same bytes with the same key, in one transaction, so a customer the
/// back office did create is answered for, not created twice. A refusal is returned and nothing is written. Shared
/// by the individual and group openings.
std::variant<OpenedCustomer, bss::CallError> create_customer(soci::session& sql, bss::BssClient* client,
                                                             const std::string& staff, const std::string& local_id,
                                                             const contract::CustomerRecord& record,
                                                             store::UtcTime now);

} // namespace workflows
