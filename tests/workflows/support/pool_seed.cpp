#include "pool_seed.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdio>

namespace testing {

InstallPool seed_install_pool(const std::filesystem::path& backoffice_db, int numbers, int customers)
{
    InstallPool pool;
    soci::session sql(soci::sqlite3, "db=" + backoffice_db.string());
    soci::transaction tx(sql);
    sql << "INSERT INTO addresses (address_id, level, name, full_name, parent_id, exchange, ports_total, ports_used) "
           "VALUES (:a, 'building', '测试大厦', '广东省深圳市南山区测试大厦', NULL, 'TEST', 1000000, 0)",
        soci::use(pool.building);
    std::vector<std::string> batch;
    for (int k = 0; k < numbers; ++k) {
        char number[16];
        std::snprintf(number, sizeof number, "%s%07d", pool.number_prefix.c_str(), k);
        batch.emplace_back(number);
    }
    sql << "INSERT INTO numbers (number, exchange, status, fee_fen) VALUES (:n, 'TEST', 'free', 0)", soci::use(batch);
    sql << "UPDATE settings SET value = '100000' WHERE name = 'quota_fixedLine'";
    tx.commit();
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT k.customer_id FROM customers k WHERE k.kind = 'individual' AND k.arrears_fen = 0 "
                        "AND k.blacklisted = 0 AND NOT EXISTS (SELECT 1 FROM certificates c JOIN blacklist b ON "
                        "b.id_number = c.number WHERE c.customer_id = k.customer_id) ORDER BY k.customer_id LIMIT :l",
         soci::use(customers));
    pool.customers.assign(rows.begin(), rows.end());
    return pool;
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string text;
    for (const auto& part : parts) {
        text += (text.empty() ? "" : ",") + part;
    }
    return text;
}

} // namespace testing
