#include "domain/payment_method.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace domain;

TEST_CASE("tenders and bill payments carry the contract's wire names", "[domain][payment_method]")
{
    // The names of docs/CONTRACT.md's paymentMethod, written out: a rename here breaks every workstation in the field.
    CHECK(wire_name(Tender::cash) == "cash");
    CHECK(wire_name(Tender::bank_card) == "bankCard");
    CHECK(wire_name(Tender::wechat) == "wechat");
    CHECK(wire_name(Tender::alipay) == "alipay");
    CHECK(wire_name(Tender::cheque) == "cheque");
    CHECK(wire_name(BillPayment::cash) == "cash");
    CHECK(wire_name(BillPayment::collection) == "collection");
    CHECK(wire_name(BillPayment::direct_debit) == "directDebit");
}

TEST_CASE("every tender and bill payment is found again by its name, and the names are distinct",
          "[domain][payment_method]")
{
    std::set<std::string> tenders;
    for (const auto tender : kTenders) {
        const auto name = wire_name(tender);
        CHECK_FALSE(name.empty());
        CHECK(tender_named(name) == tender);
        tenders.emplace(name);
    }
    CHECK(tenders.size() == kTenders.size());
    std::set<std::string> methods;
    for (const auto method : kBillPayments) {
        CHECK(bill_payment_named(wire_name(method)) == method);
        methods.emplace(wire_name(method));
    }
    CHECK(methods.size() == kBillPayments.size());
    for (const auto tender : kCounterTenders) {
        CHECK(std::find(kTenders.begin(), kTenders.end(), tender) != kTenders.end());
    }
}

TEST_CASE("a name changed in any way names no tender and no bill payment", "[domain][payment_method]")
{
    std::vector<std::string> names;
    for (const auto tender : kTenders) {
        names.emplace_back(wire_name(tender));
    }
    for (const auto method : kBillPayments) {
        names.emplace_back(wire_name(method));
    }
    for (const auto& name : names) {
        INFO(name);
        std::string upper = name;
        upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
        const std::string mutations[] = {upper, name + " ", " " + name, name.substr(1), name + name.back(), ""};
        for (const auto& mutated : mutations) {
            INFO(mutated);
            CHECK_FALSE(tender_named(mutated));
            CHECK_FALSE(bill_payment_named(mutated));
        }
    }
    CHECK_FALSE(tender_named("collection")); // an account's way of paying, not a tender
    CHECK_FALSE(bill_payment_named("wechat"));
}
