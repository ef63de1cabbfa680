#include "client/workflows/order_desk.h"

#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/workflows/record_documents.h"
#include "services/client/bss_client.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <stdexcept>

namespace workflows {

OrderDesk::OrderDesk(soci::session& sql, std::string workstation_id, std::function<store::UtcTime()> clock)
    : m_sql(sql), m_workstation(std::move(workstation_id)), m_clock(std::move(clock))
{
}

store::UtcTime OrderDesk::now() const
{
    return m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string OrderDesk::new_id() const
{
    return m_workstation + "-" + bss::new_idempotency_key();
}

AcceptedOrder OrderDesk::accept(const std::string& staff, contract::OrderDraft draft,
                                const std::optional<PaymentTaken>& payment)
{
    const auto at = now();
    AcceptedOrder accepted;
    accepted.local_id = new_id();
    draft.external_id = accepted.local_id;

    domain::Money total;
    for (const auto& fee : draft.fees) {
        total = total + fee.amount;
    }
    contract::ProductOrder shown;
    shown.state = "provisional";
    shown.draft = draft;
    shown.total = total;
    shown.created_at = at;
    shown.staff_id = staff;

    store::LocalOrder order;
    order.local_id = accepted.local_id;
    order.customer_id = draft.customer_id;
    order.order_type = draft.order_type;
    order.state = "provisional";
    order.provisional = true;
    order.total_fen = total.fen();
    order.staff = staff;
    order.document = order_document(shown);

    soci::transaction tx(m_sql);
    store::OrderStore(m_sql).add(order, at);
    store::Outbox(m_sql).add({accepted.local_id, contract::OrderSubmitRequest::kOperation,
                              contract::encode_request(contract::OrderSubmitRequest{draft}),
                              "order:" + accepted.local_id, staff},
                             at);
    if (payment) {
        store::LocalPayment record;
        record.local_id = new_id();
        record.order_local_id = accepted.local_id;
        record.amount_fen = payment->amount.fen();
        record.method = payment->method;
        record.state = "awaitingOrder";
        record.idem_key = new_id();
        record.staff = staff;
        store::PaymentStore(m_sql).add(record, at);
        accepted.payment_local_id = record.local_id;
    }
    tx.commit();
    return accepted;
}

void OrderDesk::cancel(const std::string& staff, const std::string& local_id, const std::string& reason)
{
    store::OrderStore orders(m_sql);
    const auto order = orders.by_local_id(local_id);
    if (!order || !order->order_id) {
        throw std::invalid_argument("the order has no number yet");
    }
    contract::OrderCancelRequest request;
    request.order_id = *order->order_id;
    request.reason = reason;
    const auto at = now();
    soci::transaction tx(m_sql);
    store::Outbox(m_sql).add({new_id(), contract::OrderCancelRequest::kOperation, contract::encode_request(request),
                              "order:" + local_id, staff},
                             at);
    orders.set_state(local_id, "cancelRequested", at);
    tx.commit();
}

} // namespace workflows
