#include "client/workflows/sync/sync_error_desk.h"

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/payment_store.h"
#include "client/store/write_transaction.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/orders/order_desk.h"
#include "client/workflows/sync/write_effects.h"
#include "services/bssclient/bss_client.h"
#include "services/contract/message_codec.h"

namespace workflows {
namespace {

std::map<std::string, std::string> parse_params(const std::string& lines)
{
    std::map<std::string, std::string> params;
    std::size_t start = 0;
    while (start < lines.size()) {
        auto end = lines.find('\n', start);
        if (end == std::string::npos) {
            end = lines.size();
        }
        const auto line = lines.substr(start, end - start);
        if (const auto eq = line.find('='); eq != std::string::npos) {
            params[line.substr(0, eq)] = line.substr(eq + 1);
        }
        start = end + 1;
    }
    return params;
}

SyncDeskRefusal unknown(std::int64_t error_id)
{
    return {"E_SYNC_ERROR_UNKNOWN", {{"errorId", std::to_string(error_id)}}};
}

SyncDeskRefusal wrong_kind(const SyncProblem& problem)
{
    return {"E_SYNC_ERROR_KIND", {{"errorId", std::to_string(problem.error.id)}, {"kind", problem.kind}}};
}

/// Money taken for something that will not be: it goes back to the customer, and the log says how much and why.
void discard_payment(soci::session& sql, const store::LocalPayment& payment, const std::string& why,
                     const std::string& staff, store::UtcTime now)
{
    store::PaymentStore(sql).set_state(payment.local_id, "discarded");
    store::AuditLog(sql).append(staff, "payment.discarded", payment.local_id,
                                why + " fen=" + std::to_string(payment.amount_fen), now);
}

void discard_payments(soci::session& sql, const std::string& order_local_id, const std::string& staff,
                      store::UtcTime now)
{
    for (const auto& payment : store::PaymentStore(sql).for_order(order_local_id)) {
        if (payment.state == "awaitingOrder" || payment.state == "rejected") {
            discard_payment(sql, payment, "order=" + order_local_id, staff, now);
        }
    }
}

void discard_order(soci::session& sql, const std::string& local_id, const std::string& staff, store::UtcTime now)
{
    store::OrderStore(sql).add_event(local_id, "discarded", staff, {}, now);
    discard_payments(sql, local_id, staff, now);
}

} // namespace

SyncErrorDesk::SyncErrorDesk(soci::session& sql, std::string staff, std::function<store::UtcTime()> clock)
    : m_sql(sql), m_staff(std::move(staff)), m_clock(std::move(clock))
{
}

store::UtcTime SyncErrorDesk::now() const
{
    return m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace {

/// The refused request with `customer` in place of what was sent (keeping the id it was sent under: for a
/// creation the back office gives the id); none if the stored request cannot be read as `Request`.
template <typename Request>
std::optional<std::string> with_customer(const std::string& body, contract::CustomerRecord& customer)
{
    auto sent = contract::decode_request<Request>(body);
    if (!std::holds_alternative<Request>(sent)) {
        return std::nullopt;
    }
    auto request = std::get<Request>(std::move(sent));
    customer.customer_id = request.customer.customer_id;
    request.customer = customer;
    return contract::encode_request(request);
}

SyncProblem problem_from(soci::session& sql, store::SyncError error)
{
    SyncProblem problem;
    auto [kind, local_id] = split_subject(error.subject);
    problem.kind = error.operation == contract::OrderCancelRequest::kOperation ? "cancel" : kind;
    problem.local_id = local_id;
    problem.params = parse_params(error.params);
    store::OrderStore orders(sql);
    if (kind == "order") {
        problem.order = orders.by_local_id(local_id);
    } else if (kind == "customer") {
        for (const auto& order : orders.for_customer(local_id)) {
            if (order.state == kAwaitingCustomer) {
                problem.waiting_orders.push_back(order.local_id);
            }
        }
    }
    problem.error = std::move(error);
    return problem;
}

} // namespace

std::vector<SyncProblem> SyncErrorDesk::list() const
{
    std::vector<SyncProblem> problems;
    for (auto& error : store::Outbox(m_sql).open_errors()) {
        problems.push_back(problem_from(m_sql, std::move(error)));
    }
    return problems;
}

std::optional<SyncProblem> SyncErrorDesk::open_problem(std::int64_t error_id) const
{
    auto error = store::Outbox(m_sql).find_error(error_id);
    if (!error) {
        return std::nullopt;
    }
    // find_error finds resolved ones too; only an open one can be worked.
    for (const auto& open : store::Outbox(m_sql).open_errors()) {
        if (open.id == error_id) {
            return problem_from(m_sql, std::move(*error));
        }
    }
    return std::nullopt;
}

std::variant<std::int64_t, SyncDeskRefusal> SyncErrorDesk::send_again(const SyncProblem& problem,
                                                                      const std::string& body, const char* audit_action)
{
    const auto at = now();
    // The refusal was final for its key: the back office would answer that key with the same refusal again.
    const auto id = store::Outbox(m_sql).retry(problem.error.id, bss::new_idempotency_key(), body, at);
    if (problem.kind == "order") {
        store::OrderStore(m_sql).set_state(problem.local_id, "provisional", at);
    } else if (problem.kind == "payment") {
        store::PaymentStore(m_sql).set_state(problem.local_id, "queued");
    }
    store::AuditLog(m_sql).append(m_staff, audit_action, problem.error.subject, problem.error.code, at);
    return id;
}

std::variant<std::int64_t, SyncDeskRefusal> SyncErrorDesk::retry(std::int64_t error_id)
{
    store::WriteTransaction tx(m_sql);
    const auto problem = open_problem(error_id);
    if (!problem) {
        return unknown(error_id);
    }
    auto id = send_again(*problem, problem->error.body, "sync.retry");
    tx.commit();
    return id;
}

std::variant<std::int64_t, SyncDeskRefusal> SyncErrorDesk::edit_order(std::int64_t error_id, contract::OrderDraft draft)
{
    store::WriteTransaction tx(m_sql);
    const auto problem = open_problem(error_id);
    if (!problem) {
        return unknown(error_id);
    }
    if (problem->kind != "order" || !problem->order ||
        problem->error.operation != contract::OrderSubmitRequest::kOperation) {
        return wrong_kind(*problem);
    }
    auto sent = contract::decode_request<contract::OrderSubmitRequest>(problem->error.body);
    if (!std::holds_alternative<contract::OrderSubmitRequest>(sent)) {
        return wrong_kind(*problem); // written by this program, so always readable
    }
    // The order stays the same order: its externalId ties the answer to it, and its customer is not the edit's.
    const auto& before = std::get<contract::OrderSubmitRequest>(sent).order;
    draft.external_id = before.external_id;
    draft.customer_id = before.customer_id;

    domain::Money total;
    for (const auto& fee : draft.fees) {
        total = total + fee.amount;
    }
    auto shown = order_from_document(problem->order->document).value_or(contract::ProductOrder{});
    shown.draft = draft;
    shown.total = total;
    shown.state = "provisional";
    store::OrderStore(m_sql).replace_draft(problem->local_id, order_document(shown), total.fen(), now());

    auto id = send_again(*problem, contract::encode_request(contract::OrderSubmitRequest{draft}), "sync.edit");
    tx.commit();
    return id;
}

std::variant<std::int64_t, SyncDeskRefusal> SyncErrorDesk::edit_customer(std::int64_t error_id,
                                                                         contract::CustomerRecord customer)
{
    store::WriteTransaction tx(m_sql);
    const auto problem = open_problem(error_id);
    if (!problem) {
        return unknown(error_id);
    }
    const bool create = problem->error.operation == contract::CustomerCreateRequest::kOperation;
    std::optional<std::string> body;
    if (create) {
        body = with_customer<contract::CustomerCreateRequest>(problem->error.body, customer);
    } else if (problem->error.operation == contract::CustomerUpdateRequest::kOperation) {
        body = with_customer<contract::CustomerUpdateRequest>(problem->error.body, customer);
    }
    if (!body) {
        return wrong_kind(*problem);
    }
    if (create) {
        // The provisional copy shows what will be sent; the back office's copy replaces it when accepted.
        auto cached = cached_customer(customer);
        cached.customer_id = problem->local_id; // the provisional id the waiting orders name
        cached.provisional = true;
        store::CustomerCache(m_sql).put(cached, now());
    }
    auto id = send_again(*problem, *body, "sync.edit");
    tx.commit();
    return id;
}

std::optional<SyncDeskRefusal> SyncErrorDesk::discard(std::int64_t error_id)
{
    store::WriteTransaction tx(m_sql);
    const auto problem = open_problem(error_id);
    if (!problem) {
        return unknown(error_id);
    }
    const auto at = now();
    store::Outbox(m_sql).discard(error_id, at);
    if (problem->kind == "order") {
        discard_order(m_sql, problem->local_id, m_staff, at);
    } else if (problem->kind == "payment") {
        if (const auto payment = store::PaymentStore(m_sql).by_local_id(problem->local_id)) {
            discard_payment(m_sql, *payment, problem->error.code, m_staff, at);
        }
    } else if (problem->kind == "customer" && problem->error.operation == contract::CustomerCreateRequest::kOperation) {
        // Never created: the provisional customer goes, and so do the orders that waited for it.
        for (const auto& order : problem->waiting_orders) {
            discard_order(m_sql, order, m_staff, at);
        }
        store::CustomerCache(m_sql).remove(problem->local_id);
    }
    // A refused cancellation leaves its order as the back office has it: there is nothing to undo here.
    store::AuditLog(m_sql).append(m_staff, "sync.discard", problem->error.subject, problem->error.code, at);
    tx.commit();
    return std::nullopt;
}

} // namespace workflows
