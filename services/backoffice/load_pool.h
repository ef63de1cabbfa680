#pragma once
/// `--load-pool N`: what a load test or a fault drill needs beyond the demo data to accept N fixed-line installs
/// without running out: a building with N free ports, N free numbers and enough customers that none reaches the
/// per-ID quota. The names are fixed so a driver can compute them: building LOAD-B01, numbers "9" + 7 digits
/// (order k takes load_pool_number(k)), customers LOAD-C + 6 digits (order k uses load_pool_customer(k)).

#include "services/contract/field_types.h"

#include <cstddef>
#include <soci/soci.h>
#include <string>

namespace backoffice {

inline constexpr const char* kLoadPoolBuilding = "LOAD-B01";
/// Installs per customer: below the default per-ID quota of fixed lines (5), with room for one more.
inline constexpr std::size_t kLoadPoolOrdersPerCustomer = 4;

std::string load_pool_number(std::size_t k);
std::string load_pool_customer(std::size_t k);

/// Seeds the pool for `orders` installs in one transaction. Idempotent: a pool already there (settings row
/// `load_pool`) is kept as it is. Returns the number of orders the pool holds.
std::size_t seed_load_pool(soci::session& sql, std::size_t orders, contract::Timestamp now);

} // namespace backoffice
