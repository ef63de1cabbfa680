#include "client/workflows/orders/order_desk.h"

#include "client/store/customer_cache.h"
#include "client/store/outbox.h"
#include "client/store/payment_store.h"
#include "client/store/write_transaction.h"
#include "client/workflows/forms/record_documents.h"
#include "services/bssclient/bss_client.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <stdexcept>

namespace workflows {

OrderDesk::OrderDesk(Desk& desk) : OrderDesk(desk.sql(), desk.services().workstation_id, desk.services().clock) {}

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
    store::WriteTransaction tx(m_sql);
    auto accepted = record(staff, std::move(draft), payment, at);
    tx.commit();
    return accepted;
}

std::vector<AcceptedOrder> OrderDesk::accept_all(const std::string& staff, std::vector<contract::OrderDraft> drafts)
{
    const auto at = now();
    std::vector<AcceptedOrder> accepted;
    accepted.reserve(drafts.size());
    store::WriteTransaction tx(m_sql);
    for (auto& draft : drafts) {
        accepted.push_back(record(staff, std::move(draft), std::nullopt, at));
    }
    tx.commit();
    return accepted;
}

AcceptedOrder OrderDesk::record(const std::string& staff, contract::OrderDraft draft,
                                const std::optional<PaymentTaken>& payment, store::UtcTime at)
{
    AcceptedOrder accepted;
    accepted.local_id = new_id();
    draft.external_id = accepted.local_id;

    domain::Money total;
    for (const auto& fee : draft.fees) {
        total = total + fee.amount;
    }
    // The draft names the customer by the id the back office will replace; sending it now would be refused.
    const auto customer = store::CustomerCache(m_sql).by_id(draft.customer_id);
    accepted.awaiting_customer = customer && customer->provisional;
    const std::string state = accepted.awaiting_customer ? kAwaitingCustomer : "provisional";

    // Until the back office numbers it, the order is known by its local id and the workstation that took it: the
    // contract's reader refuses an empty id or hall, and this document must read back (write_effects re-sends its
    // draft, the roster of group members reads its members).
    contract::ProductOrder shown;
    shown.order_id = accepted.local_id;
    shown.hall_id = m_workstation;
    shown.state = state;
    shown.draft = draft;
    shown.total = total;
    shown.created_at = at;
    shown.staff_id = staff;

    store::LocalOrder order;
    order.local_id = accepted.local_id;
    order.customer_id = draft.customer_id;
    order.order_type = draft.order_type;
    order.state = state;
    order.provisional = true;
    order.total_fen = total.fen();
    order.staff = staff;
    order.document = order_document(shown);

    store::OrderStore(m_sql).add(order, at);
    if (!accepted.awaiting_customer) {
        store::Outbox(m_sql).add({accepted.local_id, contract::OrderSubmitRequest::kOperation,
                                  contract::encode_request(contract::OrderSubmitRequest{draft}),
                                  "order:" + accepted.local_id, staff},
                                 at);
    }
    if (payment) {
        store::LocalPayment money;
        money.local_id = new_id();
        money.order_local_id = accepted.local_id;
        money.amount_fen = payment->amount.fen();
        money.method = domain::wire_name(payment->method);
        money.state = "awaitingOrder";
        money.idem_key = new_id();
        money.staff = staff;
        store::PaymentStore(m_sql).add(money, at);
        accepted.payment_local_id = money.local_id;
    }
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
    store::WriteTransaction tx(m_sql);
    store::Outbox(m_sql).add({new_id(), contract::OrderCancelRequest::kOperation, contract::encode_request(request),
                              "order:" + local_id, staff},
                             at);
    orders.set_state(local_id, "cancelRequested", at);
    tx.commit();
}

} // namespace workflows
