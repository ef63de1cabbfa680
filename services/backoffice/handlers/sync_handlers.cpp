// Delta sync for the field laptop, group members, and business-volume reports.
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/answer_budget.h"
#include "services/backoffice/handlers/records.h"
#include "services/backoffice/sql_util.h"

namespace backoffice {

SyncChangesResponse handle(OpContext& ctx, const SyncChangesRequest& request)
{
    const long long limit = request.limit.value_or(200);
    if (limit < 1 || limit > 1000 || request.cursor < 0) {
        refuse_field(request.cursor < 0 ? "cursor" : "limit", "range");
    }
    // A customer manager gets the customers they manage; a clerk those they served. Orders follow their customer.
    const long long cursor = request.cursor;
    soci::rowset<soci::row> customers =
        (ctx.sql.prepare << "SELECT customer_id, change_seq FROM customers WHERE change_seq > :c AND "
                            "(served_by = :s OR customer_id IN (SELECT customer_id FROM customer_managers "
                            "WHERE staff_id = :s2)) ORDER BY change_seq LIMIT :l",
         soci::use(cursor), soci::use(ctx.caller.staff_id), soci::use(ctx.caller.staff_id), soci::use(limit + 1));
    SyncChangesResponse response;
    response.cursor = cursor;
    std::vector<std::pair<std::string, long long>> changed;
    for (const auto& row : customers) {
        changed.emplace_back(row.get<std::string>(0), column_int(row, 1));
    }
    response.has_more = static_cast<long long>(changed.size()) > limit;
    if (response.has_more) {
        changed.resize(static_cast<std::size_t>(limit));
    }
    // Each customer comes with its orders that changed after the cursor. A page stops before the orders would pass
    // the contract's list limit, and the cursor only moves past customers sent whole.
    // The same holds for the page's bytes (answer_budget.h): a customer and its orders go whole or wait.
    std::size_t orders_sent = 0;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < changed.size(); ++i) {
        const auto& [customer_id, seq] = changed[i];
        soci::rowset<std::string> orders =
            (ctx.sql.prepare << "SELECT order_id FROM orders WHERE customer_id = :c AND change_seq > :s "
                                "ORDER BY order_id",
             soci::use(customer_id), soci::use(cursor));
        const std::vector<std::string> ids(orders.begin(), orders.end());
        if (i > 0 && orders_sent + ids.size() > 1000) {
            response.has_more = true;
            break;
        }
        auto customer = load_customer(ctx.sql, customer_id);
        std::size_t chunk = encoded_size("customer", customer);
        std::vector<ProductOrder> chunk_orders;
        for (const auto& id : ids) {
            if (orders_sent + chunk_orders.size() == 1000) {
                break; // one customer with more than 1000 changed orders: the rest come with its next change
            }
            chunk_orders.push_back(load_order(ctx.sql, id));
            chunk += encoded_size("productOrder", chunk_orders.back());
            if (i == 0 && bytes + chunk > kAnswerBytes) {
                break; // a first customer whose orders alone pass the budget: the rest come with its next change
            }
        }
        if (i > 0 && bytes + chunk > kAnswerBytes) {
            response.has_more = true;
            break;
        }
        bytes += chunk;
        response.customers.push_back(std::move(customer));
        orders_sent += chunk_orders.size();
        std::move(chunk_orders.begin(), chunk_orders.end(), std::back_inserter(response.orders));
        response.cursor = seq;
    }
    response.as_of = ctx.now;
    return response;
}

MemberListResponse handle(OpContext& ctx, const MemberListRequest& request)
{
    const auto group = load_customer(ctx.sql, request.group_id);
    if (group.kind != "group") {
        refuse_field("groupId", "notGroup");
    }
    // Pages of at most 1000 members (the contract's list limit: a bigger answer could not be read) and the byte
    // budget, by ascending number; `after` is where the next page starts.
    MemberListResponse response;
    const auto after = request.after.value_or("");
    const long long rows_wanted = kMemberPage + 1;
    soci::rowset<soci::row> rows =
        (ctx.sql.prepare << "SELECT number, short_number, state, added_at FROM group_members WHERE group_id = :g "
                            "AND state <> 'removed' AND number > :a ORDER BY number LIMIT :l",
         soci::use(request.group_id), soci::use(after), soci::use(rows_wanted));
    std::size_t bytes = 0;
    for (const auto& row : rows) {
        GroupMember member{row.get<std::string>(0), {}, row.get<std::string>(2), from_iso(row.get<std::string>(3))};
        if (row.get_indicator(1) == soci::i_ok) {
            member.short_number = row.get<std::string>(1);
        }
        bytes += encoded_size("member", member);
        if (response.members.size() == kMemberPage || (!response.members.empty() && bytes > kAnswerBytes)) {
            response.has_more = true;
            break;
        }
        response.members.push_back(std::move(member));
    }
    return response;
}

ReportVolumeResponse handle(OpContext& ctx, const ReportVolumeRequest& request)
{
    if (request.to < request.from) {
        refuse_field("to", "beforeFrom");
    }
    const char* column = request.group_by == "hall"    ? "hall_id"
                         : request.group_by == "staff" ? "staff_id"
                         : request.group_by == "day"   ? "business_day"
                                                       : nullptr;
    if (column == nullptr) {
        refuse_field("groupBy", "unknown");
    }
    const auto from = domain::format_iso(request.from);
    const auto to = domain::format_iso(request.to);
    // Two aggregates merged by key: orders accepted and money taken, each in its own table.
    std::map<std::string, VolumeRow> rows;
    soci::rowset<soci::row> orders = (ctx.sql.prepare << std::string("SELECT ") + column +
                                                             ", COUNT(*) FROM orders WHERE business_day >= :f AND "
                                                             "business_day <= :t GROUP BY " +
                                                             column,
                                      soci::use(from), soci::use(to));
    const auto number = [](const soci::row& row, std::size_t column_index) { return column_int(row, column_index); };
    for (const auto& row : orders) {
        auto& entry = rows[row.get<std::string>(0)];
        entry.key = row.get<std::string>(0);
        entry.orders = number(row, 1);
    }
    soci::rowset<soci::row> payments = (ctx.sql.prepare << std::string("SELECT ") + column +
                                                               ", SUM(amount_fen - refunded_fen) FROM payments "
                                                               "WHERE business_day >= :f AND business_day <= :t "
                                                               "GROUP BY " +
                                                               column,
                                        soci::use(from), soci::use(to));
    for (const auto& row : payments) {
        auto& entry = rows[row.get<std::string>(0)];
        entry.key = row.get<std::string>(0);
        entry.amount = domain::Money::from_fen(number(row, 1));
    }
    ReportVolumeResponse response;
    for (auto& [key, row] : rows) {
        response.rows.push_back(std::move(row));
    }
    return response;
}

} // namespace backoffice
