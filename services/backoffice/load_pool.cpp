#include "services/backoffice/load_pool.h"

#include "domain/id_number.h"

#include <cstdio>
#include <vector>

namespace backoffice {

std::string load_pool_number(std::size_t k)
{
    char number[32];
    std::snprintf(number, sizeof number, "9%07zu", k % 10000000);
    return number;
}

std::string load_pool_customer(std::size_t k)
{
    char id[32];
    std::snprintf(id, sizeof id, "LOAD-C%06zu", (k / kLoadPoolOrdersPerCustomer) % 1000000);
    return id;
}

std::size_t seed_load_pool(soci::session& sql, std::size_t orders, contract::Timestamp now)
{
    std::string existing;
    sql << "SELECT value FROM settings WHERE name = 'load_pool'", soci::into(existing);
    if (sql.got_data()) {
        return std::stoul(existing);
    }
    const auto at = contract::format_timestamp(now);
    soci::transaction tx(sql);
    const long long ports = static_cast<long long>(orders);
    sql << "INSERT INTO addresses (address_id, level, name, full_name, parent_id, exchange, ports_total, ports_used) "
           "VALUES ('LOAD-B01', 'building', '压测大厦', '广东省深圳市南山区压测大厦', NULL, 'LOAD', :p, 0)",
        soci::use(ports);
    std::vector<std::string> numbers;
    numbers.reserve(orders);
    for (std::size_t k = 0; k < orders; ++k) {
        numbers.push_back(load_pool_number(k));
    }
    sql << "INSERT INTO numbers (number, exchange, status, fee_fen) VALUES (:n, 'LOAD', 'free', 0)", soci::use(numbers);

    const std::size_t customers = (orders + kLoadPoolOrdersPerCustomer - 1) / kLoadPoolOrdersPerCustomer;
    std::vector<std::string> ids;
    std::vector<std::string> names;
    std::vector<std::string> id_numbers;
    for (std::size_t c = 0; c < customers; ++c) {
        ids.push_back(load_pool_customer(c * kLoadPoolOrdersPerCustomer));
        names.push_back("压测客户" + std::to_string(c));
        // Synthetic and valid in form: 440305 (Nanshan), a birth day per thousand, a sequence, the check character.
        const auto day = std::chrono::sys_days{std::chrono::year{1970} / 1 / 1} + std::chrono::days{c / 1000};
        const std::chrono::year_month_day ymd{day};
        char first17[40]; // 17 in practice; room for any year the type can hold (-Wformat-truncation)
        std::snprintf(first17, sizeof first17, "440305%04d%02u%02u%03zu", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), c % 1000);
        id_numbers.push_back(std::string(first17) + domain::IdNumber::check_character(first17));
    }
    if (!ids.empty()) {
        const std::vector<std::string> stamps(ids.size(), at); // named: SOCI binds by reference
        sql << "INSERT INTO customers (customer_id, kind, name, grade, status, address, blacklisted, arrears_fen, "
               "version, change_seq, served_by, updated_at) VALUES (:i, 'individual', :n, 'ordinary', 'active', "
               "'广东省深圳市南山区压测大厦', 0, 0, 1, 0, 'load', :u)",
            soci::use(ids), soci::use(names), soci::use(stamps);
        sql << "INSERT INTO certificates (customer_id, type, number, main, valid_to) VALUES (:c, 'idCard', :n, 1, "
               "NULL)",
            soci::use(ids), soci::use(id_numbers);
    }
    const auto held = std::to_string(orders);
    sql << "INSERT INTO settings (name, value) VALUES ('load_pool', :v)", soci::use(held);
    tx.commit();
    return orders;
}

} // namespace backoffice
