#include "domain/install_deadline.h"

#include "domain/name_table.h"

namespace domain {
namespace {

constexpr NameTable<CustomerGrade, 4> kNames{{
    {CustomerGrade::diamond, "diamond"},
    {CustomerGrade::gold, "gold"},
    {CustomerGrade::silver, "silver"},
    {CustomerGrade::ordinary, "ordinary"},
}};

} // namespace

std::string_view to_string(CustomerGrade grade)
{
    return name_of(kNames, grade, "ordinary");
}

std::optional<CustomerGrade> customer_grade_from_string(std::string_view text)
{
    return value_of(kNames, text);
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
