#pragma once
/// How money changes hands, in one table: the tender a payment is taken in at the counter (paymentMethod of a
/// payment) and how an account pays its bills (paymentMethod of a billing account). The names are the contract's wire
/// names: never rename one. The back office checks against these lists, the screens offer them, the forms print them.

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace domain {

/// What a payment is taken in.
enum class Tender
{
    cash,
    bank_card,
    wechat,
    alipay,
    cheque,
};

/// How a billing account settles its bills.
enum class BillPayment
{
    cash,        ///< at a counter, by the customer
    collection,  ///< 托收: the operator collects from the bank
    direct_debit ///< 银行代扣: the bank pays on the customer's standing order
};

/// Every tender the back office accepts.
inline constexpr std::array kTenders{Tender::cash, Tender::bank_card, Tender::wechat, Tender::alipay, Tender::cheque};
/// The tenders a clerk takes at the counter, in the order offered (a cheque is banked at the back office, not here).
inline constexpr std::array kCounterTenders{Tender::cash, Tender::bank_card, Tender::wechat, Tender::alipay};
/// Every way an account may pay, in the order offered.
inline constexpr std::array kBillPayments{BillPayment::cash, BillPayment::collection, BillPayment::direct_debit};

/// The wire name, e.g. "bankCard".
std::string_view wire_name(Tender tender);
std::string_view wire_name(BillPayment method);

/// The tender or bill payment of a wire name; none for any other text (case matters, as on the wire).
std::optional<Tender> tender_named(std::string_view name);
std::optional<BillPayment> bill_payment_named(std::string_view name);

} // namespace domain
