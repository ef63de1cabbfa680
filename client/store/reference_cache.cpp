#include "client/store/reference_cache.h"

#include "client/store/customer_cache.h"
#include "common/sql/column.h"
#include "common/sql/like_pattern.h"
#include "domain/input_text.h"

namespace store {
namespace {

CachedAddress address_from(const soci::row& row)
{
    return {row.get<std::string>(0), row.get_indicator(1) == soci::i_ok ? row.get<std::string>(1) : std::string(),
            row.get<std::string>(2), row.get<std::string>(3), row.get<std::string>(4)};
}

} // namespace

std::optional<CachedCatalog> ReferenceCache::catalog() const
{
    soci::rowset<soci::row> rows = (m_sql.prepare << "SELECT version, fetched_at, document FROM catalog WHERE id = 1");
    for (const auto& row : rows) {
        return CachedCatalog{sql::column_int(row, 0), row.get<std::string>(1), row.get<std::string>(2)};
    }
    return std::nullopt;
}

void ReferenceCache::put_catalog(std::int64_t version, const std::string& document, UtcTime now)
{
    const long long v = version;
    const auto at = utc_text(now);
    m_sql << "INSERT INTO catalog (id, version, fetched_at, document) VALUES (1, :v, :a, :d) ON CONFLICT (id) DO "
             "UPDATE SET version = excluded.version, fetched_at = excluded.fetched_at, document = excluded.document",
        soci::use(v), soci::use(at), soci::use(document);
}

void ReferenceCache::put_address(const CachedAddress& address)
{
    soci::indicator parent = address.parent_id.empty() ? soci::i_null : soci::i_ok;
    m_sql << "INSERT INTO addresses (address_id, parent_id, level, name, full_name) VALUES (:i, :p, :l, :n, :f) "
             "ON CONFLICT (address_id) DO UPDATE SET parent_id = excluded.parent_id, level = excluded.level, "
             "name = excluded.name, full_name = excluded.full_name",
        soci::use(address.address_id), soci::use(address.parent_id, parent), soci::use(address.level),
        soci::use(address.name), soci::use(address.full_name);
}

std::vector<CachedAddress> ReferenceCache::address_children(const std::string& parent_id) const
{
    std::vector<CachedAddress> found;
    soci::rowset<soci::row> rows =
        parent_id.empty() ? (m_sql.prepare << "SELECT address_id, parent_id, level, name, full_name FROM addresses "
                                              "WHERE parent_id IS NULL ORDER BY address_id")
                          : (m_sql.prepare << "SELECT address_id, parent_id, level, name, full_name FROM addresses "
                                              "WHERE parent_id = :p ORDER BY address_id",
                             soci::use(parent_id));
    for (const auto& row : rows) {
        found.push_back(address_from(row));
    }
    return found;
}

std::optional<CachedAddress> ReferenceCache::address(const std::string& address_id) const
{
    soci::rowset<soci::row> rows = (m_sql.prepare << "SELECT address_id, parent_id, level, name, full_name "
                                                     "FROM addresses WHERE address_id = :i",
                                    soci::use(address_id));
    for (const auto& row : rows) {
        return address_from(row);
    }
    return std::nullopt;
}

std::vector<CachedAddress> ReferenceCache::search_addresses(const std::string& text, int limit) const
{
    std::vector<CachedAddress> found;
    if (domain::character_count(text) < 3) {
        // The trigram index cannot match fewer than three characters; the address tree a counter has seen is
        // small enough to scan.
        const auto pattern = sql::like_contains(text);
        soci::rowset<soci::row> rows =
            (m_sql.prepare << "SELECT address_id, parent_id, level, name, full_name FROM addresses "
                              "WHERE full_name LIKE :p ESCAPE '\\' ORDER BY level = 'building' DESC LIMIT :l",
             soci::use(pattern), soci::use(limit));
        for (const auto& row : rows) {
            found.push_back(address_from(row));
        }
        return found;
    }
    const auto phrase = fts_phrase(text);
    soci::rowset<soci::row> rows =
        (m_sql.prepare << "SELECT a.address_id, a.parent_id, a.level, a.name, a.full_name FROM address_text t "
                          "JOIN addresses a ON a.rowid = t.rowid WHERE address_text MATCH :q LIMIT :l",
         soci::use(phrase), soci::use(limit));
    for (const auto& row : rows) {
        found.push_back(address_from(row));
    }
    return found;
}

} // namespace store
