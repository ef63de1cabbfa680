#pragma once
/// Identifying the customer at the counter: by ID number (read from the card or typed), service number, group name
/// or pre-accepted order number. Online, the back office answers and what it sends is cached; when it cannot be
/// reached, the cache answers and says so (with when its data was current), so the counter keeps working.

#include "client/store/utc_text.h"
#include "client/workflows/workstation/desk.h"
#include "domain/problem.h"
#include "services/bssclient/bss_client.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace workflows {

enum class CustomerKey
{
    id_number,
    service_number,
    name,
    order_id
};

struct FoundCustomers
{
    std::vector<contract::CustomerRecord> customers;
    bool from_cache = false;               ///< the back office did not answer; these are the cached copies
    std::optional<bss::CallError> offline; ///< why the back office did not answer (when from_cache)
};

/// The whole picture for the customer panel: grade, services, open orders, arrears, blacklist.
struct CustomerPicture
{
    contract::CustomerGetResponse view;
    bool from_cache = false; ///< only the record is known (services, arrears and blacklist need the back office)
};

class IdentifyCustomer
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit IdentifyCustomer(Desk& desk);
    /// `client` may be null (no back office configured or signed out): the cache answers.
    IdentifyCustomer(soci::session& sql, bss::BssClient* client, std::string staff,
                     std::function<store::UtcTime()> clock = {});

    /// Finds customers by `key`. An ID number or service number that is not valid is refused before anything is
    /// asked (the problem says why); a refusal by the back office is returned as its error.
    std::variant<FoundCustomers, domain::Problem, bss::CallError> find(CustomerKey key, const std::string& text);
    /// The customer panel's data; cached copy when the back office cannot be reached.
    std::variant<CustomerPicture, bss::CallError> picture(const std::string& customer_id);

private:
    [[nodiscard]] store::UtcTime now() const;
    std::vector<contract::CustomerRecord> from_cache(CustomerKey key, const std::string& text) const;

    soci::session& m_sql;
    bss::BssClient* m_client;
    std::string m_staff;
    std::function<store::UtcTime()> m_clock;
};

} // namespace workflows
