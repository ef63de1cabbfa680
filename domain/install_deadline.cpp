#include "domain/install_deadline.h"

#include <array>
#include <utility>

namespace domain {
namespace {

constexpr std::array<std::pair<CustomerGrade, std::string_view>, 4> kNames{{
    {CustomerGrade::diamond, "diamond"},
    {CustomerGrade::gold, "gold"},
    {CustomerGrade::silver, "silver"},
    {CustomerGrade::ordinary, "ordinary"},
}};

} // namespace

std::string_view to_string(CustomerGrade grade)
{
    for (const auto& [g, name] : kNames) {
        if (g == grade) {
            return name;
        }
    }
    return "ordinary";
}

std::optional<CustomerGrade> customer_grade_from_string(std::string_view text)
{
    for (const auto& [g, name] : kNames) {
        if (name == text) {
            return g;
        }
    }
    return std::nullopt;
}

std::chrono::hours InstallPolicy::due_within(CustomerGrade grade) const
{
    const auto it = by_grade.find(grade);
    return it == by_grade.end() ? standard : it->second;
}

UtcTime install_due(UtcTime accepted, CustomerGrade grade, const InstallPolicy& policy)
{
    return accepted + policy.due_within(grade);
}

bool install_overdue(UtcTime accepted, UtcTime now, CustomerGrade grade, const InstallPolicy& policy)
{
    return now > install_due(accepted, grade, policy);
}

} // namespace domain
