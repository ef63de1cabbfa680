#pragma once
/// Customers and groups the counter has seen or the customer manager owns, as the back office last sent them: the
/// contract's record in `document`, and the columns the counter finds them by (ID number, service number, name,
/// address). Finding by name or address uses a trigram full-text index, so any three consecutive characters of a
/// Chinese name match without a word splitter; shorter texts fall back to a scan of groups only.

#include "client/store/utc_text.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace store {

struct CachedCustomer
{
    std::string customer_id;
    std::string kind; ///< individual | group
    std::string name;
    std::string id_number; ///< the main certificate's number
    std::string address;
    std::int64_t version = 0; ///< the back office's version; an older copy never replaces a newer one
    bool provisional = false; ///< made at this counter and not yet accepted by the back office
    std::string cached_at;
    std::string document; ///< the back office's record (contract XML)
    std::vector<std::string> service_numbers;
};

class CustomerCache
{
public:
    explicit CustomerCache(soci::session& sql);
    ~CustomerCache();
    CustomerCache(const CustomerCache&) = delete;
    CustomerCache& operator=(const CustomerCache&) = delete;

    /// Inserts or refreshes a customer and its service numbers. A copy older than the cached one (lower version)
    /// changes nothing: the back office owns these fields and its newest answer wins. Returns whether it was stored.
    bool put(const CachedCustomer& customer, UtcTime now);
    /// For a large first sync: while one is alive, put() leaves the text index alone, and it is rebuilt in one
    /// pass when it ends (tokenising row by row costs ten times more). Searches by text miss the rows put meanwhile.
    class BulkLoad
    {
    public:
        explicit BulkLoad(CustomerCache& cache) : m_cache(cache) { m_cache.m_deferred = true; }
        ~BulkLoad();
        BulkLoad(const BulkLoad&) = delete;
        BulkLoad& operator=(const BulkLoad&) = delete;

    private:
        CustomerCache& m_cache;
    };

    /// Drops a provisional customer once the back office has given it its own id (see replace_id).
    void remove(const std::string& customer_id);

    [[nodiscard]] std::optional<CachedCustomer> by_id(const std::string& customer_id) const;
    [[nodiscard]] std::vector<CachedCustomer> by_id_number(const std::string& id_number) const;
    [[nodiscard]] std::optional<CachedCustomer> by_service_number(const std::string& number) const;
    /// Groups whose name contains `text`, best (shortest name) first.
    [[nodiscard]] std::vector<CachedCustomer> search_groups(const std::string& text, int limit) const;
    /// Customers whose address contains `text`.
    [[nodiscard]] std::vector<CachedCustomer> search_address(const std::string& text, int limit) const;
    [[nodiscard]] std::int64_t count() const;

private:
    struct Statements;
    soci::session& m_sql;
    std::unique_ptr<Statements> m_statements;
    bool m_deferred = false;
};

/// The text as an FTS5 string literal (quoted, inner quotes doubled), so a clerk's input is never query syntax.
std::string fts_phrase(const std::string& text);

} // namespace store
