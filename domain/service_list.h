#pragma once
/// The service list (服务清单) a clerk builds before accepting: 入网 (new service), 变更 (change) or 费用 (fees)
/// services, each with a quantity (a batch install of N lines is quantity N). The same service cannot be chosen twice.

#include "domain/problem.h"

#include <optional>
#include <string>
#include <vector>

namespace domain {

enum class ServiceCategory
{
    new_service,
    change,
    fee
};

struct ChosenService
{
    std::string code; ///< catalog code, e.g. "FIXED_INSTALL"
    ServiceCategory category = ServiceCategory::new_service;
    int quantity = 1;
};

class ServiceList
{
public:
    /// Largest batch the counter accepts in one go.
    static constexpr int kMaxQuantity = 99;

    /// E_SERVICE_ALREADY_CHOSEN or E_SERVICE_QUANTITY; nothing changes then.
    std::optional<Problem> add(ChosenService service);
    /// Changes a chosen service's quantity (same limits as add).
    std::optional<Problem> set_quantity(std::string_view code, int quantity);
    /// True if it was there.
    bool remove(std::string_view code);

    [[nodiscard]] const std::vector<ChosenService>& services() const { return m_services; }
    [[nodiscard]] bool empty() const { return m_services.empty(); }

private:
    std::vector<ChosenService> m_services;
};

} // namespace domain
