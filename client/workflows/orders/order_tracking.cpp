#include "client/workflows/orders/order_tracking.h"

#include "client/store/audit_log.h"
#include "client/store/write_transaction.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/workstation/no_answer.h"
#include "domain/order_state.h"

#include <algorithm>
#include <set>

namespace workflows {
namespace {

bss::CallError order_not_found(const std::string& order_ref)
{
    bss::CallError error;
    error.kind = bss::FailureKind::fault;
    error.fault.code = contract::ResultCode::not_found;
    error.fault.params = {{"orderId", order_ref}};
    return error;
}

bool unfinished(const std::string& state)
{
    const auto known = domain::order_state_from_string(state);
    return known && !domain::is_final(*known);
}

} // namespace

OrderTracking::OrderTracking(soci::session& sql, bss::BssClient* client, std::string staff,
                             std::function<store::UtcTime()> clock)
    : m_sql(sql), m_client(client), m_staff(std::move(staff)), m_clock(std::move(clock))
{
}

store::UtcTime OrderTracking::now() const
{
    return m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

TrackedOrder OrderTracking::tracked(store::LocalOrder order) const
{
    TrackedOrder t;
    t.queued = !order.order_id.has_value();
    t.record = order_from_document(order.document);
    // Only the back office's copy has a due moment; a queued draft is not late, it is not accepted yet.
    t.overdue = !t.queued && t.record && t.record->due_by != contract::Timestamp{} && unfinished(order.state) &&
                t.record->due_by < now();
    t.order = std::move(order);
    return t;
}

void OrderTracking::store_answer(const std::vector<contract::ProductOrder>& orders)
{
    store::OrderStore store(m_sql);
    store::WriteTransaction tx(m_sql);
    for (const auto& order : orders) {
        store.apply_remote(order.draft.external_id, order.order_id, order.draft.customer_id, order.draft.order_type,
                           order.state, order.total.fen(), order.staff_id, order_document(order), order_events(order),
                           now());
    }
    tx.commit();
}

std::vector<TrackedOrder> OrderTracking::from_store(const OrderQuery& query, bool queued_only) const
{
    store::OrderFilter filter;
    filter.customer_id = query.customer_id;
    filter.staff = query.staff;
    filter.open_only = query.open_only || query.overdue_only;
    filter.limit = queued_only ? -1 : query.limit;
    std::vector<TrackedOrder> found;
    for (auto& order : store::OrderStore(m_sql).list(filter)) {
        if (queued_only && order.order_id) {
            continue;
        }
        auto t = tracked(std::move(order));
        if (query.overdue_only && !t.overdue) {
            continue;
        }
        found.push_back(std::move(t));
    }
    return found;
}

void OrderTracking::settle_left_out(const OrderQuery& query, const contract::OrderListResponse& answer)
{
    // The cached copies the back office no longer lists as open have moved on (finished or cancelled): ask for
    // each, so the cache does not show them open when it next answers offline.
    std::set<std::string> listed;
    for (const auto& order : answer.orders) {
        listed.insert(order.order_id);
    }
    store::OrderFilter filter;
    filter.customer_id = query.customer_id;
    filter.staff = query.staff;
    filter.open_only = true;
    filter.limit = query.limit;
    std::vector<contract::ProductOrder> moved_on;
    for (const auto& order : store::OrderStore(m_sql).list(filter)) {
        if (!order.order_id || listed.contains(*order.order_id)) {
            continue;
        }
        auto current = m_client->call(contract::OrderGetRequest{*order.order_id});
        if (auto* response = std::get_if<contract::OrderGetResponse>(&current)) {
            moved_on.push_back(std::move(response->order));
        }
    }
    store_answer(moved_on);
}

std::variant<TrackedOrders, bss::CallError> OrderTracking::refresh(const std::string& order_ref)
{
    store::OrderStore store(m_sql);
    auto known = store.by_order_id(order_ref);
    if (!known) {
        known = store.by_local_id(order_ref);
    }
    TrackedOrders result;
    const bool numbered = !known || known->order_id.has_value();
    if (m_client != nullptr && numbered) {
        const std::string order_id = known ? *known->order_id : order_ref;
        auto answer = m_client->call(contract::OrderGetRequest{order_id});
        if (auto* response = std::get_if<contract::OrderGetResponse>(&answer)) {
            store_answer({response->order});
            known = store.by_order_id(response->order.order_id);
        } else {
            auto& error = std::get<bss::CallError>(answer);
            if (!no_answer(error) || !known) {
                return std::move(error);
            }
            result.from_cache = true;
            result.offline = std::move(error);
        }
    } else {
        result.from_cache = m_client == nullptr;
    }
    if (!known) {
        return order_not_found(order_ref);
    }
    store::AuditLog(m_sql).append(m_staff, "order.view", known->order_id.value_or(known->local_id),
                                  result.from_cache ? "cache" : "backoffice", now());
    result.orders.push_back(tracked(std::move(*known)));
    return result;
}

std::variant<TrackedOrders, bss::CallError> OrderTracking::list(const OrderQuery& query)
{
    TrackedOrders result;
    if (m_client != nullptr) {
        contract::OrderListRequest request;
        request.customer_id = query.customer_id;
        request.staff_id = query.staff;
        request.open_only = query.open_only;
        request.overdue_only = query.overdue_only;
        request.limit = std::clamp(query.limit, 1, 500);
        auto answer = m_client->call(request);
        if (auto* response = std::get_if<contract::OrderListResponse>(&answer)) {
            store_answer(response->orders);
            if (query.open_only || query.overdue_only) {
                settle_left_out(query, *response);
            }
            // Queued orders first: the back office cannot know them, and they are the newest.
            result.orders = from_store(query, true);
            store::OrderStore store(m_sql);
            for (const auto& order : response->orders) {
                if (auto stored = store.by_order_id(order.order_id)) {
                    result.orders.push_back(tracked(std::move(*stored)));
                }
            }
            return result;
        }
        auto& error = std::get<bss::CallError>(answer);
        if (!no_answer(error)) {
            return std::move(error);
        }
        result.offline = std::move(error);
    }
    result.from_cache = true;
    result.orders = from_store(query, false);
    return result;
}

} // namespace workflows
