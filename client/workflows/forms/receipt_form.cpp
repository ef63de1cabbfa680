#include "client/workflows/forms/receipt_form.h"

#include "client/store/payment_store.h"
#include "client/workflows/forms/form_sources.h"
#include "client/workflows/forms/paper_words.h"
#include "services/contract/message_codec.h"
#include "services/contract/messages/payment.h"

namespace workflows {
namespace {

constexpr const char* kPendingRemark = "收据号为本机预收款号，后台确认后以正式收据号为准";

/// When the money was taken: the back office's moment once it has the payment, else this counter's.
store::UtcTime taken_at(const store::LocalPayment& payment)
{
    if (!payment.document.empty()) {
        auto decoded = contract::decode_response<contract::PaymentCreateResponse>(payment.document);
        if (const auto* answer = std::get_if<contract::PaymentCreateResponse>(&decoded)) {
            return answer->payment.at;
        }
    }
    return store::parse_utc_text(payment.created_at).value_or(store::UtcTime{});
}

/// The fee lines the money paid: the order's own when it paid exactly those, else one line for what was paid
/// (a part payment, or money into an account).
void put_fees(FormDocument& document, const store::LocalPayment& payment, const StoredOrder* order)
{
    auto& rows = document.data.tables["fees"];
    std::int64_t fees = 0;
    if (order != nullptr) {
        for (const auto& fee : order->record.draft.fees) {
            fees += fee.amount.fen();
        }
    }
    if (order != nullptr && fees == payment.amount_fen && !order->record.draft.fees.empty()) {
        for (const auto& fee : order->record.draft.fees) {
            rows.push_back({{"item", fee.name}, {"amount", fee.amount.plain()}});
        }
    } else {
        const std::string item =
            order != nullptr ? order_type_words(order->record.draft.order_type) + "费用" : std::string("预存话费");
        rows.push_back({{"item", item}, {"amount", paper_money(payment.amount_fen)}});
    }
    document.data.fields["fees.total"] = paper_money(payment.amount_fen);
}

} // namespace

FormResult receipt_form(Desk& desk, const PrintingCounter& counter, const std::string& payment_local_id)
{
    return receipt_form(desk.sql(), counter, payment_local_id);
}

FormResult receipt_form(soci::session& sql, const PrintingCounter& counter, const std::string& payment_local_id)
{
    const auto payment = store::PaymentStore(sql).by_local_id(payment_local_id);
    if (!payment) {
        return printing::print_error("E_PAYMENT_NOT_FOUND", {{"payment", payment_local_id}});
    }
    if (payment->state == "rejected") {
        return printing::print_error("E_PAYMENT_REJECTED", {{"payment", payment_local_id}});
    }
    FormDocument document;
    document.form = "receipt";
    document.pending_number = !payment->payment_id.has_value();
    const auto receipt_number = payment->payment_id.value_or(payment->local_id);
    auto& fields = document.data.fields;
    fields["receipt.number"] = receipt_number;
    fields["receipt.time"] = paper_time(taken_at(*payment));
    fields["payment.method"] = payment_method_words(payment->method);
    fields["payment.amount"] = paper_money(payment->amount_fen);
    fields["payment.received"] = paper_money(payment->amount_fen);
    fields["payment.change"] = paper_money(0);
    document.unfilled.push_back({"payment.received", "not_recorded"});

    std::string remark = document.pending_number ? kPendingRemark : "";
    std::optional<StoredOrder> order;
    if (!payment->order_local_id.empty()) {
        auto found = find_order(sql, payment->order_local_id);
        if (const auto* error = printing::error_of(found)) {
            return *error;
        }
        order = std::get<StoredOrder>(std::move(found));
        auto customer = find_customer(sql, order->row.customer_id);
        if (const auto* error = printing::error_of(customer)) {
            return *error;
        }
        fields["order.number"] = order->number;
        fields["customer.name"] = std::get<contract::CustomerRecord>(customer).name;
        const auto& draft = order->record.draft;
        std::string number = draft.service_number.value_or(std::string());
        for (const auto& item : draft.items) {
            if (number.empty() && item.service_number) {
                number = *item.service_number;
            }
        }
        put_field(document, "service.number", number);
        put_counter(document, counter, payment->staff, order->record.hall_id);
    } else {
        // Money into an account has no order: the receipt number is the reference the customer quotes, and the
        // account stands where an order's line would.
        fields["order.number"] = receipt_number;
        fields["service.number"] = "帐户 " + payment->account_id;
        fields["account.number"] = payment->account_id;
        document.unfilled.push_back({"customer.name", "not_stored"});
        // Money into an account names no hall: it was taken at this counter's hall when this clerk took it.
        put_counter(document, counter, payment->staff, payment->staff == counter.staff_id ? counter.hall_id : "");
    }
    remark += (remark.empty() ? "" : "；") + std::string("交易流水号 ") + payment->idem_key;
    fields["order.remark"] = remark;
    put_fees(document, *payment, order ? &*order : nullptr);
    return finish(sql, std::move(document));
}

} // namespace workflows
