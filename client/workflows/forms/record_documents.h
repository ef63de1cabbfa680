#pragma once
/// How the cache keeps the back office's records: each as the contract's own XML (the same mapping as on the
/// wire, so a field added to the contract is cached without a schema change), wrapped in a root of its own.

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "services/contract/messages/customer.h"
#include "services/contract/messages/order.h"

#include <optional>
#include <string>

namespace workflows {

std::string customer_document(const contract::CustomerRecord& customer);
std::optional<contract::CustomerRecord> customer_from_document(const std::string& xml);
std::string order_document(const contract::ProductOrder& order);
std::optional<contract::ProductOrder> order_from_document(const std::string& xml);

/// The cache row of a back-office customer, with the columns searched on.
store::CachedCustomer cached_customer(const contract::CustomerRecord& customer,
                                      const std::vector<std::string>& service_numbers = {});
/// The timeline of a back-office order, as the store keeps it.
std::vector<store::OrderEvent> order_events(const contract::ProductOrder& order);

} // namespace workflows
