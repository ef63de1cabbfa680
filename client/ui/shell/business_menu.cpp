#include "client/ui/shell/business_menu.h"

#include <algorithm>
#include <array>
#include <wx/intl.h>

namespace ui {

namespace {

// F-keys go to what a counter does all day; administration, used rarely, takes Ctrl+Shift combinations.
constexpr std::array kEntries{
    BusinessEntry{"acceptance_group", "", wxTRANSLATE("Business acceptance"), nullptr},
    BusinessEntry{"acceptance", "acceptance_group", wxTRANSLATE("Acceptance"), nullptr},
    BusinessEntry{"integrated_acceptance", "acceptance", wxTRANSLATE("Integrated acceptance"), "F2"},
    BusinessEntry{"group_customers", "", wxTRANSLATE("Group customers"), nullptr},
    BusinessEntry{"group_opening", "group_customers", wxTRANSLATE("Open a group customer"), "F3"},
    BusinessEntry{"group_members", "group_customers", wxTRANSLATE("Group members"), "F4"},
    BusinessEntry{"order_inquiry", "", wxTRANSLATE("Order inquiry"), "F5"},
    BusinessEntry{"payments_group", "", wxTRANSLATE("Payments and settlement"), nullptr},
    BusinessEntry{"payments", "payments_group", wxTRANSLATE("Payments and refunds"), "F6"},
    BusinessEntry{"daily_settlement", "payments_group", wxTRANSLATE("Daily settlement"), "F7"},
    BusinessEntry{"reports", "", wxTRANSLATE("Reports"), "F8"},
    BusinessEntry{"administration", "", wxTRANSLATE("Administration"), nullptr},
    BusinessEntry{"staff_roles", "administration", wxTRANSLATE("Staff and roles"), "Ctrl+Shift+A"},
    BusinessEntry{"sync_status", "administration", wxTRANSLATE("Sync status"), "Ctrl+Shift+Y"},
    BusinessEntry{"workstation_settings", "administration", wxTRANSLATE("Workstation settings"), "Ctrl+Shift+S"},
};

} // namespace

std::span<const BusinessEntry> business_menu()
{
    return kEntries;
}

const BusinessEntry* find_business(std::string_view key)
{
    const auto* found = std::ranges::find(kEntries, key, &BusinessEntry::key);
    return found == kEntries.end() ? nullptr : found;
}

} // namespace ui
