#include "client/store/customer_cache.h"

#include "common/sql/column.h"
#include "common/sql/like_pattern.h"
#include "domain/input_text.h"

#include <algorithm>
#include <utility>

namespace store {
namespace {

constexpr const char* kColumns =
    "c.customer_id, c.kind, c.name, c.id_number, c.address, c.version, c.provisional, c.cached_at, c.document";

CachedCustomer customer_from(const soci::row& row)
{
    CachedCustomer c;
    c.customer_id = row.get<std::string>(0);
    c.kind = row.get<std::string>(1);
    c.name = row.get<std::string>(2);
    c.id_number = row.get<std::string>(3);
    c.address = row.get<std::string>(4);
    c.version = sql::column_int(row, 5);
    c.provisional = sql::column_int(row, 6) != 0;
    c.cached_at = row.get<std::string>(7);
    c.document = row.get<std::string>(8);
    return c;
}

} // namespace

/// The statements bulk ingest runs per row, prepared once (SQLite's prepare costs more than the insert).
struct CustomerCache::Statements
{
    CachedCustomer row;
    int provisional = 0;
    std::string cached_at;
    std::string service_number;
    long long old_rowid = 0;
    std::string old_name;
    std::string old_address;
    long long new_rowid = 0;
    soci::statement upsert;
    soci::statement clear_services;
    soci::statement add_service;
    soci::statement find_old;
    soci::statement unindex;
    soci::statement find_new;
    soci::statement index;

    explicit Statements(soci::session& sql)
        : upsert((sql.prepare << "INSERT INTO customers (customer_id, kind, name, id_number, address, version, "
                                 "provisional, cached_at, document) VALUES (:id, :kind, :name, :idn, :addr, :ver, "
                                 ":prov, :at, :doc) ON CONFLICT (customer_id) DO UPDATE SET kind = excluded.kind, "
                                 "name = excluded.name, id_number = excluded.id_number, address = excluded.address, "
                                 "version = excluded.version, provisional = excluded.provisional, "
                                 "cached_at = excluded.cached_at, document = excluded.document "
                                 "WHERE excluded.version >= customers.version",
                  soci::use(row.customer_id), soci::use(row.kind), soci::use(row.name), soci::use(row.id_number),
                  soci::use(row.address), soci::use(row.version), soci::use(provisional), soci::use(cached_at),
                  soci::use(row.document))),
          clear_services(
              (sql.prepare << "DELETE FROM customer_services WHERE customer_id = :id", soci::use(row.customer_id))),
          add_service((sql.prepare << "INSERT INTO customer_services (service_number, customer_id) VALUES (:n, :id) "
                                      "ON CONFLICT (service_number) DO UPDATE SET customer_id = excluded.customer_id",
                       soci::use(service_number), soci::use(row.customer_id))),
          find_old((sql.prepare << "SELECT rowid, name, address FROM customers WHERE customer_id = :id",
                    soci::into(old_rowid), soci::into(old_name), soci::into(old_address), soci::use(row.customer_id))),
          // An external-content index forgets a row only when told the values it indexed.
          unindex((sql.prepare << "INSERT INTO customer_text (customer_text, rowid, name, address) "
                                  "VALUES ('delete', :r, :n, :a)",
                   soci::use(old_rowid), soci::use(old_name), soci::use(old_address))),
          find_new((sql.prepare << "SELECT rowid FROM customers WHERE customer_id = :id", soci::into(new_rowid),
                    soci::use(row.customer_id))),
          index((sql.prepare << "INSERT INTO customer_text (rowid, name, address) VALUES (:r, :n, :a)",
                 soci::use(new_rowid), soci::use(row.name), soci::use(row.address)))
    {
    }
};

CustomerCache::CustomerCache(soci::session& sql) : m_sql(sql), m_statements(std::make_unique<Statements>(sql)) {}

CustomerCache::~CustomerCache() = default;

bool CustomerCache::put(const CachedCustomer& customer, UtcTime now)
{
    auto& s = *m_statements;
    s.row = customer;
    s.provisional = customer.provisional ? 1 : 0;
    s.cached_at = utc_text(now);
    const bool existed = !m_deferred && s.find_old.execute(true);
    s.upsert.execute(true);
    if (s.upsert.get_affected_rows() == 0) {
        return false;
    }
    if (!m_deferred) {
        if (existed) {
            s.unindex.execute(true);
        }
        s.find_new.execute(true);
        s.index.execute(true);
    }
    s.clear_services.execute(true);
    for (const auto& number : customer.service_numbers) {
        s.service_number = number;
        s.add_service.execute(true);
    }
    return true;
}

CustomerCache::BulkLoad::~BulkLoad()
{
    m_cache.m_deferred = false;
    try {
        m_cache.m_sql << "INSERT INTO customer_text (customer_text) VALUES ('rebuild')";
    } catch (const std::exception&) {
        // A destructor must not throw; the index stays as it was until the next bulk load rebuilds it, and the
        // exact look-ups (which do not use it) are unaffected.
    }
}

void CustomerCache::remove(const std::string& customer_id)
{
    auto& s = *m_statements;
    s.row.customer_id = customer_id;
    if (s.find_old.execute(true)) {
        s.unindex.execute(true);
    }
    m_sql << "DELETE FROM customer_services WHERE customer_id = :id", soci::use(customer_id);
    m_sql << "DELETE FROM customers WHERE customer_id = :id", soci::use(customer_id);
}

std::optional<CachedCustomer> CustomerCache::by_id(const std::string& customer_id) const
{
    soci::rowset<soci::row> rows =
        (m_sql.prepare << std::string("SELECT ") + kColumns + " FROM customers c WHERE c.customer_id = :id",
         soci::use(customer_id));
    for (const auto& row : rows) {
        auto customer = customer_from(row);
        soci::rowset<std::string> numbers =
            (m_sql.prepare << "SELECT service_number FROM customer_services WHERE customer_id = :id ORDER BY 1",
             soci::use(customer_id));
        customer.service_numbers.assign(numbers.begin(), numbers.end());
        return customer;
    }
    return std::nullopt;
}

std::vector<CachedCustomer> CustomerCache::by_id_number(const std::string& id_number) const
{
    std::vector<CachedCustomer> found;
    soci::rowset<soci::row> rows =
        (m_sql.prepare << std::string("SELECT ") + kColumns + " FROM customers c WHERE c.id_number = :n",
         soci::use(id_number));
    for (const auto& row : rows) {
        found.push_back(customer_from(row));
    }
    return found;
}

std::optional<CachedCustomer> CustomerCache::by_service_number(const std::string& number) const
{
    std::string customer_id;
    m_sql << "SELECT customer_id FROM customer_services WHERE service_number = :n", soci::use(number),
        soci::into(customer_id);
    if (!m_sql.got_data()) {
        return std::nullopt;
    }
    return by_id(customer_id);
}

std::vector<CachedCustomer> CustomerCache::search_groups(const std::string& text, int limit) const
{
    std::vector<CachedCustomer> found;
    if (text.empty()) {
        return found;
    }
    if (domain::character_count(text) >= 3) {
        const auto phrase = "name : " + fts_phrase(text);
        soci::rowset<soci::row> rows =
            (m_sql.prepare << std::string("SELECT ") + kColumns +
                                  " FROM customer_text t CROSS JOIN customers c ON c.rowid = t.rowid WHERE "
                                  "customer_text MATCH :q AND c.kind = 'group' LIMIT :l",
             soci::use(phrase), soci::use(limit));
        for (const auto& row : rows) {
            found.push_back(customer_from(row));
        }
        // CROSS JOIN keeps the full-text match first: left to itself the planner walks every group by the kind
        // index and probes the text index for each. Sorted after the limit: sorting every match of a common word
        // ("有限公司") would cost more than the search.
        std::ranges::sort(found, [](const auto& a, const auto& b) {
            return std::pair(a.name.size(), a.name) < std::pair(b.name.size(), b.name);
        });
        return found;
    }
    // One or two characters are below the trigram index: scan the groups (far fewer than individuals).
    const auto pattern = sql::like_contains(text);
    soci::rowset<soci::row> rows =
        (m_sql.prepare << std::string("SELECT ") + kColumns +
                              " FROM customers c WHERE c.kind = 'group' AND c.name LIKE :p ESCAPE '\\' "
                              "ORDER BY length(c.name), c.name LIMIT :l",
         soci::use(pattern), soci::use(limit));
    for (const auto& row : rows) {
        found.push_back(customer_from(row));
    }
    return found;
}

std::vector<CachedCustomer> CustomerCache::search_address(const std::string& text, int limit) const
{
    std::vector<CachedCustomer> found;
    if (text.empty()) {
        return found;
    }
    std::string sql;
    std::string argument;
    if (domain::character_count(text) >= 3) {
        argument = "address : " + fts_phrase(text);
        sql = std::string("SELECT ") + kColumns +
              " FROM customer_text t CROSS JOIN customers c ON c.rowid = t.rowid WHERE customer_text MATCH :q "
              "LIMIT :l";
    } else {
        // Too short for the index; the LIMIT ends the scan at the first matches.
        argument = sql::like_contains(text);
        sql = std::string("SELECT ") + kColumns + " FROM customers c WHERE c.address LIKE :q ESCAPE '\\' LIMIT :l";
    }
    soci::rowset<soci::row> rows = (m_sql.prepare << sql, soci::use(argument), soci::use(limit));
    for (const auto& row : rows) {
        found.push_back(customer_from(row));
    }
    return found;
}

std::int64_t CustomerCache::count() const
{
    long long count = 0;
    m_sql << "SELECT COUNT(*) FROM customers", soci::into(count);
    return count;
}

std::string fts_phrase(const std::string& text)
{
    std::string phrase = "\"";
    for (const char c : text) {
        phrase += c;
        if (c == '"') {
            phrase += '"';
        }
    }
    return phrase + "\"";
}

} // namespace store
