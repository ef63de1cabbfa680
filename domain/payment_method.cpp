#include "domain/payment_method.h"

#include <utility>

namespace domain {

namespace {

constexpr std::array<std::pair<Tender, std::string_view>, 5> kTenderNames{{
    {Tender::cash, "cash"},
    {Tender::bank_card, "bankCard"},
    {Tender::wechat, "wechat"},
    {Tender::alipay, "alipay"},
    {Tender::cheque, "cheque"},
}};

constexpr std::array<std::pair<BillPayment, std::string_view>, 3> kBillPaymentNames{{
    {BillPayment::cash, "cash"},
    {BillPayment::collection, "collection"},
    {BillPayment::direct_debit, "directDebit"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value)
{
    for (const auto& [entry, name] : table) {
        if (entry == value) {
            return name;
        }
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> named(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [entry, wire] : table) {
        if (wire == name) {
            return entry;
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view wire_name(Tender tender)
{
    return name_of(kTenderNames, tender);
}

std::string_view wire_name(BillPayment method)
{
    return name_of(kBillPaymentNames, method);
}

std::optional<Tender> tender_named(std::string_view name)
{
    return named(kTenderNames, name);
}

std::optional<BillPayment> bill_payment_named(std::string_view name)
{
    return named(kBillPaymentNames, name);
}

} // namespace domain
