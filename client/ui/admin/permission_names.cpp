#include "client/ui/admin/permission_names.h"

#include <array>
#include <string_view>
#include <utility>
#include <wx/intl.h>

namespace ui {

namespace {

// Every permission the reference back office knows (services/backoffice/permissions.cpp), in its order.
constexpr std::array<std::pair<std::string_view, const char*>, 15> kNames{{
    {"admin.roles", wxTRANSLATE("Manage roles and their permissions")},
    {"admin.staff", wxTRANSLATE("Manage staff IDs")},
    {"customer.read", wxTRANSLATE("Look up customers")},
    {"customer.write", wxTRANSLATE("Open and change customers")},
    {"number.reserve", wxTRANSLATE("Reserve numbers")},
    {"order.cancel", wxTRANSLATE("Cancel orders")},
    {"order.read", wxTRANSLATE("Look up orders")},
    {"order.submit", wxTRANSLATE("Accept business (submit orders)")},
    {"payment.refund", wxTRANSLATE("Approve refunds")},
    {"payment.take", wxTRANSLATE("Take payments")},
    {"report.read", wxTRANSLATE("Read reports")},
    {"settlement.all", wxTRANSLATE("See every clerk's daily settlement")},
    {"settlement.own", wxTRANSLATE("Own daily settlement")},
    {"sync", wxTRANSLATE("Synchronise the workstation")},
    {"workorder.complete", wxTRANSLATE("Complete work orders")},
}};

} // namespace

wxString permission_name(const std::string& permission)
{
    for (const auto& [id, name] : kNames) {
        if (id == permission) {
            return wxGetTranslation(name);
        }
    }
    return wxString::FromUTF8(permission);
}

wxString permission_label(const std::string& permission)
{
    // TRANSLATORS: a permission's name, then the back office's id of it in brackets.
    return wxString::Format(_("%s (%s)"), permission_name(permission), wxString::FromUTF8(permission));
}

} // namespace ui
