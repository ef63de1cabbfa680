// counterctl print-order as IT staff run it: a workstation's cache in, the archive PDF out, the print in that
// cache's audit log; a second print is 补打, an unknown order a coded error.

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/database.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/orders/order_desk.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

struct Output
{
    int exit_code;
    std::string text;
};

Output run(const std::string& args)
{
    const std::string command = std::string(COUNTERCTL_PATH) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string text;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) {
        text.append(buf, n);
    }
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

} // namespace

TEST_CASE("counterctl print-order prints a stored order's acceptance form, then 补打", "[counterctl][print]")
{
    testing::TempDir dir("counterctl-print-order");
    const auto cache = dir.path() / "cache.db";
    std::string local_id;
    {
        auto sql = store::open_database(cache);
        contract::CustomerRecord customer;
        customer.customer_id = "C0000042";
        customer.kind = "individual";
        customer.name = "张三";
        customer.certificates = {{"idCard", "11010519491231002X", true, std::nullopt}};
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        REQUIRE(store::CustomerCache(*sql).put(workflows::cached_customer(customer), now));
        contract::OrderDraft draft;
        draft.order_type = "install";
        draft.customer_id = customer.customer_id;
        contract::OrderItem line;
        line.item_id = "1";
        line.action = "add";
        line.offering_id = "PSTN-BASIC";
        line.service_number = "26601234";
        draft.items = {line};
        draft.fees = {{"安装调测费", domain::Money::from_yuan(100)}};
        local_id = workflows::OrderDesk(*sql, "ws-ctl").accept("1001", draft).local_id;
    }
    const std::string common = "print-order --cache '" + cache.string() + "' --staff 1001 --archive '" +
                               (dir.path() / "archive").string() + "' --forms '" + FORMS_DIR + "' --hall 建国路营业厅";

    const auto first = run(common + " --order " + local_id);
    INFO(first.text);
    CHECK(first.exit_code == 0);
    CHECK(first.text.find("written: ") != std::string::npos);
    CHECK(first.text.find("(pending number)") != std::string::npos);
    CHECK(first.text.find("unfilled: customer.phone (not_stored)") != std::string::npos);

    const auto second = run(common + " --order " + local_id);
    INFO(second.text);
    CHECK(second.exit_code == 0);
    CHECK(second.text.find("(补打)") != std::string::npos);

    const auto unknown = run(common + " --order O-nope");
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.text == "error: E_ORDER_NOT_FOUND order=O-nope\n");

    auto sql = store::open_database(cache);
    const auto log = store::AuditLog(*sql).recent(local_id, 10);
    REQUIRE(log.size() == 2);
    CHECK(log[0].action == "print.reprint");
    CHECK(log[1].action == "print.form");
    CHECK(log[1].staff == "1001");
}
