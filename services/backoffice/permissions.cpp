#include "services/backoffice/permissions.h"

#include <array>
#include <optional>
#include <utility>

namespace backoffice {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kRequired{{
    {"login", ""},
    {"logout", ""},
    {"changePassword", ""},
    {"staffList", "admin.staff"},
    {"staffSave", "admin.staff"},
    {"staffDelete", "admin.staff"},
    {"roleList", "admin.staff"},
    {"roleSave", "admin.roles"},
    {"roleDelete", "admin.roles"},
    {"customerFind", "customer.read"},
    {"customerGet", "customer.read"},
    {"customerCreate", "customer.write"},
    {"customerUpdate", "customer.write"},
    {"preCheck", "customer.read"},
    {"catalogGet", ""},
    {"addressSearch", ""},
    {"resourceCheck", ""},
    {"numberSearch", ""},
    {"numberReserve", "number.reserve"},
    {"numberRelease", "number.reserve"},
    {"orderSubmit", "order.submit"},
    {"orderGet", "order.read"},
    {"orderList", "order.read"},
    {"orderCancel", "order.cancel"},
    {"workOrderComplete", "workorder.complete"},
    {"paymentCreate", "payment.take"},
    {"refundCreate", "payment.refund"},
    {"billingAccountList", "customer.read"},
    {"billingAccountCreate", "customer.write"},
    {"settlementGet", "settlement.own"},
    {"settlementClose", "settlement.own"},
    {"syncChanges", "sync"},
    {"memberList", "customer.read"},
    {"reportVolume", "report.read"},
}};

constexpr std::array<std::string_view, 15> kAll{
    "admin.roles",  "admin.staff",    "customer.read",  "customer.write", "number.reserve",
    "order.cancel", "order.read",     "order.submit",   "payment.refund", "payment.take",
    "report.read",  "settlement.all", "settlement.own", "sync",           "workorder.complete",
};

} // namespace

std::optional<std::string_view> required_permission(std::string_view operation)
{
    for (const auto& [name, permission] : kRequired) {
        if (name == operation) {
            return permission;
        }
    }
    return std::nullopt;
}

std::span<const std::string_view> all_permissions()
{
    return kAll;
}

std::span<const BuiltInRole> built_in_roles()
{
    static const std::vector<BuiltInRole> roles{
        {"admin", "系统管理员", {kAll.begin(), kAll.end()}},
        {"supervisor",
         "班长",
         {"customer.read", "customer.write", "number.reserve", "order.cancel", "order.read", "order.submit",
          "payment.refund", "payment.take", "report.read", "settlement.all", "settlement.own", "sync",
          "workorder.complete"}},
        {"clerk",
         "营业员",
         {"customer.read", "customer.write", "number.reserve", "order.read", "order.submit", "payment.take",
          "settlement.own", "sync"}},
        {"manager",
         "客户经理",
         {"customer.read", "customer.write", "number.reserve", "order.read", "order.submit", "sync"}},
    };
    return roles;
}

} // namespace backoffice
