#pragma once
/// Gives a stopped back office's SQLite file what a long run of install orders needs: a building with ports
/// enough, a pool of free numbers "<prefix>0000000".., and a per-ID quota high enough for the demo customers.
/// Returns customers the rules let through (individuals, no arrears, not blacklisted).

#include <filesystem>
#include <string>
#include <vector>

namespace testing {

struct InstallPool
{
    std::string building = "TEST-B01";
    std::string number_prefix = "9";
    std::vector<std::string> customers;
};

InstallPool seed_install_pool(const std::filesystem::path& backoffice_db, int numbers, int customers);

/// "C1,C2,…"
std::string joined(const std::vector<std::string>& parts);

} // namespace testing
