// Orders (TMF622): submit with every hard check, get, list, cancel as its own request, and the work order's
// progress. Numbers and ports are taken in the same transaction as the order and given back when it fails or is
// cancelled.
#include "domain/group_member.h"
#include "domain/order_state.h"
#include "domain/payment_method.h"
#include "domain/phone_number.h"
#include "domain/product_attribute.h"
#include "domain/short_number.h"
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/answer_budget.h"
#include "services/backoffice/handlers/records.h"
#include "services/backoffice/sql_util.h"
#include "services/contract/message_codec.h"

#include <algorithm>
#include <set>

namespace backoffice {

namespace {

constexpr std::array kOrderTypes{"install",      "move",      "vasChange",   "accountChange",
                                 "familyBundle", "memberAdd", "memberRemove"};
constexpr const char* kOpenStates = "('acknowledged', 'pending', 'held', 'inProgress', 'assessingCancellation', "
                                    "'pendingCancellation')";

struct OfferingRow
{
    std::string kind;
    long long one_off = 0;
    long long attributes = 0; ///< how many attributes the product has (most have none: no second query then)
};

OfferingRow sellable_offering(OpContext& ctx, const std::string& offering_id, const std::string& field)
{
    // valid_to NULL reads as "": open-ended.
    const auto found = query_one<std::string, long long, std::string, std::string, std::string, long long>(
        ctx,
        "SELECT kind, one_off_fen, lifecycle_status, valid_from, valid_to, (SELECT COUNT(*) FROM offering_attributes "
        "a WHERE a.offering_id = offerings.offering_id) FROM offerings WHERE offering_id = :o",
        offering_id);
    const auto day = business_day(ctx.now);
    if (!found) {
        refuse(ResultCode::no_campaign, {{"field", field}, {"offeringId", offering_id}});
    }
    const auto& [kind, one_off, status, valid_from, valid_to, attributes] = *found;
    if (status != "Launched" || valid_from > day || (!valid_to.empty() && valid_to < day)) {
        refuse(ResultCode::no_campaign, {{"field", field}, {"offeringId", offering_id}});
    }
    return OfferingRow{kind, one_off, attributes};
}

/// What an order needs to know of its customer, read in one statement (this is the hot path of every order).
struct CustomerState
{
    std::string kind;
    bool blacklisted = false;
    long long arrears = 0;
    std::string main_id; ///< the main certificate's number (individuals: the ID the quota counts)
};

CustomerState customer_state(OpContext& ctx, const std::string& customer_id)
{
    const auto row = query_one<std::string, int, long long, std::string, int>(
        ctx,
        "SELECT k.kind, k.blacklisted, k.arrears_fen, c.number, "
        "(SELECT COUNT(*) FROM blacklist b WHERE b.id_number = c.number) + (SELECT COUNT(*) FROM customers o "
        "JOIN certificates oc ON oc.customer_id = o.customer_id WHERE oc.number = c.number AND oc.main = 1 AND "
        "o.blacklisted = 1) FROM customers k LEFT JOIN certificates c ON c.customer_id = k.customer_id AND "
        "c.main = 1 WHERE k.customer_id = :c",
        customer_id);
    if (!row) {
        refuse(ResultCode::not_found, {{"customerId", customer_id}});
    }
    const auto& [kind, flagged, arrears, main_id, listed] = *row;
    return CustomerState{kind, flagged != 0 || listed > 0, arrears, main_id};
}

void check_service_owned(OpContext& ctx, const OrderDraft& draft)
{
    if (!draft.service_number) {
        refuse_field("productOrder/serviceNumber", "missing");
    }
    std::string owner;
    ctx.sql << "SELECT customer_id FROM services WHERE service_number = :s", soci::use(*draft.service_number),
        soci::into(owner);
    if (!ctx.sql.got_data()) {
        refuse(ResultCode::not_found, {{"serviceNumber", *draft.service_number}});
    }
    if (owner != draft.customer_id) {
        refuse_field("productOrder/serviceNumber", "notCustomers");
    }
    // 此用户有未竣工的…业务: one unfinished order per service at a time.
    std::string open;
    ctx.sql << "SELECT order_id FROM orders WHERE service_number = :s AND state IN " + std::string(kOpenStates) +
                   " LIMIT 1",
        soci::use(*draft.service_number), soci::into(open);
    if (ctx.sql.got_data()) {
        refuse(ResultCode::open_order, {{"orderId", open}, {"serviceNumber", *draft.service_number}});
    }
}

/// Takes `quantity` ports at a building, refusing E_NO_RESOURCE when there are not enough.
std::string take_ports(OpContext& ctx, const std::optional<std::string>& address_id, long long quantity)
{
    if (!address_id) {
        refuse_field("productOrder/addressId", "missing");
    }
    // One statement takes the ports and names the exchange; only a refusal looks closer to say why.
    const auto taken = query_one<std::string>(ctx,
                                              "UPDATE addresses SET ports_used = ports_used + :q WHERE address_id = :a "
                                              "AND level = 'building' AND ports_total - ports_used >= :q2 "
                                              "RETURNING exchange",
                                              quantity, *address_id, quantity);
    if (!taken) {
        std::string level;
        ctx.sql << "SELECT level FROM addresses WHERE address_id = :a", soci::use(*address_id), soci::into(level);
        if (!ctx.sql.got_data() || level != "building") {
            refuse_field("productOrder/addressId", "notBuilding");
        }
        refuse(ResultCode::no_resource, {{"addressId", *address_id}, {"quantity", std::to_string(quantity)}});
    }
    return std::get<0>(*taken);
}

/// Puts a number to use for `order_id`: free, or reserved by this clerk and not expired.
long long take_number(OpContext& ctx, const std::string& number, const std::string& order_id)
{
    // One statement takes the number and reads its fee (选号费).
    const auto taken = query_one<long long>(ctx,
                                            "UPDATE numbers SET status = 'inUse', order_id = :o, reserved_by = NULL, "
                                            "reserved_until = NULL WHERE number = :n AND (status = 'free' OR "
                                            "(status = 'reserved' AND (reserved_by = :s OR reserved_until <= :now))) "
                                            "RETURNING fee_fen",
                                            order_id, number, ctx.caller.staff_id, iso(ctx.now));
    if (!taken) {
        int known = 0;
        ctx.sql << "SELECT COUNT(*) FROM numbers WHERE number = :n", soci::use(number), soci::into(known);
        refuse(known == 0 ? ResultCode::no_resource : ResultCode::number_taken, {{"number", number}});
    }
    return std::get<0>(*taken);
}

void check_quota(OpContext& ctx, const CustomerState& customer, long long adding)
{
    if (customer.kind != "individual" || customer.main_id.empty()) {
        return; // quotas are per person's ID (一证五号); group lines are not counted against anyone
    }
    const auto count =
        query_one<int>(ctx,
                       "SELECT COUNT(*) FROM services s WHERE s.kind = 'fixedLine' AND s.status <> 'terminated' AND "
                       "s.customer_id IN (SELECT customer_id FROM certificates WHERE number = :n AND main = 1)",
                       customer.main_id);
    const int held = count ? std::get<0>(*count) : 0;
    const auto limit = setting_int(ctx.sql, "quota_fixedLine", 5);
    if (held + adding > limit) {
        refuse(ResultCode::id_quota,
               {{"kind", "fixedLine"}, {"held", std::to_string(held)}, {"limit", std::to_string(limit)}});
    }
}

/// The item's characteristics against its product's attributes (domain::check_attribute), as the counter checked them.
void check_characteristics(OpContext& ctx, const OrderItem& item, const std::string& field)
{
    for (const auto& attribute : offering_attributes(ctx.sql, item.offering_id)) {
        const auto set = std::ranges::find(item.characteristics, attribute.name, &Characteristic::name);
        const std::string value = set == item.characteristics.end() ? std::string() : set->value;
        if (auto problem = domain::check_attribute(item.offering_id, attribute.name, attribute.values, value)) {
            refuse_problem(field + "/characteristic", *problem);
        }
    }
}

/// Checks every item against the catalog; returns which items are basic products (lines).
std::vector<bool> check_items(OpContext& ctx, OrderDraft& draft, long long& fees, long long& basics)
{
    std::vector<bool> basic(draft.items.size(), false);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < draft.items.size(); ++i) {
        auto& item = draft.items[i];
        const auto field = "productOrder/item/" + std::to_string(i + 1);
        if (!ids.insert(item.item_id).second) {
            refuse_field(field + "/itemId", "duplicate");
        }
        if (!domain::item_action_from_string(item.action)) {
            refuse_field(field + "/action", "unknown");
        }
        const auto offering = sellable_offering(ctx, item.offering_id, field + "/offeringId");
        if (item.action == "add") {
            fees += offering.one_off;
        }
        if ((item.action == "add" || item.action == "modify") && offering.attributes > 0) {
            check_characteristics(ctx, item, field);
        }
        if (offering.kind == "basic") {
            ++basics;
            basic[i] = true;
        }
        item.state = "acknowledged";
    }
    return basic;
}

void install(OpContext& ctx, OrderDraft& draft, const std::string& order_id, long long& fees,
             const CustomerState& customer, long long& ports)
{
    long long basics = 0;
    const auto basic = check_items(ctx, draft, fees, basics);
    if (basics == 0) {
        refuse_field("productOrder/item", "noBasicProduct");
    }
    check_quota(ctx, customer, basics);
    const auto exchange = take_ports(ctx, draft.address_id, basics);
    ports = basics;
    const auto account_row = query_one<std::string>(
        ctx, "SELECT account_id FROM accounts WHERE customer_id = :c ORDER BY account_id LIMIT 1", draft.customer_id);
    const db::Nullable account(account_row ? std::optional(std::get<0>(*account_row)) : std::nullopt);
    for (std::size_t i = 0; i < draft.items.size(); ++i) {
        auto& item = draft.items[i];
        if (!basic[i]) {
            continue;
        }
        if (!item.service_number) {
            refuse_field("productOrder/item/" + std::to_string(i + 1) + "/serviceNumber", "missing");
        }
        fees += take_number(ctx, *item.service_number, order_id);
        // The line exists from acceptance as "pending"; it becomes active when the installer completes the work.
        exec(ctx,
             "INSERT INTO services (service_number, customer_id, offering_id, kind, status, address_id, "
             "account_id) VALUES (:s, :c, :o, 'fixedLine', 'pending', :a, :ac)",
             *item.service_number, draft.customer_id, item.offering_id, *draft.address_id, account);
    }
    (void)exchange;
}

void members(OpContext& ctx, const OrderDraft& draft, const CustomerState& customer, bool adding,
             const std::string& order_id)
{
    if (customer.kind != "group") {
        refuse_field("productOrder/customerId", "notGroup");
    }
    if (draft.members.empty()) {
        refuse_field("productOrder/member", "missing");
    }
    if (const auto closed = domain::check_member_window(today(ctx.now))) {
        refuse_problem("productOrder/member", *closed);
    }
    std::vector<domain::ShortNumber> taken;
    soci::rowset<std::string> shorts =
        (ctx.sql.prepare << "SELECT short_number FROM group_members WHERE group_id = :g AND state <> 'removed' AND "
                            "short_number IS NOT NULL",
         soci::use(draft.customer_id));
    for (const auto& s : shorts) {
        if (auto parsed = domain::ShortNumber::parse(s)) {
            taken.push_back(*parsed);
        }
    }
    for (std::size_t i = 0; i < draft.members.size(); ++i) {
        const auto& member = draft.members[i];
        const auto field = "productOrder/member/" + std::to_string(i + 1);
        const auto number = domain::PhoneNumber::parse(member.number);
        if (!number) {
            refuse_problem(field + "/number", number.error());
        }
        std::string state;
        ctx.sql << "SELECT state FROM group_members WHERE group_id = :g AND number = :n", soci::use(draft.customer_id),
            soci::use(member.number), soci::into(state);
        const bool present = ctx.sql.got_data() && state != "removed";
        if (!adding) {
            if (!present || state != "active") {
                refuse_field(field + "/number", present ? "pending" : "notMember");
            }
            // Removed when the order completes; a failed or cancelled order leaves the member as it was.
            ctx.sql << "UPDATE group_members SET state = 'pendingRemoval', order_id = :o WHERE group_id = :g "
                       "AND number = :n",
                soci::use(order_id), soci::use(draft.customer_id), soci::use(member.number);
            continue;
        }
        if (present) {
            refuse_field(field + "/number", "E_MEMBER_EXISTS");
        }
        std::string short_number;
        soci::indicator short_ind = soci::i_null;
        if (member.short_number) {
            const auto parsed = domain::ShortNumber::parse(*member.short_number);
            if (!parsed) {
                refuse_problem(field + "/shortNumber", parsed.error());
            }
            if (const auto clash = domain::check_short_number_free(*parsed, taken)) {
                refuse_problem(field + "/shortNumber", *clash);
            }
            taken.push_back(*parsed);
            short_number = parsed->str();
            short_ind = soci::i_ok;
        }
        const auto at = iso(ctx.now);
        ctx.sql << "DELETE FROM group_members WHERE group_id = :g AND number = :n", soci::use(draft.customer_id),
            soci::use(member.number);
        // Each addition waits for the member's SMS confirmation; the work order's completion stands for it here.
        ctx.sql << "INSERT INTO group_members (group_id, number, short_number, state, added_at, order_id) "
                   "VALUES (:g, :n, :s, 'pendingConfirmation', :a, :o)",
            soci::use(draft.customer_id), soci::use(member.number), soci::use(short_number, short_ind), soci::use(at),
            soci::use(order_id);
    }
}

/// Appends to the order's timeline; `seq` is the event's position when the caller knows it (a new order: 1).
void record_event(OpContext& ctx, const std::string& order_id, const std::string& state,
                  const std::optional<std::string>& reason, int seq = 0)
{
    if (seq == 0) {
        ctx.sql << "SELECT COUNT(*) + 1 FROM order_events WHERE order_id = :o", soci::use(order_id), soci::into(seq);
    }
    exec(ctx, "INSERT INTO order_events (order_id, seq, state, at, staff_id, reason) VALUES (:o, :q, :s, :a, :st, :r)",
         order_id, seq, state, iso(ctx.now), ctx.caller.staff_id, db::Nullable(reason));
}

void set_state(OpContext& ctx, const std::string& order_id, const std::string& state,
               const std::optional<std::string>& reason)
{
    const auto change = next_change(ctx);
    ctx.sql << "UPDATE orders SET state = :s, change_seq = :c WHERE order_id = :o", soci::use(state), soci::use(change),
        soci::use(order_id);
    // The customer changes with its order, so a laptop syncing that customer hears of it.
    ctx.sql << "UPDATE customers SET change_seq = :c WHERE customer_id = (SELECT customer_id FROM orders "
               "WHERE order_id = :o)",
        soci::use(change), soci::use(order_id);
    ctx.sql << "UPDATE order_items SET state = :s WHERE order_id = :o", soci::use(state), soci::use(order_id);
    record_event(ctx, order_id, state, reason);
}

/// What a final outcome does to the inventory: completed activates (and a move frees the old address's port),
/// failed or cancelled gives back exactly what the order took.
void settle_resources(OpContext& ctx, const ProductOrder& order, const std::string& outcome)
{
    const auto& draft = order.draft;
    const auto& id = order.order_id;
    if (outcome == "completed") {
        if (draft.order_type == "install") {
            ctx.sql << "UPDATE services SET status = 'active' WHERE service_number IN "
                       "(SELECT number FROM numbers WHERE order_id = :o)",
                soci::use(id);
        } else if (draft.order_type == "move" && draft.service_number && draft.address_id) {
            ctx.sql << "UPDATE addresses SET ports_used = ports_used - 1 WHERE ports_used > 0 AND address_id = "
                       "(SELECT address_id FROM services WHERE service_number = :s)",
                soci::use(*draft.service_number);
            ctx.sql << "UPDATE services SET address_id = :a WHERE service_number = :s", soci::use(*draft.address_id),
                soci::use(*draft.service_number);
        } else if (draft.order_type == "accountChange" && draft.service_number && draft.billing_account_id) {
            ctx.sql << "UPDATE services SET account_id = :a WHERE service_number = :s",
                soci::use(*draft.billing_account_id), soci::use(*draft.service_number);
        }
        ctx.sql << "UPDATE group_members SET state = 'active' WHERE order_id = :o AND state = 'pendingConfirmation'",
            soci::use(id);
        ctx.sql << "UPDATE group_members SET state = 'removed' WHERE order_id = :o AND state = 'pendingRemoval'",
            soci::use(id);
        return;
    }
    if (draft.order_type == "install") {
        ctx.sql << "DELETE FROM services WHERE status = 'pending' AND service_number IN "
                   "(SELECT number FROM numbers WHERE order_id = :o)",
            soci::use(id);
        ctx.sql << "UPDATE numbers SET status = 'free', order_id = NULL WHERE order_id = :o", soci::use(id);
    }
    ctx.sql << "UPDATE addresses SET ports_used = ports_used - (SELECT ports_taken FROM orders WHERE order_id = :o) "
               "WHERE address_id = (SELECT ports_address FROM orders WHERE order_id = :o2)",
        soci::use(id), soci::use(id);
    ctx.sql << "UPDATE orders SET ports_taken = 0 WHERE order_id = :o", soci::use(id);
    ctx.sql << "DELETE FROM group_members WHERE order_id = :o AND state = 'pendingConfirmation'", soci::use(id);
    ctx.sql << "UPDATE group_members SET state = 'active', order_id = NULL WHERE order_id = :o AND "
               "state = 'pendingRemoval'",
        soci::use(id);
}

} // namespace

OrderSubmitResponse handle(OpContext& ctx, const OrderSubmitRequest& request)
{
    auto draft = request.order;
    if (std::none_of(kOrderTypes.begin(), kOrderTypes.end(), [&](const char* t) { return draft.order_type == t; })) {
        refuse_field("productOrder/orderType", "unknown");
    }
    const auto customer = customer_state(ctx, draft.customer_id);
    if (customer.blacklisted) {
        refuse(ResultCode::blacklisted, {{"customerId", draft.customer_id}});
    }
    const bool needs_clear_account = draft.order_type != "accountChange" && draft.order_type != "memberRemove";
    if (needs_clear_account && customer.arrears > 0) {
        refuse(ResultCode::arrears,
               {{"customerId", draft.customer_id}, {"amount", domain::Money::from_fen(customer.arrears).plain()}});
    }
    const auto order_id = next_id(ctx, "order", "O");
    long long fees = 0;
    long long basics = 0;
    long long ports = 0;
    if (draft.order_type == "install") {
        install(ctx, draft, order_id, fees, customer, ports);
    } else if (draft.order_type == "memberAdd" || draft.order_type == "memberRemove") {
        members(ctx, draft, customer, draft.order_type == "memberAdd", order_id);
    } else {
        check_service_owned(ctx, draft);
        check_items(ctx, draft, fees, basics);
        if (draft.order_type == "move") {
            take_ports(ctx, draft.address_id, 1);
            ports = 1;
        } else if (draft.order_type == "vasChange" && draft.items.empty()) {
            refuse_field("productOrder/item", "missing");
        } else if (draft.order_type == "accountChange") {
            if (!draft.billing_account_id) {
                refuse_field("productOrder/billingAccountId", "missing");
            }
            if (draft.payment_method && !domain::bill_payment_named(*draft.payment_method)) {
                refuse_field("productOrder/paymentMethod", "unknown");
            }
            // 合帐/分帐 within the customer's own accounts.
            int known = 0;
            ctx.sql << "SELECT COUNT(*) FROM accounts WHERE account_id = :a AND state = 'active' AND customer_id = :c",
                soci::use(*draft.billing_account_id), soci::use(draft.customer_id), soci::into(known);
            if (known == 0) {
                refuse(ResultCode::not_found, {{"billingAccountId", *draft.billing_account_id}});
            }
        } else if (draft.order_type == "familyBundle" && (draft.members.empty() || draft.members.size() > 8)) {
            refuse_field("productOrder/member", "count");
        }
    }
    // Fees are the catalog's, never the screen's: a client that shows others has an old catalog.
    // Each line is bounded and never negative (a waiver is its own line with its own approval), so the sum of at
    // most 1000 lines cannot overflow; it is still added with checked arithmetic.
    const auto max = max_amount(ctx.sql);
    domain::Money shown;
    for (std::size_t i = 0; i < draft.fees.size(); ++i) {
        const auto amount = draft.fees[i].amount;
        if (const auto problem = domain::check_fee_line(amount, max)) {
            refuse_amount("productOrder/fee/" + std::to_string(i + 1) + "/amount", *problem, max);
        }
        shown += amount;
    }
    if (!draft.fees.empty() && shown.fen() != fees) {
        refuse(ResultCode::validation, {{"field", "productOrder/fee"},
                                        {"reason", "mismatch"},
                                        {"expected", domain::Money::from_fen(fees).plain()}});
    }
    if (draft.fees.empty() && fees > 0) {
        draft.fees.push_back({"一次性费用", domain::Money::from_fen(fees)});
    }

    const auto created = iso(ctx.now);
    const auto due = iso(ctx.now + std::chrono::hours{setting_int(ctx.sql, "install_hours", 48)});
    const auto stored = encode_request(OrderSubmitRequest{draft});
    const auto change = next_change(ctx);
    const auto day = business_day(ctx.now);
    exec(ctx,
         "INSERT INTO orders (order_id, external_id, order_type, state, customer_id, service_number, draft, "
         "total_fen, created_at, due_by, staff_id, hall_id, business_day, change_seq, ports_address, ports_taken) "
         "VALUES (:o, :e, :t, 'acknowledged', :c, :s, :d, :f, :ca, :du, :st, :h, :bd, :ch, :pa, :pt)",
         order_id, draft.external_id, draft.order_type, draft.customer_id, db::Nullable(draft.service_number), stored,
         fees, created, due, ctx.caller.staff_id, ctx.caller.hall_id, day, change,
         db::Nullable(ports > 0 ? draft.address_id : std::nullopt), ports);
    for (const auto& item : draft.items) {
        exec(ctx, "INSERT INTO order_items (order_id, item_id, state) VALUES (:o, :i, 'acknowledged')", order_id,
             item.item_id);
    }
    record_event(ctx, order_id, "acknowledged", std::nullopt, 1);
    exec(ctx, "UPDATE customers SET change_seq = :c WHERE customer_id = :id", change, draft.customer_id);
    audit(ctx, "orderSubmit", order_id);
    // Answered from what was just written rather than read back: this is every order's path.
    OrderSubmitResponse response;
    auto& order = response.order;
    order.order_id = order_id;
    order.state = "acknowledged";
    order.draft = std::move(draft);
    order.total = domain::Money::from_fen(fees);
    order.created_at = ctx.now;
    order.due_by = from_iso(due);
    order.staff_id = ctx.caller.staff_id;
    order.hall_id = ctx.caller.hall_id;
    order.timeline.push_back({"acknowledged", ctx.now, ctx.caller.staff_id, std::nullopt});
    return response;
}

OrderGetResponse handle(OpContext& ctx, const OrderGetRequest& request)
{
    OrderGetResponse response;
    response.order = load_order(ctx.sql, request.order_id);
    return response;
}

OrderListResponse handle(OpContext& ctx, const OrderListRequest& request)
{
    const long long limit = request.limit.value_or(50);
    if (limit < 1 || limit > 500) {
        refuse_field("limit", "range");
    }
    if (request.state && !domain::order_state_from_string(*request.state)) {
        refuse_field("state", "unknown");
    }
    const auto customer = request.customer_id.value_or("");
    const auto state = request.state.value_or("");
    const auto staff = request.staff_id.value_or("");
    const bool overdue = request.overdue_only.value_or(false);
    const std::string open =
        request.open_only.value_or(false) || overdue ? " AND state IN " + std::string(kOpenStates) : "";
    const auto late_before = overdue ? iso(ctx.now) : std::string("9999");
    soci::rowset<std::string> rows =
        (ctx.sql.prepare << "SELECT order_id FROM orders WHERE (:c = '' OR customer_id = :c2) AND "
                            "(:s = '' OR state = :s2) AND (:st = '' OR staff_id = :st2) AND due_by < :late" +
                                open + " ORDER BY created_at DESC, order_id DESC LIMIT :l",
         soci::use(customer), soci::use(customer), soci::use(state), soci::use(state), soci::use(staff),
         soci::use(staff), soci::use(late_before), soci::use(limit + 1));
    std::vector<std::string> ids(rows.begin(), rows.end());
    OrderListResponse response;
    if (static_cast<long long>(ids.size()) > limit) {
        ids.resize(static_cast<std::size_t>(limit));
        response.has_more = true;
    }
    std::size_t bytes = 0;
    for (const auto& id : ids) {
        auto order = load_order(ctx.sql, id);
        bytes += encoded_size("productOrder", order);
        if (!response.orders.empty() && bytes > kAnswerBytes) {
            response.has_more = true; // the page is full in bytes before it is full in rows
            break;
        }
        response.orders.push_back(std::move(order));
    }
    return response;
}

OrderCancelResponse handle(OpContext& ctx, const OrderCancelRequest& request)
{
    const auto order = load_order(ctx.sql, request.order_id);
    const auto state = domain::order_state_from_string(order.state);
    if (!state || !domain::may_cancel(*state)) {
        refuse(ResultCode::validation, {{"field", "orderId"}, {"reason", "notCancellable"}, {"state", order.state}});
    }
    const auto cancel_id = next_id(ctx, "cancel", "X");
    OrderCancelResponse response;
    response.cancel_id = cancel_id;
    if (*state == domain::OrderState::in_progress) {
        // The installer may already be on the way: the cancellation waits for the work order's answer.
        set_state(ctx, order.order_id, "pendingCancellation", request.reason);
        response.cancel_state = "inProgress";
        response.order_state = "pendingCancellation";
    } else {
        settle_resources(ctx, order, "cancelled");
        set_state(ctx, order.order_id, "cancelled", request.reason);
        response.cancel_state = "done";
        response.order_state = "cancelled";
    }
    const auto at = iso(ctx.now);
    ctx.sql << "INSERT INTO cancellations (cancel_id, order_id, state, reason, staff_id, at) "
               "VALUES (:c, :o, :s, :r, :st, :a)",
        soci::use(cancel_id), soci::use(order.order_id), soci::use(response.cancel_state), soci::use(request.reason),
        soci::use(ctx.caller.staff_id), soci::use(at);
    audit(ctx, "orderCancel", order.order_id);
    return response;
}

WorkOrderCompleteResponse handle(OpContext& ctx, const WorkOrderCompleteRequest& request)
{
    const auto order = load_order(ctx.sql, request.order_id);
    const auto from = domain::order_state_from_string(order.state);
    auto to = domain::order_state_from_string(request.outcome);
    const bool allowed_outcome = request.outcome == "inProgress" || request.outcome == "completed" ||
                                 request.outcome == "failed" || request.outcome == "held" ||
                                 request.outcome == "cancelled";
    if (!to || !allowed_outcome) {
        refuse_field("outcome", "unknown");
    }
    if (!from || !domain::can_transition(*from, *to)) {
        refuse(
            ResultCode::validation,
            {{"field", "outcome"}, {"reason", "E_ORDER_TRANSITION"}, {"from", order.state}, {"to", request.outcome}});
    }
    if (*to == domain::OrderState::completed || *to == domain::OrderState::failed ||
        *to == domain::OrderState::cancelled) {
        settle_resources(ctx, order, request.outcome);
    }
    if (*to == domain::OrderState::cancelled) {
        ctx.sql << "UPDATE cancellations SET state = 'done' WHERE order_id = :o AND state = 'inProgress'",
            soci::use(order.order_id);
    }
    set_state(ctx, order.order_id, request.outcome, request.reason);
    audit(ctx, "workOrderComplete", order.order_id);
    WorkOrderCompleteResponse response;
    response.order = load_order(ctx.sql, order.order_id);
    return response;
}

} // namespace backoffice
