#pragma once
/// 固话新装: a fixed-line install at the counter, step by step as the clerk goes — the catalog (cached by version),
/// a resource check at the standard address (with alternatives when the building is full), number search and
/// reservation (预占, which expires), the fees exactly as the back office will charge them (each product's one-off fee
/// and the number's 选号费), then the order, accepted with the money taken through the order desk.

#include "client/workflows/orders/order_desk.h"
#include "client/workflows/workstation/desk.h"
#include "domain/problem.h"
#include "services/bssclient/bss_client.h"

#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// The characteristics an offering gets when the clerk has not set them: each attribute's default, or its first
/// allowed value. Used by every order that adds products (install, value-added change).
std::vector<contract::Characteristic> default_characteristics(const contract::Offering& offering);

/// Whether `values` set every attribute of `offering` as the catalog allows (domain::check_attribute for each); a
/// value for an attribute the product does not have is refused too (E_ORDER_ATTRIBUTE_VALUE, reason unknown).
std::optional<domain::Problem> check_characteristics(const contract::Offering& offering,
                                                     const std::vector<contract::Characteristic>& values);

struct InstallChoice
{
    std::string customer_id;
    std::string address_id;                    ///< a building of the standard-address tree
    contract::NumberRecord number;             ///< as found or reserved (carries its fee)
    std::vector<contract::OrderItem> products; ///< offering ids with their characteristics; one basic product
    std::optional<domain::Date> appointment;   ///< 预约上门
    std::optional<std::string> note;
};

class FixedLineInstall
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    FixedLineInstall(Desk& desk, OrderDesk& orders);
    /// `client` null: offline — the catalog comes from the cache, checks and reservations are skipped and the order
    /// is accepted provisionally (the back office checks again when it is sent).
    FixedLineInstall(soci::session& sql, bss::BssClient* client, OrderDesk& desk, std::string staff);

    /// The sellable catalog: asked with the cached version (the back office answers "unchanged" when it is current),
    /// from the cache when the back office cannot be reached. E_NOT_FOUND when there is neither.
    std::variant<contract::CatalogGetResponse, bss::CallError> catalog();
    std::variant<contract::ResourceCheckResponse, bss::CallError> check_resources(const std::string& address_id);
    std::variant<std::vector<contract::NumberRecord>, bss::CallError>
    search_numbers(const std::optional<std::string>& exchange, const std::optional<std::string>& pattern, int limit);
    /// Reserves the number for this clerk (it expires; the record says when, on this workstation's clock).
    std::variant<contract::NumberRecord, bss::CallError> reserve(const std::string& number);
    std::optional<bss::CallError> release(const std::string& number);

    /// The fees of `choice`, the way the back office computes them. Refuses an unknown product, a choice without
    /// exactly one basic product, without an address or without a number.
    static std::variant<std::vector<contract::Fee>, domain::Problem> fees(const InstallChoice& choice,
                                                                          const contract::CatalogGetResponse& catalog);

    /// Builds the order from `choice` with its fees and accepts it (queued for the back office).
    std::variant<AcceptedOrder, domain::Problem> accept(const InstallChoice& choice,
                                                        const contract::CatalogGetResponse& catalog,
                                                        const std::optional<PaymentTaken>& payment);

private:
    soci::session& m_sql;
    bss::BssClient* m_client;
    OrderDesk& m_desk;
    std::string m_staff;
};

} // namespace workflows
