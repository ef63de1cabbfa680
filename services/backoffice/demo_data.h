#pragma once
/// Demo data for the reference back office (`--demo-data`): halls, staff who can log in, a catalog, the standard
/// address tree of Guangdong with streets and buildings in Shenzhen, number pools, individual and group customers.
/// Everything is synthetic: ID numbers and credit codes are valid in form only and belong to nobody.

#include "services/contract/field_types.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <soci/soci.h>
#include <string_view>

namespace backoffice {

struct DemoOptions
{
    std::size_t customers = 10000; ///< individual customers; groups are always 20
    std::uint32_t seed = 20261123; ///< the same seed gives the same data (std::mt19937)
    contract::Timestamp now;       ///< must be set: stamps updated_at and bounds birth and validity dates
};

/// Rows in the database after seeding (so a repeated call returns the same figures).
struct DemoSummary
{
    std::size_t staff = 0;     ///< every staff row, the administrator included when there is one
    std::size_t offerings = 0; ///< sellable or not
    std::size_t addresses = 0; ///< every level
    std::size_t buildings = 0;
    std::size_t numbers = 0;   ///< free and in use
    std::size_t customers = 0; ///< individual customers
    std::size_t groups = 0;    ///< group customers
    std::size_t members = 0;   ///< group_members rows

    friend bool operator==(const DemoSummary&, const DemoSummary&) = default;
};

/// A demo login (工号 + 密码); demo passwords never need changing.
struct DemoLogin
{
    std::string_view staff_id;
    std::string_view password;
    std::string_view role_id;
};

/// 1001 and 1002 营业员 (halls H01, H02), 2001 班长 (H01), 3001 and 3002 客户经理 (H03).
inline constexpr std::array<DemoLogin, 5> kDemoLogins{{
    {"1001", "Clerk#1001", "clerk"},
    {"1002", "Clerk#1002", "clerk"},
    {"2001", "Super#2001", "supervisor"},
    {"3001", "Manager#3001", "manager"},
    {"3002", "Manager#3002", "manager"},
}};

/// Seeds demo data into a migrated back-office database, in one transaction. Built-in roles that are missing are
/// created too, so a bare migrated database is enough. Idempotent: when demo data is already there (the settings
/// row `demo_data`), nothing is written and the present figures are returned. Throws std::invalid_argument when
/// `options.now` is not set, and whatever SOCI throws (the transaction is then rolled back).
DemoSummary seed_demo_data(soci::session& sql, const DemoOptions& options);

} // namespace backoffice
