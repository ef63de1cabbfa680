// The forms' data built from what the workstation stored, against the real back office: an install accepted with
// its payment, sent and numbered, prints its acceptance form and receipt (through PrintDesk to PDF, read back with
// pdftotext: masked ID, order number, amounts in figures and upper case); before it is numbered the paper carries
// the local pre-accept number and says so; a second print is 补打; a move prints its acceptance form and move
// request; an account payment and a group opening print from the store alone; unknown records are refused by
// code, with nothing printed or logged. COUNTER_FORMS_DUMP=DIR keeps the PDFs printed.

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/payment_store.h"
#include "client/store/reference_cache.h"
#include "client/store/settings.h"
#include "client/workflows/changes/fixed_line_install.h"
#include "client/workflows/changes/service_changes.h"
#include "client/workflows/forms/group_opening_form.h"
#include "client/workflows/forms/order_forms.h"
#include "client/workflows/forms/paper_words.h"
#include "client/workflows/forms/print_desk.h"
#include "client/workflows/forms/receipt_form.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/money/payment_desk.h"
#include "domain/chinese_amount.h"
#include "domain/masking.h"
#include "pdf_words.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

namespace {

const std::filesystem::path kForms = COUNTER_FORMS_DIR;
constexpr const char* kHall = "北京朝阳区建国路营业厅";

/// A workstation signed in as clerk 1001 with the hall's name set, and a print desk archiving under its folder.
struct Counter
{
    testing::Scenario scenario;
    std::unique_ptr<testing::BssTestClient> clerk = scenario.client_as("1001");
    testing::Workstation ws{scenario, "1001"};
    workflows::PrintDesk printer{*ws.sql, kForms, ws.dir.path() / "archive", "1001"};
    workflows::PrintingCounter counter;

    Counter()
    {
        store::Settings(*ws.sql).set_hall_name(kHall);
        contract::StaffProfile profile;
        profile.staff_id = "1001";
        profile.name = "李明";
        counter = workflows::printing_counter(*ws.sql, profile);
    }

    /// What identify-customer leaves in the cache once the clerk has found the customer.
    void cache(const contract::CustomerRecord& customer)
    {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        store::CustomerCache(*ws.sql).put(workflows::cached_customer(customer), now);
    }
    /// What the address picker leaves in the cache once the clerk has chosen a building.
    void cache(const contract::AddressNode& address)
    {
        store::ReferenceCache(*ws.sql).put_address(
            {address.address_id, address.parent_id.value_or(""), address.level, address.name, address.full_name});
    }

    /// Prints `document` through the print desk and returns the archive's words with their places.
    std::vector<testing::PdfWord> words(const workflows::FormDocument& document)
    {
        auto prepared = printer.prepare(document.form, document.data, document.options());
        if (const auto* error = printing::error_of(prepared)) {
            FAIL("not printed: " << error->to_string());
        }
        const auto& archive = std::get<workflows::PreparedForm>(prepared).archive;
        REQUIRE(std::filesystem::exists(archive));
        // COUNTER_FORMS_DUMP=DIR keeps the printed PDFs for a look (the archive folder goes with the test).
        if (const char* keep = std::getenv("COUNTER_FORMS_DUMP")) {
            std::filesystem::create_directories(keep);
            std::filesystem::copy_file(archive, std::filesystem::path(keep) / archive.filename(),
                                       std::filesystem::copy_options::overwrite_existing);
        }
        return testing::pdf_words(archive);
    }
    /// The same, joined without spaces.
    std::string print(const workflows::FormDocument& document) { return testing::all_text(words(document)); }
};

workflows::FormDocument built(const workflows::FormResult& result)
{
    if (const auto* error = printing::error_of(result)) {
        FAIL("no form: " << error->to_string());
    }
    return std::get<workflows::FormDocument>(result);
}

std::string field(const workflows::FormDocument& document, const std::string& name)
{
    const auto* value = document.data.field(name);
    return value != nullptr ? *value : std::string("<absent>");
}

bool unfilled(const workflows::FormDocument& document, const std::string& name)
{
    return std::ranges::any_of(document.unfilled, [&](const workflows::Unfilled& u) { return u.field == name; });
}

std::string without_spaces(std::string text)
{
    std::erase(text, ' ');
    return text;
}

} // namespace

TEST_CASE("an install's acceptance form and receipt: pre-accept number before sync, the order number after, 补打 "
          "on the second print",
          "[workflows][forms]")
{
    Counter c;
    workflows::FixedLineInstall install(*c.ws.sql, &c.ws.client, c.ws.desk, "1001");
    const auto catalog = std::get<contract::CatalogGetResponse>(install.catalog());
    const auto customer = c.scenario.new_individual(*c.clerk, "钱七");
    c.cache(customer);
    const auto building = c.scenario.building_with_free_ports(*c.clerk, 1);
    c.cache(building);
    const auto number = c.scenario.free_numbers(*c.clerk, 1).at(0);
    const auto reserved = std::get<contract::NumberRecord>(install.reserve(number.number));

    workflows::InstallChoice choice;
    choice.customer_id = customer.customer_id;
    choice.address_id = building.address_id;
    choice.number = reserved;
    contract::OrderItem basic;
    basic.offering_id = "PSTN-BASIC";
    contract::OrderItem clip;
    clip.offering_id = "VAS-CLIP";
    choice.products = {basic, clip};
    choice.appointment = domain::make_date(2026, 11, 24);
    domain::Money total;
    const auto fees = std::get<std::vector<contract::Fee>>(workflows::FixedLineInstall::fees(choice, catalog));
    for (const auto& fee : fees) {
        total = total + fee.amount;
    }
    REQUIRE(total > domain::Money{});
    const auto accepted = std::get<workflows::AcceptedOrder>(
        install.accept(choice, catalog, workflows::PaymentTaken{total, domain::Tender::cash}));

    // Not numbered yet: the clerk can still hand over paper, which says it is a pre-acceptance.
    const auto& early = built(workflows::acceptance_form(*c.ws.sql, c.counter, accepted.local_id));
    CHECK(early.pending_number);
    CHECK(field(early, "order.number") == accepted.local_id);
    CHECK(field(early, "order.type") == "市话新装（预受理）");
    CHECK(field(early, "order.remark").find("预受理") != std::string::npos);
    CHECK(early.data.field("service.deadline") == nullptr); // no promise before the back office has the order
    const auto early_text = c.print(early);
    CHECK(early_text.find(without_spaces(accepted.local_id)) != std::string::npos);
    CHECK(early_text.find("预受理") != std::string::npos);
    const auto& early_receipt = built(workflows::receipt_form(*c.ws.sql, c.counter, *accepted.payment_local_id));
    CHECK(early_receipt.pending_number);
    CHECK(field(early_receipt, "receipt.number") == *accepted.payment_local_id);

    c.ws.sync();
    const auto order = store::OrderStore(*c.ws.sql).by_local_id(accepted.local_id);
    REQUIRE(order->order_id);
    const auto id_number = customer.certificates.at(0).number;

    // By the back office's number or by the local id: the same stored order.
    for (const auto& ref : {*order->order_id, accepted.local_id}) {
        INFO(ref);
        const auto& form = built(workflows::acceptance_form(*c.ws.sql, c.counter, ref));
        CHECK_FALSE(form.pending_number);
        CHECK_FALSE(form.reprint);
        CHECK(field(form, "order.number") == *order->order_id);
        CHECK(field(form, "order.type") == "市话新装");
        CHECK(field(form, "customer.name") == "钱七");
        CHECK(field(form, "customer.id_type") == "居民身份证");
        CHECK(field(form, "customer.id_number") == id_number);
        CHECK(field(form, "service.number") == reserved.number);
        CHECK(field(form, "service.install_address") == building.full_name);
        CHECK(field(form, "service.appointment") == "2026-11-24");
        CHECK(field(form, "service.deadline").size() == 16);
        CHECK(field(form, "fees.total") == total.plain());
        CHECK(field(form, "hall.name") == kHall);
        CHECK(field(form, "clerk.name") == "李明");
        CHECK(form.data.tables.at("items").size() == 2);
        CHECK(form.data.tables.at("items").at(0).at("product") == "市话");
        CHECK_FALSE(unfilled(form, "service.install_address"));
        CHECK(std::holds_alternative<printing::FormData>(printing::validate_form_data(form.data)));
    }

    const auto& form = built(workflows::acceptance_form(*c.ws.sql, c.counter, *order->order_id));
    const auto words = c.words(form);
    // In their boxes of forms/acceptance.xml: the order number, the masked ID, the total.
    CHECK(testing::text_in_box(words, 1, 28, 24, 60, 6) == *order->order_id);
    CHECK(testing::text_in_box(words, 1, 40, 48, 63, 8) == domain::mask_id_number(id_number));
    CHECK(testing::text_in_box(words, 1, 150, 157, 45, 7) == total.format());
    const auto text = testing::all_text(words);
    CHECK(text.find(domain::mask_id_number(id_number)) != std::string::npos);
    CHECK(text.find(id_number) == std::string::npos); // masked on paper by default
    CHECK(text.find(*order->order_id) != std::string::npos);
    CHECK(text.find(total.format()) != std::string::npos);
    CHECK(text.find(domain::chinese_uppercase(total)) != std::string::npos);
    CHECK(text.find(without_spaces(building.full_name)) != std::string::npos);

    // Printed once under this number: the next print is 补打, and the print desk logs it so.
    const auto& again = built(workflows::acceptance_form(*c.ws.sql, c.counter, *order->order_id));
    CHECK(again.reprint);
    CHECK(c.print(again).find("补打") != std::string::npos);
    const auto log = store::AuditLog(*c.ws.sql).recent(*order->order_id, 10);
    REQUIRE_FALSE(log.empty());
    CHECK(log.front().action == "print.reprint");

    // The receipt: the back office's payment id, the order's fee lines, the total in figures and upper case.
    const auto payment = store::PaymentStore(*c.ws.sql).by_local_id(*accepted.payment_local_id);
    REQUIRE(payment->payment_id);
    const auto& receipt = built(workflows::receipt_form(*c.ws.sql, c.counter, *accepted.payment_local_id));
    CHECK_FALSE(receipt.pending_number);
    CHECK_FALSE(receipt.reprint); // the acceptance form's prints are not the receipt's
    CHECK(field(receipt, "receipt.number") == *payment->payment_id);
    CHECK(field(receipt, "order.number") == *order->order_id);
    CHECK(field(receipt, "customer.name") == "钱七");
    CHECK(field(receipt, "payment.method") == "现金");
    CHECK(field(receipt, "fees.total") == total.plain());
    CHECK(field(receipt, "order.remark").find(payment->idem_key) != std::string::npos);
    CHECK(receipt.data.tables.at("fees").size() == workflows::order_from_document(order->document)->draft.fees.size());
    const auto receipt_text = c.print(receipt);
    CHECK(receipt_text.find(*payment->payment_id) != std::string::npos);
    CHECK(receipt_text.find(domain::chinese_uppercase(total)) != std::string::npos);
    CHECK(receipt_text.find(total.format()) != std::string::npos);
}

TEST_CASE("a move prints its acceptance form and its move request", "[workflows][forms]")
{
    Counter c;
    const auto found = c.scenario.find_demo_customer(*c.clerk, [](const contract::CustomerGetResponse& r) {
        return r.customer.kind == "individual" && !r.blacklisted && r.arrears == domain::Money{} &&
               r.open_orders.empty() &&
               std::ranges::any_of(r.services, [](const auto& s) { return s.status == "active"; });
    });
    REQUIRE(found);
    c.cache(found->customer);
    const auto line = std::ranges::find(found->services, std::string("active"), &contract::ServiceRecord::status);
    const auto building = c.scenario.building_with_free_ports(*c.clerk, 1);
    c.cache(building);
    workflows::ServiceChanges changes(&c.ws.client, c.ws.desk, "1001");
    const auto moved = changes.move({found->customer.customer_id, line->service_number, line->billing_account_id},
                                    building.address_id, domain::make_date(2026, 11, 26));
    REQUIRE(std::holds_alternative<workflows::AcceptedOrder>(moved));
    const auto local_id = std::get<workflows::AcceptedOrder>(moved).local_id;
    c.ws.sync();
    const auto number = *store::OrderStore(*c.ws.sql).by_local_id(local_id)->order_id;

    const auto& request = built(workflows::move_request_form(*c.ws.sql, c.counter, local_id));
    CHECK(request.form == "move_request");
    CHECK(field(request, "order.number") == number);
    CHECK(field(request, "move.kind") == "市话移机");
    CHECK(field(request, "move.old_number") == line->service_number);
    CHECK(field(request, "move.new_address") == building.full_name);
    CHECK(field(request, "move.date") == "2026-11-26");
    CHECK(unfilled(request, "move.old_address")); // the line's present address is the back office's
    const auto text = c.print(request);
    CHECK(text.find(number) != std::string::npos);
    CHECK(text.find(line->service_number) != std::string::npos);
    CHECK(text.find(without_spaces(building.full_name)) != std::string::npos);
    if (!found->customer.certificates.empty()) {
        CHECK(text.find(domain::mask_id_number(found->customer.certificates.at(0).number)) != std::string::npos);
    }

    const auto& acceptance = built(workflows::acceptance_form(*c.ws.sql, c.counter, number));
    CHECK(field(acceptance, "order.type") == "市话移机");
    CHECK(field(acceptance, "service.install_address") == building.full_name);
    CHECK(c.print(acceptance).find(number) != std::string::npos);
}

TEST_CASE("unknown orders, payments and customers are refused by code, and nothing is printed or logged",
          "[workflows][forms]")
{
    Counter c;
    // An order whose customer the cache does not hold (accepted elsewhere and learnt of, never looked at here).
    const auto draft = testing::Scenario::install_draft("C-not-cached", "26600000", "B-nowhere");
    const auto stranger = c.ws.desk.accept("1001", draft);
    const auto install = c.ws.desk.accept("1001", draft);
    // Refused by the back office: nothing was accepted, so there is nothing to sign and no money to receipt.
    const auto refused =
        c.ws.desk.accept("1001", draft, workflows::PaymentTaken{domain::Money::from_yuan(1), domain::Tender::cash});
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    store::OrderStore(*c.ws.sql).mark_rejected(refused.local_id, "E_NUMBER_TAKEN", now);
    store::PaymentStore(*c.ws.sql).set_state(*refused.payment_local_id, "rejected");

    struct Row
    {
        const char* name;
        workflows::FormResult result;
        const char* code;
        const char* param;
        std::string value;
    };
    const std::vector<Row> rows{
        {"acceptance of an unknown order", workflows::acceptance_form(*c.ws.sql, c.counter, "O-nope"),
         "E_ORDER_NOT_FOUND", "order", "O-nope"},
        {"move request of an unknown order", workflows::move_request_form(*c.ws.sql, c.counter, ""),
         "E_ORDER_NOT_FOUND", "order", ""},
        {"receipt of an unknown payment", workflows::receipt_form(*c.ws.sql, c.counter, "P-nope"),
         "E_PAYMENT_NOT_FOUND", "payment", "P-nope"},
        {"group form of an unknown customer", workflows::group_opening_form(*c.ws.sql, c.counter, "G-nope"),
         "E_CUSTOMER_NOT_FOUND", "customer", "G-nope"},
        {"an order whose customer is not cached", workflows::acceptance_form(*c.ws.sql, c.counter, stranger.local_id),
         "E_CUSTOMER_NOT_FOUND", "customer", "C-not-cached"},
        {"a rejected order", workflows::acceptance_form(*c.ws.sql, c.counter, refused.local_id), "E_ORDER_REJECTED",
         "order", refused.local_id},
        {"a rejected payment", workflows::receipt_form(*c.ws.sql, c.counter, *refused.payment_local_id),
         "E_PAYMENT_REJECTED", "payment", *refused.payment_local_id},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        const auto* error = printing::error_of(row.result);
        REQUIRE(error != nullptr);
        CHECK(error->code == row.code);
        CHECK(error->param(row.param) == row.value);
    }

    contract::CustomerRecord customer;
    customer.customer_id = "C-not-cached";
    customer.kind = "individual";
    customer.name = "赵六";
    customer.certificates = {{"idCard", testing::Scenario::id_number("19850612", 7), true, std::nullopt}};
    c.cache(customer);
    const auto not_a_move = workflows::move_request_form(*c.ws.sql, c.counter, install.local_id);
    REQUIRE(printing::error_of(not_a_move) != nullptr);
    CHECK(printing::error_of(not_a_move)->code == "E_FORM_NOT_FOR_ORDER");
    CHECK(printing::error_of(not_a_move)->param("orderType") == "install");

    CHECK(store::AuditLog(*c.ws.sql).recent("", 10).empty());
    CHECK_FALSE(std::filesystem::exists(c.ws.dir.path() / "archive"));

    // Known now, but with no phone and at an address the cache never saw: printed with those blank, and the blanks
    // named so the screen can say so before the customer signs.
    const auto& sparse = built(workflows::acceptance_form(*c.ws.sql, c.counter, install.local_id));
    CHECK(unfilled(sparse, "customer.phone"));
    CHECK(unfilled(sparse, "service.install_address"));
    CHECK(unfilled(sparse, "items.product")); // no catalog cached: the offering id is printed
    CHECK(c.print(sparse).find("赵六") != std::string::npos);
}

TEST_CASE("a payment into an account and a group opening print from the store alone", "[workflows][forms]")
{
    Counter c;
    workflows::PaymentDesk payments(*c.ws.sql, nullptr, c.ws.desk, "1001");
    const auto paid = payments.pay_account("A0001234", domain::Money::from_fen(12345), domain::Tender::wechat);
    const auto& receipt = built(workflows::receipt_form(*c.ws.sql, c.counter, paid));
    CHECK(receipt.pending_number);
    CHECK(field(receipt, "order.number") == paid);
    CHECK(field(receipt, "service.number") == "帐户 A0001234");
    CHECK(field(receipt, "payment.method") == "微信支付");
    CHECK(field(receipt, "fees.total") == "123.45");
    CHECK(receipt.data.tables.at("fees").at(0).at("item") == "预存话费");
    const auto text = c.print(receipt);
    CHECK(text.find("壹佰贰拾叁元肆角伍分") != std::string::npos);
    CHECK(text.find("A0001234") != std::string::npos);

    contract::CustomerRecord group;
    group.customer_id = "ws-test-group1";
    group.kind = "group";
    group.name = "北京星河文化传媒有限公司";
    group.group_type = "sme";
    group.grid = "朝阳建外网格";
    group.address = "北京市朝阳区建国门外大街1号";
    group.contact_phone = "13698765432";
    group.customer_managers = {"1001", "1002"};
    group.certificates = {{"businessLicence", "91110000600037341L", true, std::nullopt},
                          {"introductionLetter", "星河函〔2026〕38号", false, std::nullopt}};
    auto row = workflows::cached_customer(group);
    row.provisional = true; // opened offline, not yet created at the back office
    store::CustomerCache(*c.ws.sql).put(row,
                                        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    const auto& opening = built(workflows::group_opening_form(*c.ws.sql, c.counter, group.customer_id));
    CHECK(opening.pending_number);
    CHECK(opening.data.field("group.number") == nullptr);
    CHECK(field(opening, "group.type") == "中小企业");
    CHECK(field(opening, "group.credit_code") == "91110000600037341L");
    CHECK(opening.data.tables.at("certificates").at(0).at("main") == "是");
    CHECK(opening.data.tables.at("managers").at(0).at("name") == "李明");
    CHECK(unfilled(opening, "group.legal_person"));
    const auto opening_text = c.print(opening);
    CHECK(opening_text.find("北京星河文化传媒有限公司") != std::string::npos);
    CHECK(opening_text.find("91110000600037341L") != std::string::npos);
    CHECK(opening_text.find(domain::mask_phone("13698765432")) != std::string::npos);
}

TEST_CASE("times are printed on the local clock, money from fen", "[workflows][forms]")
{
    const char* saved = std::getenv("TZ");
    const std::string before = saved != nullptr ? saved : "";
    setenv("TZ", "CST-8", 1); // China Standard Time without tzdata
    tzset();
    const auto at = store::parse_utc_text("2026-11-23T02:15:00Z");
    REQUIRE(at);
    CHECK(workflows::paper_time(*at) == "2026-11-23 10:15");
    CHECK(workflows::paper_time(*store::parse_utc_text("2026-11-23T16:30:00Z")) == "2026-11-24 00:30");
    if (saved != nullptr) {
        setenv("TZ", before.c_str(), 1);
    } else {
        unsetenv("TZ");
    }
    tzset();
    struct Row
    {
        std::int64_t fen;
        const char* text;
    };
    for (const auto& row : std::vector<Row>{{0, "0.00"}, {5, "0.05"}, {36000, "360.00"}, {12345, "123.45"}}) {
        INFO(row.fen);
        CHECK(workflows::paper_money(row.fen) == row.text);
    }
    CHECK(workflows::order_type_words("familyBundle") == "亲情1+");
    CHECK(workflows::certificate_words("passport") == "护照");
    CHECK(workflows::payment_method_words("somethingNew") == "somethingNew");
}
