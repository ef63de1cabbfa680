#include "client/workflows/sync/write_effects.h"

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/orders/order_desk.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

namespace workflows {
namespace {

void order_accepted(soci::session& sql, const std::string& local_id, const contract::ProductOrder& order,
                    store::UtcTime now)
{
    store::OrderStore orders(sql);
    orders.apply_remote(local_id, order.order_id, order.draft.customer_id, order.draft.order_type, order.state,
                        order.total.fen(), order.staff_id, order_document(order), order_events(order), now);
    // Money taken with the order waited for its number; now it can be sent, with the key chosen at the counter.
    store::PaymentStore payments(sql);
    store::Outbox outbox(sql);
    for (const auto& payment : payments.for_order(local_id)) {
        if (payment.state != "awaitingOrder") {
            continue;
        }
        contract::PaymentCreateRequest request;
        request.correlator_id = payment.idem_key;
        request.order_id = order.order_id;
        request.amount = domain::Money::from_fen(payment.amount_fen);
        request.method = payment.method;
        outbox.add({payment.idem_key, contract::PaymentCreateRequest::kOperation, contract::encode_request(request),
                    "payment:" + payment.local_id, payment.staff},
                   now);
        payments.set_state(payment.local_id, "queued");
    }
}

/// Orders accepted for a customer opened offline waited for its id; they are queued now, under the keys chosen at
/// the counter, with the draft they were accepted with and the customer's new id.
void release_orders_awaiting(soci::session& sql, const std::string& local_customer_id, const std::string& customer_id,
                             store::UtcTime now)
{
    store::OrderStore orders(sql);
    store::Outbox outbox(sql);
    for (const auto& order : orders.for_customer(local_customer_id)) {
        if (order.state != kAwaitingCustomer) {
            continue;
        }
        auto kept = order_from_document(order.document);
        if (!kept) {
            continue; // written by OrderDesk::accept, so always readable; nothing sensible to send otherwise
        }
        contract::OrderSubmitRequest request{std::move(kept->draft)};
        request.order.customer_id = customer_id;
        outbox.add({order.local_id, contract::OrderSubmitRequest::kOperation, contract::encode_request(request),
                    "order:" + order.local_id, order.staff},
                   now);
        orders.set_state(order.local_id, "provisional", now);
    }
}

} // namespace

std::pair<std::string, std::string> split_subject(const std::string& subject)
{
    const auto colon = subject.find(':');
    if (colon == std::string::npos) {
        return {subject, {}};
    }
    return {subject.substr(0, colon), subject.substr(colon + 1)};
}

void apply_accepted(soci::session& sql, const store::OutboxItem& item, const SentWrite& sent, store::UtcTime now)
{
    const auto [kind, local_id] = split_subject(item.subject);
    if (const auto* submitted = std::get_if<contract::OrderSubmitResponse>(&sent.answer)) {
        order_accepted(sql, local_id, submitted->order, now);
    } else if (const auto* paid = std::get_if<contract::PaymentCreateResponse>(&sent.answer)) {
        store::PaymentStore(sql).accepted(local_id, paid->payment.payment_id, sent.response);
    } else if (const auto* cancelled = std::get_if<contract::OrderCancelResponse>(&sent.answer)) {
        store::OrderStore(sql).set_state(local_id, cancelled->order_state, now);
    } else if (const auto* saved = std::get_if<contract::CustomerSaveResponse>(&sent.answer)) {
        store::CustomerCache cache(sql);
        if (kind == "customer" && local_id != saved->customer.customer_id) {
            cache.remove(local_id); // the provisional copy made at the counter
            release_orders_awaiting(sql, local_id, saved->customer.customer_id, now);
        }
        cache.put(cached_customer(saved->customer), now);
    }
}

void apply_refused(soci::session& sql, const store::OutboxItem& item, const std::string& code, store::UtcTime now)
{
    const auto [kind, local_id] = split_subject(item.subject);
    if (item.operation == contract::OrderCancelRequest::kOperation) {
        // The cancellation was refused, not the order: it goes back to the state the back office last gave it.
        store::OrderStore orders(sql);
        if (const auto order = orders.by_local_id(local_id)) {
            const auto known = order_from_document(order->document);
            orders.add_event(local_id, "cancelRefused", {}, code, now);
            orders.set_state(local_id, known ? known->state : "acknowledged", now);
        }
    } else if (kind == "order") {
        store::OrderStore(sql).mark_rejected(local_id, code, now);
    } else if (kind == "payment") {
        store::PaymentStore(sql).set_state(local_id, "rejected");
    }
}

} // namespace workflows
