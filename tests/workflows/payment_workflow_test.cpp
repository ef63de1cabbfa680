// Money at the counter against the real back office: paying into an account, refunds with a supervisor's approval,
// cancelling an order with its money refunded, and the clerk's daily settlement that closes the day.

#include "client/store/database.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/workflows/money/payment_desk.h"
#include "client/workflows/sync/sync_worker.h"
#include "client/workflows/workstation/sign_in.h"
#include "tests/backoffice/support/scenario.h"
#include "tests/support/temp_dir.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using testing::options_for;

namespace {

const domain::Date kToday = domain::make_date(2026, 11, 23); // the back office's fixed clock, in China

struct Till
{
    std::string staff;
    testing::Scenario scenario;
    std::unique_ptr<testing::BssTestClient> clerk = scenario.client_as(staff);
    testing::TempDir dir{"counter-till"};
    std::filesystem::path cache = dir.path() / "cache.db";
    std::unique_ptr<soci::session> sql = store::open_database(cache);
    bss::BssClient client{options_for(scenario.server())};
    workflows::OrderDesk desk{*sql, "ws-till"};
    workflows::PaymentDesk payments{*sql, &client, desk, staff};
    std::string token;

    explicit Till(std::string staff_id = "1001") : staff(std::move(staff_id))
    {
        auto session = workflows::sign_in(client, staff, testing::kDemoPasswords.at(staff));
        REQUIRE(std::holds_alternative<workflows::StaffSession>(session));
        token = std::get<workflows::StaffSession>(session).token;
    }

    void drain()
    {
        workflows::SyncWorker worker(cache, options_for(scenario.server()));
        worker.start();
        worker.sign_in(staff, token);
        store::Outbox outbox(*sql);
        for (int i = 0; i < 200 && outbox.pending_count() > 0; ++i) {
            worker.wait_drained(100ms);
        }
        worker.stop();
        REQUIRE(outbox.pending_count() == 0);
    }

    /// An install accepted with its fee paid in cash, sent and numbered.
    std::pair<std::string, store::LocalPayment> paid_install()
    {
        const auto customer = scenario.new_individual(*clerk, "孙八");
        const auto building = scenario.building_with_free_ports(*clerk, 1);
        const auto number = scenario.free_numbers(*clerk, 1).at(0);
        auto draft = testing::Scenario::install_draft(customer.customer_id, number.number, building.address_id);
        const auto accepted =
            desk.accept(staff, draft, workflows::PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash});
        drain();
        const auto payment = store::PaymentStore(*sql).by_local_id(*accepted.payment_local_id);
        REQUIRE(payment->state == "accepted");
        return {accepted.local_id, *payment};
    }
};

} // namespace

TEST_CASE("a refund needs a supervisor's approval and names them", "[workflows][payments]")
{
    Till till;
    const auto [order, payment] = till.paid_install();

    const auto wrong =
        till.payments.refund(*payment.payment_id, domain::Money::from_yuan(50), "多收", {"2001", "not the password"});
    REQUIRE(std::holds_alternative<bss::CallError>(wrong));
    CHECK(std::get<bss::CallError>(wrong).code() == "E_PERMISSION");
    CHECK(std::get<bss::CallError>(wrong).param("reason") == "approval");

    const auto refunded =
        till.payments.refund(*payment.payment_id, domain::Money::from_yuan(50), "多收", {"2001", "Super#2001"});
    REQUIRE(std::holds_alternative<contract::RefundRecord>(refunded));
    CHECK(std::get<contract::RefundRecord>(refunded).approved_by == "2001");
    CHECK(std::get<contract::RefundRecord>(refunded).amount == domain::Money::from_yuan(50));

    const auto too_much =
        till.payments.refund(*payment.payment_id, domain::Money::from_yuan(60), "多收", {"2001", "Super#2001"});
    REQUIRE(std::holds_alternative<bss::CallError>(too_much));
    CHECK(std::get<bss::CallError>(too_much).param("reason") == "exceedsPayment");

    workflows::PaymentDesk offline(*till.sql, nullptr, till.desk, "1001");
    const auto none = offline.refund(*payment.payment_id, domain::Money::from_yuan(1), "x", {"2001", "Super#2001"});
    REQUIRE(std::holds_alternative<bss::CallError>(none));
    CHECK(std::get<bss::CallError>(none).code() == "E_TRANSPORT");
}

TEST_CASE("cancelling a paid order cancels it at the back office first, then refunds its money with approval",
          "[workflows][payments]")
{
    Till till("2001"); // 撤单 is a supervisor's business (order.cancel)
    const auto [order, payment] = till.paid_install();
    const auto unapproved = till.payments.cancel_order(order, "客户撤单", std::nullopt);
    REQUIRE(std::holds_alternative<bss::CallError>(unapproved));
    CHECK(std::get<bss::CallError>(unapproved).code() == "E_PERMISSION");
    CHECK(store::Outbox(*till.sql).pending_count() == 0); // nothing queued

    const auto cancelled = till.payments.cancel_order(order, "客户撤单", workflows::Approval{"2001", "Super#2001"});
    REQUIRE(std::holds_alternative<workflows::CancelResult>(cancelled));
    REQUIRE(std::get<workflows::CancelResult>(cancelled).refunds.size() == 1);
    CHECK(std::get<workflows::CancelResult>(cancelled).refunds[0].amount == domain::Money::from_yuan(100));
    CHECK(store::OrderStore(*till.sql).by_local_id(order)->state == "cancelled");

    // A clerk without order.cancel is refused before any money moves.
    Till clerk;
    const auto [their_order, their_payment] = clerk.paid_install();
    const auto refused =
        clerk.payments.cancel_order(their_order, "客户撤单", workflows::Approval{"2001", "Super#2001"});
    REQUIRE(std::holds_alternative<bss::CallError>(refused));
    CHECK(std::get<bss::CallError>(refused).param("permission") == "order.cancel");
    contract::SettlementGetRequest day;
    day.date = kToday;
    const auto settlement = clerk.clerk->call(day);
    REQUIRE(settlement.ok());
    CHECK(settlement.value().refunds == domain::Money{}); // nothing refunded
}

TEST_CASE("the daily settlement counts the day's money, and a closed day refuses more", "[workflows][payments]")
{
    Till till;
    const auto [order, payment] = till.paid_install();
    auto day = till.payments.settlement(kToday);
    REQUIRE(std::holds_alternative<contract::SettlementGetResponse>(day));
    CHECK(std::get<contract::SettlementGetResponse>(day).net == domain::Money::from_yuan(100));
    CHECK_FALSE(std::get<contract::SettlementGetResponse>(day).closed);

    // A payment still queued would be refused once the day is closed: closing waits for it.
    contract::BillingAccountCreateRequest create;
    create.account.account_id = "new";
    create.account.customer_id = till.scenario.new_individual(*till.clerk, "周九").customer_id;
    create.account.name = "周九";
    create.account.payment_method = "cash";
    const auto created = till.clerk->call(create);
    INFO(created.code() << " " << created.param("field") << " " << created.param("reason"));
    REQUIRE(created.ok());
    const auto account = created.value().account.account_id;
    till.payments.pay_account(account, domain::Money::from_yuan(30), domain::Tender::cash);
    const auto early = till.payments.close_day(kToday);
    REQUIRE(std::holds_alternative<bss::CallError>(early));
    CHECK(std::get<bss::CallError>(early).param("reason") == "pendingWrites");
    till.drain();

    const auto closed = till.payments.close_day(kToday);
    REQUIRE(std::holds_alternative<contract::SettlementCloseResponse>(closed));
    CHECK(std::get<contract::SettlementCloseResponse>(closed).closed);
    CHECK(std::get<contract::SettlementCloseResponse>(closed).net == domain::Money::from_yuan(130));

    // Money taken after the close lands in the sync error queue with the reason.
    till.payments.pay_account(account, domain::Money::from_yuan(10), domain::Tender::cash);
    till.drain();
    const auto errors = store::Outbox(*till.sql).open_errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "E_VALIDATION");
    CHECK(errors[0].params.find("reason=dayClosed") != std::string::npos);
}
