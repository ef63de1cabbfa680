#pragma once
/// Reference data the counter needs offline: the catalog (one versioned document, replaced whole) and the
/// standard-address tree as far as it was fetched (searchable by any part of the full name).

#include "client/store/utc_text.h"

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace store {

struct CachedCatalog
{
    std::int64_t version = 0;
    std::string fetched_at;
    std::string document; ///< the back office's catalog (contract XML)
};

struct CachedAddress
{
    std::string address_id;
    std::string parent_id; ///< empty for a province
    std::string level;     ///< province | city | district | street | building
    std::string name;
    std::string full_name;
};

class ReferenceCache
{
public:
    explicit ReferenceCache(soci::session& sql) : m_sql(sql) {}

    [[nodiscard]] std::optional<CachedCatalog> catalog() const;
    void put_catalog(std::int64_t version, const std::string& document, UtcTime now);

    void put_address(const CachedAddress& address);
    [[nodiscard]] std::vector<CachedAddress> address_children(const std::string& parent_id) const;
    /// One address by id (an order names its address by id only; the paper needs the full name).
    [[nodiscard]] std::optional<CachedAddress> address(const std::string& address_id) const;
    /// Addresses whose full name contains `text` (by the trigram index from three characters, by a scan below).
    [[nodiscard]] std::vector<CachedAddress> search_addresses(const std::string& text, int limit) const;

private:
    soci::session& m_sql;
};

} // namespace store
