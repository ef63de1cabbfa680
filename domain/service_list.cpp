#include "domain/service_list.h"

#include <algorithm>

namespace domain {
namespace {

std::optional<Problem> check_quantity(std::string_view code, int quantity)
{
    if (quantity < 1 || quantity > ServiceList::kMaxQuantity) {
        return problem(Errc::service_quantity,
                       {{"service", std::string(code)}, {"quantity", std::to_string(quantity)}});
    }
    return std::nullopt;
}

} // namespace

std::optional<Problem> ServiceList::add(ChosenService service)
{
    const auto same = [&](const ChosenService& s) { return s.code == service.code; };
    if (std::any_of(m_services.begin(), m_services.end(), same)) {
        return problem(Errc::service_already_chosen, {{"service", service.code}});
    }
    if (auto bad = check_quantity(service.code, service.quantity)) {
        return bad;
    }
    m_services.push_back(std::move(service));
    return std::nullopt;
}

std::optional<Problem> ServiceList::set_quantity(std::string_view code, int quantity)
{
    const auto it = std::find_if(m_services.begin(), m_services.end(), [&](const auto& s) { return s.code == code; });
    if (it == m_services.end()) {
        return std::nullopt;
    }
    if (auto bad = check_quantity(code, quantity)) {
        return bad;
    }
    it->quantity = quantity;
    return std::nullopt;
}

bool ServiceList::remove(std::string_view code)
{
    const auto it = std::find_if(m_services.begin(), m_services.end(), [&](const auto& s) { return s.code == code; });
    if (it == m_services.end()) {
        return false;
    }
    m_services.erase(it);
    return true;
}

} // namespace domain
