#include "services/backoffice/handlers/records.h"

#include "services/backoffice/sql_util.h"
#include "services/contract/message_codec.h"

namespace backoffice {

namespace {

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return parts;
}

} // namespace

std::vector<contract::OfferingAttribute> offering_attributes(soci::session& sql, const std::string& offering_id)
{
    std::vector<contract::OfferingAttribute> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT name, allowed, default_value FROM offering_attributes "
                                                   "WHERE offering_id = :o ORDER BY position",
                                    soci::use(offering_id));
    for (const auto& a : rows) {
        contract::OfferingAttribute attribute{a.get<std::string>(0), split(a.get<std::string>(1), '|'), {}};
        if (a.get_indicator(2) == soci::i_ok) {
            attribute.default_value = a.get<std::string>(2);
        }
        out.push_back(std::move(attribute));
    }
    return out;
}

domain::Date today(contract::Timestamp now)
{
    return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now + std::chrono::hours{8})};
}

void refuse_problem(const std::string& field, const domain::Problem& problem)
{
    std::vector<std::pair<std::string, std::string>> params{{"field", field},
                                                            {"reason", std::string(domain::code_name(problem.code))}};
    for (const auto& [name, value] : problem.params) {
        // The problem's own "reason" (e.g. a certificate number's) must not shadow ours.
        params.emplace_back(name == "reason" ? "detail" : name, value);
    }
    refuse(contract::ResultCode::validation, std::move(params));
}

std::optional<contract::CustomerRecord> find_customer(soci::session& sql, const std::string& customer_id)
{
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT customer_id, kind, name, grade, status, address, contact_phone, group_type, grid, "
                        "version FROM customers WHERE customer_id = :c",
         soci::use(customer_id));
    auto it = rows.begin();
    if (it == rows.end()) {
        return std::nullopt;
    }
    const auto& row = *it;
    contract::CustomerRecord customer;
    customer.customer_id = row.get<std::string>(0);
    customer.kind = row.get<std::string>(1);
    customer.name = row.get<std::string>(2);
    customer.grade = row.get<std::string>(3);
    customer.status = row.get<std::string>(4);
    const auto optional = [&](std::size_t column) -> std::optional<std::string> {
        return row.get_indicator(column) == soci::i_ok ? std::optional(row.get<std::string>(column)) : std::nullopt;
    };
    customer.address = optional(5);
    customer.contact_phone = optional(6);
    customer.group_type = optional(7);
    customer.grid = optional(8);
    customer.version = column_int(row, 9);

    soci::rowset<soci::row> certificates =
        (sql.prepare << "SELECT type, number, main, valid_to FROM certificates WHERE customer_id = :c "
                        "ORDER BY main DESC, type, number",
         soci::use(customer_id));
    for (const auto& c : certificates) {
        contract::Certificate certificate{c.get<std::string>(0), c.get<std::string>(1), column_int(c, 2) != 0, {}};
        if (c.get_indicator(3) == soci::i_ok) {
            certificate.valid_to = contract::parse_date(c.get<std::string>(3));
        }
        customer.certificates.push_back(std::move(certificate));
    }
    soci::rowset<std::string> managers =
        (sql.prepare << "SELECT staff_id FROM customer_managers WHERE customer_id = :c ORDER BY staff_id",
         soci::use(customer_id));
    customer.customer_managers.assign(managers.begin(), managers.end());
    soci::rowset<soci::row> parties =
        (sql.prepare << "SELECT role, name, id_number FROM related_parties WHERE customer_id = :c ORDER BY role",
         soci::use(customer_id));
    for (const auto& p : parties) {
        customer.related_parties.push_back({p.get<std::string>(0), p.get<std::string>(1), p.get<std::string>(2)});
    }
    return customer;
}

contract::CustomerRecord load_customer(soci::session& sql, const std::string& customer_id)
{
    auto customer = find_customer(sql, customer_id);
    if (!customer) {
        refuse(contract::ResultCode::not_found, {{"customerId", customer_id}});
    }
    return std::move(*customer);
}

contract::ProductOrder load_order(soci::session& sql, const std::string& order_id)
{
    contract::ProductOrder order;
    std::string draft;
    long long total = 0;
    std::string created_at;
    std::string due_by;
    sql << "SELECT order_id, state, draft, total_fen, created_at, due_by, staff_id, hall_id FROM orders "
           "WHERE order_id = :o",
        soci::use(order_id), soci::into(order.order_id), soci::into(order.state), soci::into(draft), soci::into(total),
        soci::into(created_at), soci::into(due_by), soci::into(order.staff_id), soci::into(order.hall_id);
    if (!sql.got_data()) {
        refuse(contract::ResultCode::not_found, {{"orderId", order_id}});
    }
    auto decoded = contract::decode_request<contract::OrderSubmitRequest>(draft);
    if (auto* request = std::get_if<contract::OrderSubmitRequest>(&decoded)) {
        order.draft = std::move(request->order);
    } else {
        throw std::runtime_error("stored order " + order_id + " cannot be read back");
    }
    order.total = domain::Money::from_fen(total);
    order.created_at = from_iso(created_at);
    order.due_by = from_iso(due_by);
    soci::rowset<soci::row> items =
        (sql.prepare << "SELECT item_id, state FROM order_items WHERE order_id = :o", soci::use(order_id));
    for (const auto& row : items) {
        for (auto& item : order.draft.items) {
            if (item.item_id == row.get<std::string>(0)) {
                item.state = row.get<std::string>(1);
            }
        }
    }
    soci::rowset<soci::row> events =
        (sql.prepare << "SELECT state, at, staff_id, reason FROM order_events WHERE order_id = :o ORDER BY seq",
         soci::use(order_id));
    for (const auto& row : events) {
        contract::StatusChange change{
            row.get<std::string>(0), from_iso(row.get<std::string>(1)), row.get<std::string>(2), {}};
        if (row.get_indicator(3) == soci::i_ok) {
            change.reason = row.get<std::string>(3);
        }
        order.timeline.push_back(std::move(change));
    }
    return order;
}

} // namespace backoffice
