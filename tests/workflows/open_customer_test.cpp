// Opening individual and group customers against the real back office: at the counter (online), each refusal the
// back office answers and how the workflow presents it, and offline: a provisional customer, an order for it that
// waits for its id, and both sent in order once the back office answers.

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/workflows/acceptance/open_individual_customer.h"
#include "client/workflows/group/group_members.h"
#include "client/workflows/group/open_group_customer.h"
#include "domain/credit_code.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>

using namespace workflows;
using testing::Scenario;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

PersonIdentity person(const std::string& name, const std::string& id_number)
{
    return {name, id_number, "20200101", "20400101", std::nullopt, std::string("广东省深圳市南山区科技园路1号")};
}

IndividualApplication application(const std::string& name, const std::string& id_number)
{
    IndividualApplication a;
    a.holder = person(name, id_number);
    a.contact_phone = "13812345678";
    return a;
}

GroupApplication group(const std::string& name, const std::string& first17)
{
    GroupApplication g;
    g.name = name;
    g.type = domain::GroupType::sme;
    g.grid = "NS-G09";
    g.managers = {"3001"};
    g.certificates.push_back({domain::CertificateKind::business_licence,
                              first17 + domain::CreditCode::check_character(first17), true, std::nullopt});
    return g;
}

/// By value: the callers pass the workflow's answer as a temporary.
template <typename T, typename Variant> T as(const Variant& v)
{
    if (const auto* error = std::get_if<bss::CallError>(&v)) {
        FAIL(error->code() << " " << error->param("field") << " " << error->param("reason") << " " << error->detail);
    }
    REQUIRE(std::holds_alternative<T>(v));
    return std::get<T>(v);
}

template <typename Variant> bss::CallError refusal(const Variant& v)
{
    REQUIRE(std::holds_alternative<bss::CallError>(v));
    return std::get<bss::CallError>(v);
}

} // namespace

TEST_CASE("an individual opened at the counter is created, cached and described for the form, with its agent",
          "[workflows][open]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    OpenIndividualCustomer open(*ws.sql, &ws.client, "1001", "ws-test");
    auto app = application("张伟", Scenario::id_number("19850614", 321));
    app.agent = person("李娜", Scenario::id_number("19790512", 322));

    const auto checked = as<contract::PreCheckResponse>(open.pre_check(app, kToday));
    CHECK(checked.problems.empty());
    CHECK(checked.quota_limit == 5);

    const auto& opened = as<OpenedCustomer>(open.open(app, kToday));
    CHECK_FALSE(opened.provisional);
    CHECK(opened.customer.customer_id.starts_with("C"));
    CHECK(opened.customer.version == 1);
    CHECK(opened.masked_id_number == "440305********" + app.holder.id_number.substr(14));
    CHECK(opened.accepted_by == "1001");
    REQUIRE(opened.pre_check);
    CHECK(opened.pre_check->quota_used == 0);
    REQUIRE(opened.customer.related_parties.size() == 1);
    CHECK(opened.customer.related_parties[0].role == "agent");
    const auto cached = store::CustomerCache(*ws.sql).by_id(opened.customer.customer_id);
    REQUIRE(cached);
    CHECK_FALSE(cached->provisional);
    CHECK(store::Outbox(*ws.sql).pending_count() == 0); // sent while the clerk waited, not queued

    // The back office has it once, under the holder's number.
    auto clerk = scenario.client_as("1001");
    const auto found = clerk->call(contract::CustomerFindRequest{app.holder.id_number, {}, {}, {}});
    REQUIRE(found.ok());
    REQUIRE(found.value().customers.size() == 1);
    CHECK(found.value().customers[0].customer_id == opened.customer.customer_id);

    // The same person again: the back office refuses with the field and the customer who has it.
    const auto& again = refusal(open.open(app, kToday));
    CHECK(again.code() == "E_VALIDATION");
    CHECK(again.param("field") == "customer/certificate");
    CHECK(again.param("reason") == "exists");
    CHECK(again.param("customerId") == opened.customer.customer_id);
}

TEST_CASE("blacklist and arrears found by the pre-check stop an opening before anything is written",
          "[workflows][open]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto listed = scenario.find_demo_customer(*clerk, [](const auto& c) {
        return c.blacklisted && c.customer.kind == "individual" && c.customer.certificates.at(0).type == "idCard";
    });
    const auto owing = scenario.find_demo_customer(*clerk, [](const auto& c) {
        return !c.blacklisted && c.arrears > domain::Money{} && c.customer.kind == "individual" &&
               c.customer.certificates.at(0).type == "idCard";
    });
    REQUIRE(listed);
    REQUIRE(owing);

    OpenIndividualCustomer open(*ws.sql, &ws.client, "1001", "ws-test");
    const auto blacklisted = open.open(application("黑名单", listed->customer.certificates.at(0).number), kToday);
    const auto& stopped = as<PreCheckRefusal>(blacklisted);
    CHECK(stopped.blocking == std::vector<std::string>{"E_BLACKLISTED"});
    CHECK(stopped.findings.blacklisted);

    const auto in_arrears = open.open(application("欠费", owing->customer.certificates.at(0).number), kToday);
    const auto& owed = as<PreCheckRefusal>(in_arrears);
    CHECK(owed.blocking == std::vector<std::string>{"E_ARREARS"});
    CHECK(owed.findings.arrears == owing->arrears);

    CHECK(store::CustomerCache(*ws.sql).count() == 0);
    CHECK(store::Outbox(*ws.sql).pending_count() == 0);

    // Told not to stop at the pre-check, the workflow passes on the back office's own refusal of the create.
    OpenCustomerOptions lenient;
    lenient.blocking.clear();
    OpenIndividualCustomer regardless(*ws.sql, &ws.client, "1001", "ws-test", lenient);
    const auto& refused =
        refusal(regardless.open(application("黑名单", listed->customer.certificates.at(0).number), kToday));
    CHECK(refused.code() == "E_BLACKLISTED");
    CHECK(refused.param("idNumber") == listed->customer.certificates.at(0).number);
    CHECK(store::CustomerCache(*ws.sql).count() == 0);
}

TEST_CASE("a holder at the per-ID quota sees E_ID_QUOTA in the pre-check, a field refusal names its field, and a "
          "staff member without the permission is refused",
          "[workflows][open]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    OpenIndividualCustomer open(*ws.sql, &ws.client, "1001", "ws-test");

    // Five fixed lines on one ID: the quota is a finding shown with the pre-check, not a reason to refuse a record.
    const auto holder = scenario.new_individual(*clerk, "配额客户");
    const auto building = scenario.building_with_free_ports(*clerk, 5);
    const auto numbers = scenario.free_numbers(*clerk, 5);
    for (const auto& number : numbers) {
        REQUIRE(clerk
                    ->call(contract::OrderSubmitRequest{
                        Scenario::install_draft(holder.customer_id, number.number, building.address_id)})
                    .ok());
    }
    const auto full = as<contract::PreCheckResponse>(
        open.pre_check(application("配额客户", holder.certificates.at(0).number), kToday));
    CHECK(full.quota_used == 5);
    CHECK(full.quota_limit == 5);
    CHECK(std::count(full.problems.begin(), full.problems.end(), "E_ID_QUOTA") == 1);

    // A grade the back office does not know: E_VALIDATION with the field, nothing cached.
    auto platinum = application("白金", Scenario::id_number("19900101", 401));
    platinum.grade = "platinum";
    const auto& grade = refusal(open.open(platinum, kToday));
    CHECK(grade.code() == "E_VALIDATION");
    CHECK(grade.param("field") == "customer/grade");
    CHECK(grade.param("reason") == "unknown");
    CHECK(store::CustomerCache(*ws.sql).by_id_number(platinum.holder.id_number).empty());

    // A staff member whose role may only read orders: the pre-check is refused, and so is the group name check.
    const auto password = testing::restricted_staff(scenario, "1099", {"order.read"});
    testing::Workstation reader(scenario, "1099", password);
    OpenIndividualCustomer not_allowed(*reader.sql, &reader.client, "1099", "ws-test");
    const auto& denied = refusal(not_allowed.open(application("无权", Scenario::id_number("19900101", 402)), kToday));
    CHECK(denied.code() == "E_PERMISSION");
    CHECK(denied.param("permission") == "customer.read");
    OpenGroupCustomer no_groups(*reader.sql, &reader.client, "1099", "ws-test");
    CHECK(refusal(no_groups.check_group_name("任何集团")).code() == "E_PERMISSION");
    CHECK(store::Outbox(*reader.sql).pending_count() == 0);
}

TEST_CASE("a group is opened by its customer manager, its name is then taken, and the back office's refusals are "
          "passed on",
          "[workflows][open]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    OpenGroupCustomer open(*ws.sql, &ws.client, "3001", "ws-mgr");
    const std::string name = "深圳市前海测试科技有限公司";

    const auto& before = as<GroupNameCheck>(open.check_group_name(name));
    CHECK(before.status == GroupNameCheck::Status::free);

    const auto& opened = as<OpenedCustomer>(open.open(group(name, "91440300MA5DC6QX9"), kToday));
    CHECK_FALSE(opened.provisional);
    CHECK(opened.customer.kind == "group");
    CHECK(opened.customer.group_type == "sme");
    CHECK(opened.customer.grid == "NS-G09");
    CHECK(opened.masked_id_number == opened.customer.certificates.at(0).number); // an enterprise's code is not masked

    const auto& after = as<GroupNameCheck>(open.check_group_name(name));
    CHECK(after.status == GroupNameCheck::Status::exists);
    CHECK(after.existing_customer_id == opened.customer.customer_id);
    // customerFind matches by "contains": a part of the name is not a clash.
    CHECK(as<GroupNameCheck>(open.check_group_name("深圳市前海测试")).status == GroupNameCheck::Status::free);

    const auto& twice = refusal(open.open(group(name, "91440300MA5DC6QY7"), kToday));
    CHECK(twice.code() == "E_NAME_EXISTS");
    CHECK(twice.param("customerId") == opened.customer.customer_id);

    auto stranger = group("深圳市另一家有限公司", "91440300MA5DC6QW5");
    stranger.managers = {"7777"};
    const auto& manager = refusal(open.open(stranger, kToday));
    CHECK(manager.code() == "E_VALIDATION");
    CHECK(manager.param("field") == "customer/customerManager");

    // The domain refuses before anything is asked.
    auto no_grid = group("深圳市无网格有限公司", "91440300MA5DC6R01");
    no_grid.grid.reset();
    const auto problems = open.open(no_grid, kToday);
    REQUIRE(std::holds_alternative<std::vector<domain::Problem>>(problems));
    CHECK(std::get<std::vector<domain::Problem>>(problems).at(0).code == domain::Errc::group_grid_required);

    // Without the permission to write customers.
    const auto password = testing::restricted_staff(scenario, "3099", {"customer.read"});
    testing::Workstation reader(scenario, "3099", password);
    OpenGroupCustomer not_allowed(*reader.sql, &reader.client, "3099", "ws-test");
    const auto& denied = refusal(not_allowed.open(group("深圳市无权有限公司", "91440300MA5DC6R12"), kToday));
    CHECK(denied.code() == "E_PERMISSION");
    CHECK(denied.param("permission") == "customer.write");
    CHECK(store::CustomerCache(*reader.sql).count() == 0);
}

TEST_CASE("offline, a customer is provisional, its order waits for its id, and both are sent in order once the "
          "back office answers",
          "[workflows][open][offline]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    auto clerk = scenario.client_as("1001");
    const auto building = scenario.building_with_free_ports(*clerk, 1);
    const auto number = scenario.free_numbers(*clerk, 1).at(0).number;

    // The back office cannot be reached from the counter.
    OpenIndividualCustomer open(*ws.sql, &ws.offline, "1001", "ws-test");
    const auto app = application("离线客户", Scenario::id_number("19880808", 501));
    const auto& opened = as<OpenedCustomer>(open.open(app, kToday));
    CHECK(opened.provisional);
    REQUIRE(opened.offline);
    CHECK(opened.offline->code() == "E_TRANSPORT");
    CHECK_FALSE(opened.pre_check.has_value());
    const auto local_id = opened.customer.customer_id;
    CHECK(local_id.starts_with("ws-test-"));
    const auto cached = store::CustomerCache(*ws.sql).by_id(local_id);
    REQUIRE(cached);
    CHECK(cached->provisional);
    store::Outbox outbox(*ws.sql);
    REQUIRE(outbox.pending_count() == 1);
    CHECK(outbox.pending(10).at(0).subject == "customer:" + local_id);

    // An install for the provisional customer is accepted, with its money, but not queued.
    const auto accepted = ws.desk.accept("1001", Scenario::install_draft(local_id, number, building.address_id),
                                         PaymentTaken{domain::Money::from_yuan(100), domain::Tender::cash});
    CHECK(accepted.awaiting_customer);
    store::OrderStore orders(*ws.sql);
    CHECK(orders.by_local_id(accepted.local_id)->state == kAwaitingCustomer);
    CHECK(outbox.pending_count() == 1);

    // The back office answers: the customer takes its id, then the order is sent under it and numbered.
    ws.sync();
    CHECK_FALSE(store::CustomerCache(*ws.sql).by_id(local_id).has_value());
    const auto now_known = store::CustomerCache(*ws.sql).by_id_number(app.holder.id_number);
    REQUIRE(now_known.size() == 1);
    CHECK_FALSE(now_known[0].provisional);
    const auto customer_id = now_known[0].customer_id;
    CHECK(customer_id.starts_with("C"));
    const auto order = orders.by_local_id(accepted.local_id);
    REQUIRE(order);
    REQUIRE(order->order_id);
    CHECK(order->state == "acknowledged");
    CHECK(outbox.open_errors().empty());

    const auto remote = clerk->call(contract::OrderGetRequest{*order->order_id});
    REQUIRE(remote.ok());
    CHECK(remote.value().order.draft.customer_id == customer_id);
    CHECK(remote.value().order.draft.external_id == accepted.local_id);

    // A group opened offline is provisional too, and its name is then known to the cache.
    OpenGroupCustomer groups(*ws.sql, &ws.offline, "1001", "ws-test");
    const auto& provisional =
        as<OpenedCustomer>(groups.open(group("深圳市离线集团有限公司", "91440300MA5DC6R23"), kToday));
    CHECK(provisional.provisional);
    const auto& known = as<GroupNameCheck>(groups.check_group_name("深圳市离线集团有限公司"));
    CHECK(known.status == GroupNameCheck::Status::exists);
    CHECK(known.from_cache);
    CHECK(known.existing_customer_id == provisional.customer.customer_id);
    CHECK(as<GroupNameCheck>(groups.check_group_name("别的名字")).status == GroupNameCheck::Status::unknown);

    // Back online, a member added to the still-provisional group waits for the group's id, then follows it.
    GroupMembers members(*ws.sql, &ws.client, ws.desk, "1001", provisional.customer.customer_id, "0755");
    const auto added = members.add({"13800000007", "6607", std::nullopt}, kToday);
    REQUIRE(std::holds_alternative<AcceptedOrder>(added));
    const auto member_order = std::get<AcceptedOrder>(added);
    CHECK(member_order.awaiting_customer);
    ws.sync();
    const auto numbered = orders.by_local_id(member_order.local_id);
    REQUIRE(numbered);
    CHECK(numbered->order_id.has_value());
    CHECK(numbered->state == "acknowledged");
    const auto group_id = store::CustomerCache(*ws.sql).search_groups("深圳市离线集团有限公司", 5).at(0).customer_id;
    CHECK(group_id.starts_with("C"));
    const auto listed = clerk->call(contract::MemberListRequest{group_id, std::nullopt});
    REQUIRE(listed.ok());
    REQUIRE(listed.value().members.size() == 1);
    CHECK(listed.value().members[0].state == "pendingConfirmation");
}
