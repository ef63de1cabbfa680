#include "printing/field_value.h"

#include "domain/chinese_amount.h"
#include "domain/masking.h"
#include "domain/money.h"

#include <algorithm>
#include <cctype>

namespace printing {
namespace {

bool digits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// "YYYY-MM-DD" with a plausible month and day; the workflows format dates, this only catches a swapped field.
bool is_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
        !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) {
        return false;
    }
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const int day = std::stoi(std::string(text.substr(8, 2)));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_datetime(std::string_view text)
{
    if (text.size() != 16 || !is_date(text.substr(0, 10)) || text[10] != ' ' || text[13] != ':' ||
        !digits(text.substr(11, 2)) || !digits(text.substr(14, 2))) {
        return false;
    }
    return std::stoi(std::string(text.substr(11, 2))) < 24 && std::stoi(std::string(text.substr(14, 2))) < 60;
}

PrintError bad(std::string_view field, std::string_view value, std::string reason)
{
    return print_error("E_DATA_VALUE",
                       {{"field", std::string(field)}, {"value", std::string(value)}, {"reason", std::move(reason)}});
}

} // namespace

std::optional<PrintError> check_value(FieldKind kind, std::string_view field, std::string_view value)
{
    switch (kind) {
    case FieldKind::money: {
        const auto money = domain::Money::parse(value);
        if (!money) {
            return bad(field, value, std::string(domain::code_name(money.error().code)));
        }
        return std::nullopt;
    }
    case FieldKind::integer:
        return digits(value) && value.size() <= 9 ? std::nullopt : std::optional(bad(field, value, "integer"));
    case FieldKind::date:
        return is_date(value) ? std::nullopt : std::optional(bad(field, value, "date"));
    case FieldKind::datetime:
        return is_datetime(value) ? std::nullopt : std::optional(bad(field, value, "datetime"));
    case FieldKind::text:
    case FieldKind::id_number:
    case FieldKind::phone:
        break;
    }
    return std::nullopt;
}

std::string display_value(FieldKind kind, std::string_view value, MoneyFormat money, bool mask)
{
    switch (kind) {
    case FieldKind::money: {
        const auto amount = domain::Money::parse(value);
        if (!amount) {
            return std::string(value);
        }
        switch (money) {
        case MoneyFormat::upper:
            return domain::chinese_uppercase(*amount);
        case MoneyFormat::plain:
            return amount->plain();
        case MoneyFormat::symbol:
            break;
        }
        return amount->format();
    }
    case FieldKind::id_number:
        return mask ? domain::mask_id_number(value) : std::string(value);
    case FieldKind::phone:
        return mask ? domain::mask_phone(value) : std::string(value);
    case FieldKind::text:
    case FieldKind::integer:
    case FieldKind::date:
    case FieldKind::datetime:
        break;
    }
    return std::string(value);
}

} // namespace printing
