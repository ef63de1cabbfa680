#include "printing/field_catalog.h"

#include <algorithm>
#include <array>
#include <utility>

namespace printing {
namespace {

using K = FieldKind;

constexpr std::array<std::pair<std::string_view, FieldKind>, 54> kFields{{
    {"page.number", K::integer},
    {"page.count", K::integer},
    {"order.number", K::text},
    {"order.time", K::datetime},
    {"order.type", K::text},
    {"order.remark", K::text},
    {"hall.name", K::text},
    {"hall.phone", K::text},
    {"clerk.staff", K::text},
    {"clerk.name", K::text},
    {"customer.name", K::text},
    {"customer.id_type", K::text},
    {"customer.id_number", K::id_number},
    {"customer.phone", K::phone},
    {"customer.address", K::text},
    {"customer.grade", K::text},
    {"agent.name", K::text},
    {"agent.id_number", K::id_number},
    {"agent.phone", K::phone},
    {"service.number", K::text},
    {"service.install_address", K::text},
    {"service.appointment", K::date}, // the back office books a day, not an hour
    {"service.deadline", K::datetime},
    {"move.kind", K::text},
    {"move.old_address", K::text},
    {"move.new_address", K::text},
    {"move.old_number", K::text},
    {"move.new_number", K::text},
    {"move.date", K::date},
    {"account.number", K::text},
    {"account.name", K::text},
    {"account.payment_method", K::text},
    {"bill.period", K::text},
    {"bill.balance_before", K::money},
    {"bill.balance_after", K::money},
    {"fees.total", K::money},
    {"payment.method", K::text},
    {"payment.amount", K::money},
    {"payment.received", K::money},
    {"payment.change", K::money},
    {"receipt.number", K::text},
    {"receipt.time", K::datetime},
    {"group.name", K::text},
    {"group.number", K::text},
    {"group.credit_code", K::text},
    {"group.type", K::text},
    {"group.grid", K::text},
    {"group.industry", K::text},
    {"group.address", K::text},
    {"group.contact_name", K::text},
    {"group.contact_phone", K::phone},
    {"group.legal_person", K::text},
    {"group.legal_id_number", K::id_number},
    {"group.remark", K::text},
}};

struct Column
{
    std::string_view table;
    std::string_view column;
    FieldKind kind;
};

constexpr std::array<Column, 16> kColumns{{
    {"items", "service", K::text},
    {"items", "product", K::text},
    {"items", "attributes", K::text},
    {"items", "quantity", K::integer},
    {"fees", "item", K::text},
    {"fees", "amount", K::money},
    {"bills", "period", K::text},
    {"bills", "item", K::text},
    {"bills", "amount", K::money},
    {"certificates", "type", K::text},
    {"certificates", "number", K::text},
    {"certificates", "main", K::text},
    {"managers", "staff", K::text},
    {"managers", "name", K::text},
    {"managers", "phone", K::phone},
    {"managers", "role", K::text},
}};

} // namespace

std::optional<FieldKind> field_kind(std::string_view name)
{
    for (const auto& [known, kind] : kFields) {
        if (known == name) {
            return kind;
        }
    }
    return std::nullopt;
}

bool is_builtin_field(std::string_view name)
{
    return name == "page.number" || name == "page.count";
}

bool is_table(std::string_view table)
{
    return std::any_of(kColumns.begin(), kColumns.end(), [table](const Column& c) { return c.table == table; });
}

std::optional<FieldKind> column_kind(std::string_view table, std::string_view column)
{
    for (const auto& c : kColumns) {
        if (c.table == table && c.column == column) {
            return c.kind;
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> field_names()
{
    std::vector<std::string_view> out;
    out.reserve(kFields.size());
    for (const auto& entry : kFields) {
        out.push_back(entry.first);
    }
    return out;
}

} // namespace printing
