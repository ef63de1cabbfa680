// Payments, refunds with a supervisor's approval, billing accounts, daily settlement, delta sync, group members
// and reports.
#include "../support/scenario.h"
#include "services/contract/operations.h"

using namespace contract;
using testing::Scenario;

namespace {

PaymentCreateRequest cash(const std::string& order_id, long long fen)
{
    return {testing::BssTestClient::fresh_key(), order_id, std::nullopt, domain::Money::from_fen(fen), "cash"};
}

} // namespace

TEST_CASE("a payment is taken once per correlator, refunded with approval, and settled at the end of the day",
          "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    auto supervisor = scenario.client_as("2001");
    const auto install = scenario.accepted_install(*clerk, "缴费客户");
    const auto& id = install.order.order_id;
    const auto total = install.order.total.fen();

    const auto request = cash(id, total);
    const auto paid = clerk->call(request);
    REQUIRE(paid.ok());
    CHECK(paid.value().payment.status == "paid");
    const auto again = clerk->call(request); // same correlator, another idempotency key: still one payment
    REQUIRE(again.ok());
    CHECK(again.value().payment.payment_id == paid.value().payment.payment_id);
    auto changed = request;
    changed.amount = domain::Money::from_fen(total + 100);
    CHECK(clerk->call(changed).code() == "E_IDEMPOTENCY");

    CHECK(clerk->call(cash(id, 0)).param("reason") == "notPositive");
    auto both = cash(id, 100);
    both.account_id = "A00000001";
    CHECK(clerk->call(both).param("reason") == "orderOrAccount");
    auto odd = cash(id, 100);
    odd.method = "shells";
    CHECK(clerk->call(odd).param("field") == "method");

    RefundCreateRequest refund{testing::BssTestClient::fresh_key(),
                               paid.value().payment.payment_id,
                               domain::Money::from_fen(total),
                               "撤单退费",
                               std::nullopt,
                               std::nullopt};
    CHECK(clerk->call(refund).code() == "E_PERMISSION");
    refund.approver_staff_id = "2001";
    refund.approver_password = "wrong-password1";
    CHECK(clerk->call(refund).code() == "E_PERMISSION");
    // Wrong approval passwords count against this clerk asking this supervisor: four more make the pair wait,
    // while the supervisor still signs in.
    for (int i = 0; i < 4; ++i) {
        CHECK(clerk->call(refund).code() == "E_PERMISSION");
    }
    CHECK(scenario.anonymous()->login("2001", "Super#2001").ok());
    auto right_password = refund;
    right_password.approver_password = "Super#2001";
    CHECK(clerk->call(right_password).param("reason") == "locked");
    auto admin = scenario.client_as("admin");
    auto staff = admin->call(StaffListRequest{}).value().staff;
    const auto record = std::find_if(staff.begin(), staff.end(), [](const auto& s) { return s.staff_id == "2001"; });
    REQUIRE(record != staff.end());
    REQUIRE(admin->call(StaffSaveRequest{*record, std::nullopt}).ok());
    refund.approver_staff_id = "1002"; // a clerk cannot approve
    refund.approver_password = "Clerk#1002";
    CHECK(clerk->call(refund).code() == "E_PERMISSION");
    auto too_much = refund;
    too_much.approver_staff_id = "2001";
    too_much.approver_password = "Super#2001";
    too_much.amount = domain::Money::from_fen(total + 1);
    CHECK(clerk->call(too_much).param("reason") == "exceedsPayment");
    refund.approver_staff_id = "2001";
    refund.approver_password = "Super#2001";
    const auto refunded = clerk->call(refund);
    REQUIRE(refunded.ok());
    CHECK(refunded.value().refund.approved_by == "2001");
    CHECK(clerk->call(refund).value().refund.refund_id == refunded.value().refund.refund_id);
    auto other_amount = refund;
    other_amount.amount = domain::Money::from_fen(1);
    CHECK(clerk->call(other_amount).code() == "E_IDEMPOTENCY");

    const auto day = clerk->call(SettlementGetRequest{domain::make_date(2026, 11, 23), {}});
    REQUIRE(day.ok());
    REQUIRE(day.value().lines.size() == 1);
    CHECK(day.value().lines[0].method == "cash");
    CHECK(day.value().lines[0].count == 1);
    CHECK(day.value().lines[0].amount.fen() == total);
    CHECK(day.value().refunds.fen() == total);
    CHECK(day.value().net.fen() == 0);
    CHECK_FALSE(day.value().closed);
    CHECK(clerk->call(SettlementGetRequest{domain::make_date(2026, 11, 23), std::string("1002")}).code() ==
          "E_PERMISSION");
    CHECK(supervisor->call(SettlementGetRequest{domain::make_date(2026, 11, 23), std::string("1001")}).ok());

    CHECK(clerk->call(SettlementCloseRequest{domain::make_date(2026, 11, 24)}).param("reason") == "future");
    const auto closed = clerk->call(SettlementCloseRequest{domain::make_date(2026, 11, 23)});
    REQUIRE(closed.ok());
    CHECK(closed.value().closed);
    CHECK(clerk->call(cash(id, 100)).param("reason") == "dayClosed");
}

TEST_CASE("billing accounts are listed and created, and paying into one clears arrears", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    const auto owing = scenario.find_demo_customer(
        *clerk, [](const auto& c) { return !c.blacklisted && c.arrears > domain::Money{}; });
    REQUIRE(owing);
    const auto accounts = clerk->call(BillingAccountListRequest{owing->customer.customer_id});
    REQUIRE(accounts.ok());
    REQUIRE_FALSE(accounts.value().accounts.empty());
    PaymentCreateRequest pay{testing::BssTestClient::fresh_key(), std::nullopt, accounts.value().accounts[0].account_id,
                             owing->arrears, "wechat"};
    const auto paid = clerk->call(pay);
    REQUIRE(paid.ok());
    const auto after = clerk->call(CustomerGetRequest{owing->customer.customer_id});
    REQUIRE(after.ok());
    CHECK(after.value().arrears == domain::Money{});
    // Refunding that payment cannot leave the arrears lifted.
    auto supervisor = scenario.client_as("2001");
    RefundCreateRequest refund{testing::BssTestClient::fresh_key(),
                               paid.value().payment.payment_id,
                               owing->arrears,
                               "误缴",
                               std::nullopt,
                               std::nullopt};
    REQUIRE(supervisor->call(refund).ok());
    CHECK(clerk->call(CustomerGetRequest{owing->customer.customer_id}).value().arrears == owing->arrears);

    BillingAccount account{"new", owing->customer.customer_id, "分账户", "directDebit", {}, "active"};
    const auto created = clerk->call(BillingAccountCreateRequest{account});
    REQUIRE(created.ok());
    CHECK(created.value().account.account_id.starts_with("A"));
    account.payment_method = "barter";
    CHECK(clerk->call(BillingAccountCreateRequest{account}).param("reason") == "unknown");
}

TEST_CASE("delta sync gives a customer manager their customers once, and what changed since", "[integration]")
{
    Scenario scenario;
    auto manager = scenario.client_as("3001");
    SyncChangesRequest first;
    first.limit = 1000;
    const auto all = manager->call(first);
    REQUIRE(all.ok());
    CHECK_FALSE(all.value().customers.empty());
    for (const auto& customer : all.value().customers) {
        INFO(customer.customer_id);
        CHECK(std::count(customer.customer_managers.begin(), customer.customer_managers.end(), "3001") == 1);
    }
    SyncChangesRequest next;
    next.cursor = all.value().cursor;
    const auto nothing = manager->call(next);
    REQUIRE(nothing.ok());
    CHECK(nothing.value().customers.empty());
    CHECK(nothing.value().cursor == all.value().cursor);

    auto group = all.value().customers.front();
    group.address = "深圳市南山区新地址";
    REQUIRE(manager->call(CustomerUpdateRequest{group}).ok());
    const auto changed = manager->call(next);
    REQUIRE(changed.ok());
    REQUIRE(changed.value().customers.size() == 1);
    CHECK(changed.value().customers[0].address == "深圳市南山区新地址");
    CHECK(changed.value().cursor > all.value().cursor);

    SyncChangesRequest paged;
    paged.limit = 1;
    const auto page = manager->call(paged);
    REQUIRE(page.ok());
    CHECK(page.value().customers.size() == 1);
    CHECK(page.value().has_more);
}

TEST_CASE("group members are added with unique short numbers and removed by order", "[integration]")
{
    Scenario scenario;
    auto manager = scenario.client_as("3001");
    auto supervisor = scenario.client_as("2001");
    SyncChangesRequest sync;
    sync.limit = 1000;
    const auto customers = manager->call(sync).value().customers;
    const auto group =
        std::find_if(customers.begin(), customers.end(), [](const auto& c) { return c.kind == "group"; });
    REQUIRE(group != customers.end());
    const auto members = manager->call(MemberListRequest{group->customer_id, std::nullopt});
    REQUIRE(members.ok());
    REQUIRE_FALSE(members.value().members.empty());
    const auto existing = members.value().members.front();

    OrderDraft add;
    add.external_id = "members-1";
    add.order_type = "memberAdd";
    add.customer_id = group->customer_id;
    add.members.push_back({"13912345678", std::string("6999"), std::string("新成员")});
    const auto added = manager->call(OrderSubmitRequest{add});
    INFO(added.code() << " " << added.param("field") << " " << added.param("reason"));
    REQUIRE(added.ok());
    const auto listed = manager->call(MemberListRequest{group->customer_id, std::nullopt}).value().members;
    const auto pending =
        std::find_if(listed.begin(), listed.end(), [](const auto& m) { return m.number == "13912345678"; });
    REQUIRE(pending != listed.end());
    CHECK(pending->state == "pendingConfirmation");
    REQUIRE(supervisor->call(WorkOrderCompleteRequest{added.value().order.order_id, "inProgress", {}}).ok());
    REQUIRE(supervisor->call(WorkOrderCompleteRequest{added.value().order.order_id, "completed", {}}).ok());

    add.external_id = "members-2";
    CHECK(manager->call(OrderSubmitRequest{add}).param("reason") == "E_MEMBER_EXISTS");
    add.members = {{"13912345679", existing.short_number, std::nullopt}};
    if (existing.short_number) {
        CHECK(manager->call(OrderSubmitRequest{add}).param("reason") == "E_SHORT_NUMBER_TAKEN");
    }
    add.members = {{"13912345679", std::string("5001"), std::nullopt}};
    CHECK(manager->call(OrderSubmitRequest{add}).param("reason") == "E_SHORT_NUMBER_RANGE");

    OrderDraft remove;
    remove.external_id = "members-3";
    remove.order_type = "memberRemove";
    remove.customer_id = group->customer_id;
    remove.members.push_back({existing.number, std::nullopt, std::nullopt});
    const auto removal = manager->call(OrderSubmitRequest{remove});
    REQUIRE(removal.ok());
    const auto during = manager->call(MemberListRequest{group->customer_id, std::nullopt}).value().members;
    const auto leaving =
        std::find_if(during.begin(), during.end(), [&](const auto& m) { return m.number == existing.number; });
    REQUIRE(leaving != during.end());
    CHECK(leaving->state == "pendingRemoval");
    REQUIRE(supervisor->call(WorkOrderCompleteRequest{removal.value().order.order_id, "inProgress", {}}).ok());
    REQUIRE(supervisor->call(WorkOrderCompleteRequest{removal.value().order.order_id, "completed", {}}).ok());
    const auto after = manager->call(MemberListRequest{group->customer_id, std::nullopt}).value().members;
    CHECK(std::none_of(after.begin(), after.end(), [&](const auto& m) { return m.number == existing.number; }));
}

TEST_CASE("member changes close in the last days of the month", "[integration]")
{
    Scenario scenario({true, 50, "2026-11-27T02:00:00Z", {}, std::nullopt});
    auto manager = scenario.client_as("3001");
    SyncChangesRequest sync;
    sync.limit = 1000;
    const auto customers = manager->call(sync).value().customers;
    const auto group =
        std::find_if(customers.begin(), customers.end(), [](const auto& c) { return c.kind == "group"; });
    REQUIRE(group != customers.end());
    OrderDraft add;
    add.external_id = "late";
    add.order_type = "memberAdd";
    add.customer_id = group->customer_id;
    add.members.push_back({"13912345678", std::nullopt, std::nullopt});
    const auto refused = manager->call(OrderSubmitRequest{add});
    CHECK(refused.param("reason") == "E_MEMBER_WINDOW_CLOSED");
    CHECK_FALSE(refused.param("reopens").empty());
}

TEST_CASE("business volume is reported per day, clerk and hall", "[integration]")
{
    Scenario scenario;
    auto clerk = scenario.client_as("1001");
    auto supervisor = scenario.client_as("2001");
    const auto install = scenario.accepted_install(*clerk, "报表客户");
    REQUIRE(clerk->call(cash(install.order.order_id, install.order.total.fen())).ok());

    const auto day = domain::make_date(2026, 11, 23);
    CHECK(clerk->call(ReportVolumeRequest{day, day, "staff"}).code() == "E_PERMISSION");
    for (const auto& [by, key] :
         std::vector<std::pair<std::string, std::string>>{{"staff", "1001"}, {"hall", "H01"}, {"day", "2026-11-23"}}) {
        INFO(by);
        const auto report = supervisor->call(ReportVolumeRequest{day, day, by});
        REQUIRE(report.ok());
        const auto row = std::find_if(report.value().rows.begin(), report.value().rows.end(),
                                      [&](const auto& r) { return r.key == key; });
        REQUIRE(row != report.value().rows.end());
        CHECK(row->orders >= 1);
        CHECK(row->amount >= install.order.total);
    }
    CHECK(supervisor->call(ReportVolumeRequest{day, day, "weather"}).param("field") == "groupBy");
    CHECK(supervisor->call(ReportVolumeRequest{day, domain::make_date(2026, 11, 1), "day"}).param("reason") ==
          "beforeFrom");
}
