#include "client/workflows/sync/sync_queue.h"

#include "client/store/customer_cache.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/workflows/forms/record_documents.h"

namespace workflows {

namespace {

/// Money still held for the customer: not given up, handed back or refused.
bool money_outstanding(const store::LocalPayment& payment)
{
    return payment.state != "discarded" && payment.state != "refunded" && payment.state != "rejected";
}

std::optional<SyncDeskRefusal> refusal_of(std::variant<std::int64_t, SyncDeskRefusal> sent)
{
    if (auto* refusal = std::get_if<SyncDeskRefusal>(&sent)) {
        return std::move(*refusal);
    }
    return std::nullopt;
}

SyncDeskRefusal wrong_kind(const SyncProblem& problem)
{
    return SyncDeskRefusal{"E_SYNC_ERROR_KIND", {{"kind", problem.kind}}};
}

} // namespace

SyncErrorDesk SyncQueue::desk() const
{
    return SyncErrorDesk(m_desk.sql(), m_desk.services().staff, m_desk.services().clock);
}

std::string SyncQueue::refused_number(const SyncProblem& problem)
{
    const auto found = problem.params.find("number");
    return found == problem.params.end() ? std::string() : found->second;
}

domain::Money SyncQueue::money_for(const SyncProblem& problem) const
{
    store::PaymentStore payments(m_desk.sql());
    domain::Money total;
    const auto add_order = [&](const std::string& order_local_id) {
        for (const auto& payment : payments.for_order(order_local_id)) {
            if (money_outstanding(payment)) {
                total += domain::Money::from_fen(payment.amount_fen);
            }
        }
    };
    if (problem.kind == "order") {
        add_order(problem.local_id);
    } else if (problem.kind == "customer") {
        for (const auto& order : problem.waiting_orders) {
            add_order(order);
        }
    } else if (problem.kind == "payment") {
        if (const auto payment = payments.by_local_id(problem.local_id); payment && money_outstanding(*payment)) {
            total = domain::Money::from_fen(payment->amount_fen);
        }
    }
    return total;
}

SyncQueueView SyncQueue::read()
{
    SyncQueueView view;
    for (auto& problem : desk().list()) {
        QueuedProblem row;
        row.money = money_for(problem);
        row.editable_here = (problem.kind == "order" && !refused_number(problem).empty()) ||
                            (problem.kind == "customer" && problem.error.code == "E_NAME_EXISTS");
        row.problem = std::move(problem);
        view.rows.push_back(std::move(row));
    }
    view.pending = store::Outbox(m_desk.sql()).pending_count();
    return view;
}

std::optional<SyncDeskRefusal> SyncQueue::retry(std::int64_t error_id)
{
    return refusal_of(desk().retry(error_id));
}

std::optional<SyncDeskRefusal> SyncQueue::discard(std::int64_t error_id)
{
    return desk().discard(error_id);
}

std::optional<SyncDeskRefusal> SyncQueue::resend_with_number(const SyncProblem& problem, const std::string& old_number,
                                                             const std::string& number)
{
    const auto order = problem.order ? order_from_document(problem.order->document) : std::nullopt;
    if (!order) {
        return wrong_kind(problem);
    }
    auto draft = order->draft;
    for (auto& item : draft.items) {
        if (item.service_number == old_number) {
            item.service_number = number;
        }
    }
    if (draft.service_number == old_number) {
        draft.service_number = number;
    }
    return refusal_of(desk().edit_order(problem.error.id, draft));
}

std::optional<SyncDeskRefusal> SyncQueue::resend_with_name(const SyncProblem& problem, const std::string& name)
{
    const auto cached = store::CustomerCache(m_desk.sql()).by_id(problem.local_id);
    auto record = cached ? customer_from_document(cached->document) : std::nullopt;
    if (!record) {
        return wrong_kind(problem);
    }
    record->name = name;
    return refusal_of(desk().edit_customer(problem.error.id, *record));
}

} // namespace workflows
