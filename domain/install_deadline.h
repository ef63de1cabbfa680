#pragma once
/// When a fixed-line install is due: within 48 hours of acceptance by default, with a per-grade setting because the
/// service level follows the customer grade (钻/金/银/普).

#include <chrono>
#include <map>
#include <optional>
#include <string_view>

namespace domain {

enum class CustomerGrade
{
    diamond,
    gold,
    silver,
    ordinary
};

/// "diamond", "gold", "silver", "ordinary" (wire and settings names).
std::string_view to_string(CustomerGrade grade);
std::optional<CustomerGrade> customer_grade_from_string(std::string_view text);

struct InstallPolicy
{
    std::chrono::hours standard{48};
    /// Grades with a shorter (or longer) promise than the standard.
    std::map<CustomerGrade, std::chrono::hours> by_grade;

    [[nodiscard]] std::chrono::hours due_within(CustomerGrade grade) const;
};

using UtcTime = std::chrono::sys_seconds;

/// The moment the install is due.
UtcTime install_due(UtcTime accepted, CustomerGrade grade, const InstallPolicy& policy);

/// True once `now` is past the due moment.
bool install_overdue(UtcTime accepted, UtcTime now, CustomerGrade grade, const InstallPolicy& policy);

} // namespace domain
