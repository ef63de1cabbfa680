#include "client/workflows/forms/record_documents.h"

#include "services/contract/message_codec.h"

namespace workflows {
namespace {

struct CustomerDocument
{
    static constexpr const char* kRoot = "cachedCustomer";
    contract::CustomerRecord customer;

    template <class V> void visit(V& v) { v("customer", customer); }
};

struct OrderDocument
{
    static constexpr const char* kRoot = "cachedOrder";
    contract::ProductOrder order;

    template <class V> void visit(V& v) { v("productOrder", order); }
};

} // namespace

std::string customer_document(const contract::CustomerRecord& customer)
{
    return contract::encode_request(CustomerDocument{customer});
}

std::optional<contract::CustomerRecord> customer_from_document(const std::string& xml)
{
    auto decoded = contract::decode_request<CustomerDocument>(xml);
    if (auto* document = std::get_if<CustomerDocument>(&decoded)) {
        return std::move(document->customer);
    }
    return std::nullopt;
}

std::string order_document(const contract::ProductOrder& order)
{
    return contract::encode_request(OrderDocument{order});
}

std::optional<contract::ProductOrder> order_from_document(const std::string& xml)
{
    auto decoded = contract::decode_request<OrderDocument>(xml);
    if (auto* document = std::get_if<OrderDocument>(&decoded)) {
        return std::move(document->order);
    }
    return std::nullopt;
}

store::CachedCustomer cached_customer(const contract::CustomerRecord& customer,
                                      const std::vector<std::string>& service_numbers)
{
    store::CachedCustomer row;
    row.customer_id = customer.customer_id;
    row.kind = customer.kind;
    row.name = customer.name;
    for (const auto& certificate : customer.certificates) {
        if (certificate.main || row.id_number.empty()) {
            row.id_number = certificate.number;
        }
    }
    row.address = customer.address.value_or(std::string());
    row.version = customer.version;
    row.document = customer_document(customer);
    row.service_numbers = service_numbers;
    return row;
}

std::vector<store::OrderEvent> order_events(const contract::ProductOrder& order)
{
    std::vector<store::OrderEvent> events;
    for (const auto& change : order.timeline) {
        events.push_back({change.state, contract::format_timestamp(change.at), change.staff_id,
                          change.reason.value_or(std::string())});
    }
    return events;
}

} // namespace workflows
