// Group members against the real back office: one added and removed through orders the sync worker numbers, its
// state from memberList (pendingConfirmation until the order completes, then active), the refusals found here and
// the one only the back office can give, and a batch import from CSV and XLSX from preview to memberList.

#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/workflows/group/group_members.h"
#include "client/workflows/group/open_group_customer.h"
#include "client/workflows/import/member_import.h"
#include "domain/credit_code.h"
#include "tests/workflows/support/workstation.h"
#include "tests/workflows/support/xlsx_fixture.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

using namespace workflows;
using testing::Scenario;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

std::string open_group(testing::Workstation& ws, const std::string& name, const std::string& first17)
{
    GroupApplication g;
    g.name = name;
    g.type = domain::GroupType::key_account;
    g.managers = {"3001"};
    g.certificates.push_back({domain::CertificateKind::business_licence,
                              first17 + domain::CreditCode::check_character(first17), true, std::nullopt});
    OpenGroupCustomer open(*ws.sql, &ws.client, ws.staff, "ws-mgr");
    const auto opened = open.open(g, kToday);
    REQUIRE(std::holds_alternative<OpenedCustomer>(opened));
    return std::get<OpenedCustomer>(opened).customer.customer_id;
}

/// By value: the callers pass the workflow's answer as a temporary.
template <typename Variant> MemberProblem problem_of(const Variant& v)
{
    if (const auto* error = std::get_if<bss::CallError>(&v)) {
        FAIL(error->code() << " " << error->detail);
    }
    REQUIRE(std::holds_alternative<MemberProblem>(v));
    return std::get<MemberProblem>(v);
}

template <typename Variant> AcceptedOrder accepted_of(const Variant& v)
{
    if (const auto* problem = std::get_if<MemberProblem>(&v)) {
        FAIL(problem->code);
    }
    if (const auto* error = std::get_if<bss::CallError>(&v)) {
        FAIL(error->code() << " " << error->detail);
    }
    return std::get<AcceptedOrder>(v);
}

std::optional<contract::GroupMember> member(GroupMembers& members, const std::string& number)
{
    const auto listed = members.list();
    REQUIRE(std::holds_alternative<std::vector<contract::GroupMember>>(listed));
    for (const auto& m : std::get<std::vector<contract::GroupMember>>(listed)) {
        if (m.number == number) {
            return m;
        }
    }
    return std::nullopt;
}

/// The supervisor (or the member's SMS confirmation, which the back office stands for) completes the order.
void complete(Scenario& scenario, const std::string& order_id)
{
    auto supervisor = scenario.client_as("2001");
    REQUIRE(supervisor->call(contract::WorkOrderCompleteRequest{order_id, "inProgress", std::nullopt}).ok());
    REQUIRE(supervisor->call(contract::WorkOrderCompleteRequest{order_id, "completed", std::nullopt}).ok());
}

std::string number_of(testing::Workstation& ws, const AcceptedOrder& accepted)
{
    const auto order = store::OrderStore(*ws.sql).by_local_id(accepted.local_id);
    REQUIRE(order);
    REQUIRE(order->order_id);
    return *order->order_id;
}

} // namespace

TEST_CASE("a member is added and removed through numbered orders, its state following memberList",
          "[workflows][members]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    const auto group_id = open_group(ws, "深圳市成员测试有限公司", "91440300MA5DC7A01");
    GroupMembers members(*ws.sql, &ws.client, ws.desk, "3001", group_id, "0755");

    const auto& added = accepted_of(members.add({"13800000001", "6601", "刘洋"}, kToday));
    CHECK_FALSE(added.awaiting_customer);
    // Not sent yet, but already a member-to-be here: the same number again is refused at once.
    CHECK(problem_of(members.add({"13800000001", std::nullopt, std::nullopt}, kToday)).code == "E_MEMBER_EXISTS");

    ws.sync();
    const auto order_id = number_of(ws, added);
    const auto pending = member(members, "13800000001");
    REQUIRE(pending);
    CHECK(pending->state == "pendingConfirmation");
    CHECK(pending->short_number == "6601");

    // What the back office's list says is checked before anything is queued.
    const auto& taken = problem_of(members.add({"13900000009", "6601", std::nullopt}, kToday));
    CHECK(taken.code == "E_SHORT_NUMBER_TAKEN");
    CHECK(taken.param("field") == "shortNumber");
    const auto& waiting = problem_of(members.remove("13800000001", kToday));
    CHECK(waiting.code == "E_MEMBER_PENDING");
    CHECK(waiting.param("state") == "pendingConfirmation");
    CHECK(problem_of(members.remove("13700000000", kToday)).code == "E_MEMBER_NOT_FOUND");
    CHECK(problem_of(members.add({"010-66612345", std::nullopt, std::nullopt}, kToday)).code == "E_MEMBER_NOT_LOCAL");
    const auto& closed =
        problem_of(members.add({"13900000008", std::nullopt, std::nullopt}, domain::make_date(2026, 11, 27)));
    CHECK(closed.code == "E_MEMBER_WINDOW_CLOSED");
    CHECK(closed.param("reopens") == "2026-12-01");
    CHECK(store::Outbox(*ws.sql).pending_count() == 0);

    // The member confirms (the order completes): active. Then removed: pendingRemoval until that order completes.
    complete(scenario, order_id);
    CHECK(member(members, "13800000001")->state == "active");
    const auto& removal = accepted_of(members.remove("13800000001", kToday));
    ws.sync();
    CHECK(member(members, "13800000001")->state == "pendingRemoval");
    complete(scenario, number_of(ws, removal));
    CHECK_FALSE(member(members, "13800000001").has_value());
}

TEST_CASE("a member the back office already has, added offline, is refused into the sync error queue",
          "[workflows][members][offline]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    const auto group_id = open_group(ws, "深圳市离线成员有限公司", "91440300MA5DC7A12");
    // Someone at another counter adds the number first.
    auto other = scenario.client_as("3002");
    contract::OrderDraft elsewhere;
    elsewhere.external_id = "another-counter-1";
    elsewhere.order_type = "memberAdd";
    elsewhere.customer_id = group_id;
    elsewhere.members.push_back({"13800000005", std::nullopt, std::nullopt});
    const auto first = other->call(contract::OrderSubmitRequest{elsewhere});
    INFO(first.code() << " " << first.param("field") << " " << first.param("reason"));
    REQUIRE(first.ok());

    GroupMembers offline(*ws.sql, &ws.offline, ws.desk, "3001", group_id, "0755");
    const auto& accepted = accepted_of(offline.add({"13800000005", std::nullopt, std::nullopt}, kToday));
    ws.sync();
    const auto errors = store::Outbox(*ws.sql).open_errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "E_VALIDATION");
    CHECK(errors[0].params.find("reason=E_MEMBER_EXISTS") != std::string::npos);
    CHECK(errors[0].params.find("field=productOrder/member/1/number") != std::string::npos);
    CHECK(store::OrderStore(*ws.sql).by_local_id(accepted.local_id)->state == "rejected");
}

TEST_CASE("a batch import from CSV and from XLSX is previewed against the group, confirmed, and listed",
          "[workflows][members][import]")
{
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    const auto group_id = open_group(ws, "深圳市导入测试有限公司", "91440300MA5DC7A23");
    GroupMembers members(*ws.sql, &ws.client, ws.desk, "3001", group_id, "0755");
    // Already a member, holding short number 6601.
    accepted_of(members.add({"13800000001", "6601", std::nullopt}, kToday));
    ws.sync();
    MemberImport import(members);

    const char* data = std::getenv("COUNTER_TEST_DATA");
    REQUIRE(data != nullptr);
    std::ifstream csv(std::string(data) + "/members_import.csv", std::ios::binary);
    const auto previewed = import.preview_csv(csv, kToday);
    REQUIRE(std::holds_alternative<MemberImportPreview>(previewed));
    const auto& preview = std::get<MemberImportPreview>(previewed);
    CHECK(preview.roster_from_back_office);
    std::vector<std::size_t> good_rows;
    for (const auto& row : preview.good) {
        good_rows.push_back(row.row);
    }
    // 13800000002 was not added here this month, so row 14 is good against this group.
    CHECK(good_rows == std::vector<std::size_t>{2, 3, 11, 14});
    std::vector<std::pair<std::size_t, std::string>> bad;
    for (const auto& row : preview.bad) {
        bad.emplace_back(row.row, row.problem.code);
    }
    const std::vector<std::pair<std::size_t, std::string>> expected{
        {4, "E_IMPORT_DUPLICATE"},   {5, "E_BAD_LENGTH"}, {6, "E_MEMBER_EXISTS"},     {7, "E_SHORT_NUMBER_TAKEN"},
        {8, "E_SHORT_NUMBER_RANGE"}, {9, "E_CSV_QUOTE"},  {10, "E_IMPORT_DUPLICATE"}, {12, "E_IMPORT_DUPLICATE"},
        {13, "E_MEMBER_NOT_LOCAL"},  {15, "E_EMPTY"},
    };
    CHECK(bad == expected);
    CHECK(store::Outbox(*ws.sql).pending_count() == 0);

    const auto confirmed = import.confirm(preview, kToday);
    REQUIRE(std::holds_alternative<std::vector<AcceptedOrder>>(confirmed));
    CHECK(std::get<std::vector<AcceptedOrder>>(confirmed).size() == 1);
    ws.sync();
    for (const auto* number : {"13812345678", "13812345679", "0755-26612345", "13800000002"}) {
        INFO(number);
        const auto listed = member(members, number);
        REQUIRE(listed);
        CHECK(listed->state == "pendingConfirmation");
    }
    CHECK(member(members, "13812345678")->short_number == "6602");

    // The XLSX of the next department: one row clashes with the CSV's members, the others are new.
    const auto bytes = testing::xlsx_bytes({{"号码", "短号", "姓名"},
                                            {"#13812345678", "#6610", "又一次"},
                                            {"#13600000001", "#6607", "短号已用"},
                                            {"#13600000002", "#6611", "新成员"},
                                            {"#13600000003", "", "新成员二"}});
    const auto second = import.preview_xlsx(bytes, kToday);
    REQUIRE(std::holds_alternative<MemberImportPreview>(second));
    const auto& next = std::get<MemberImportPreview>(second);
    REQUIRE(next.bad.size() == 2);
    CHECK(next.bad[0].row == 2);
    CHECK(next.bad[0].problem.code == "E_MEMBER_EXISTS");
    CHECK(next.bad[1].row == 3);
    CHECK(next.bad[1].problem.code == "E_SHORT_NUMBER_TAKEN");
    REQUIRE(next.good.size() == 2);
    REQUIRE(std::holds_alternative<std::vector<AcceptedOrder>>(import.confirm(next, kToday)));
    ws.sync();
    CHECK(member(members, "13600000002")->short_number == "6611");
    CHECK(member(members, "13600000003").has_value());
}
