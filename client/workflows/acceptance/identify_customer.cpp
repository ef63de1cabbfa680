#include "client/workflows/acceptance/identify_customer.h"

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/write_transaction.h"
#include "client/workflows/acceptance/identifier_check.h"
#include "client/workflows/forms/record_documents.h"
#include "client/workflows/workstation/local_clock.h"
#include "client/workflows/workstation/no_answer.h"

namespace workflows {
namespace {

} // namespace

IdentifyCustomer::IdentifyCustomer(Desk& desk)
    : IdentifyCustomer(desk.sql(), desk.client(), desk.services().staff, desk.services().clock)
{
}

IdentifyCustomer::IdentifyCustomer(soci::session& sql, bss::BssClient* client, std::string staff,
                                   std::function<store::UtcTime()> clock)
    : m_sql(sql), m_client(client), m_staff(std::move(staff)), m_clock(std::move(clock))
{
}

store::UtcTime IdentifyCustomer::now() const
{
    return m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::vector<contract::CustomerRecord> IdentifyCustomer::from_cache(CustomerKey key, const std::string& text) const
{
    store::CustomerCache cache(m_sql);
    std::vector<store::CachedCustomer> rows;
    switch (key) {
    case CustomerKey::id_number:
        rows = cache.by_id_number(text);
        break;
    case CustomerKey::service_number:
        if (auto row = cache.by_service_number(text)) {
            rows.push_back(std::move(*row));
        }
        break;
    case CustomerKey::name:
        rows = cache.search_groups(text, 50);
        break;
    case CustomerKey::order_id:
        if (const auto order = store::OrderStore(m_sql).by_order_id(text)) {
            if (auto row = cache.by_id(order->customer_id)) {
                rows.push_back(std::move(*row));
            }
        }
        break;
    }
    std::vector<contract::CustomerRecord> customers;
    for (const auto& row : rows) {
        if (auto record = customer_from_document(row.document)) {
            customers.push_back(std::move(*record));
        }
    }
    return customers;
}

std::variant<FoundCustomers, domain::Problem, bss::CallError> IdentifyCustomer::find(CustomerKey key,
                                                                                     const std::string& text)
{
    std::string value = text;
    if (key == CustomerKey::id_number) {
        const auto verdict = check_identifier(IdentifierKind::id, text, local_today());
        if (!verdict.valid()) {
            return *verdict.problem;
        }
        value = verdict.canonical;
    }
    FoundCustomers found;
    if (m_client != nullptr) {
        contract::CustomerFindRequest request;
        switch (key) {
        case CustomerKey::id_number:
            request.id_number = value;
            break;
        case CustomerKey::service_number:
            request.service_number = value;
            break;
        case CustomerKey::name:
            request.name = value;
            break;
        case CustomerKey::order_id:
            request.order_id = value;
            break;
        }
        auto answer = m_client->call(request);
        if (auto* response = std::get_if<contract::CustomerFindResponse>(&answer)) {
            store::CustomerCache cache(m_sql);
            store::WriteTransaction tx(m_sql);
            for (const auto& customer : response->customers) {
                cache.put(cached_customer(customer), now());
            }
            tx.commit();
            found.customers = std::move(response->customers);
        } else {
            auto& error = std::get<bss::CallError>(answer);
            if (!no_answer(error)) {
                return std::move(error);
            }
            found.from_cache = true;
            found.offline = std::move(error);
        }
    } else {
        found.from_cache = true;
    }
    if (found.from_cache) {
        found.customers = from_cache(key, value);
    }
    store::AuditLog(m_sql).append(m_staff, "customer.find", value, found.from_cache ? "cache" : "backoffice", now());
    return found;
}

std::variant<CustomerPicture, bss::CallError> IdentifyCustomer::picture(const std::string& customer_id)
{
    store::CustomerCache cache(m_sql);
    if (m_client != nullptr) {
        auto answer = m_client->call(contract::CustomerGetRequest{customer_id});
        if (auto* response = std::get_if<contract::CustomerGetResponse>(&answer)) {
            std::vector<std::string> numbers;
            for (const auto& service : response->services) {
                numbers.push_back(service.service_number);
            }
            cache.put(cached_customer(response->customer, numbers), now());
            store::AuditLog(m_sql).append(m_staff, "customer.view", customer_id, "", now());
            return CustomerPicture{std::move(*response), false};
        }
        auto& error = std::get<bss::CallError>(answer);
        if (!no_answer(error)) {
            return std::move(error);
        }
    }
    const auto row = cache.by_id(customer_id);
    auto record = row ? customer_from_document(row->document) : std::nullopt;
    if (!record) {
        bss::CallError error;
        error.kind = bss::FailureKind::fault;
        error.fault.code = contract::ResultCode::not_found;
        error.fault.params = {{"customerId", customer_id}};
        return error;
    }
    CustomerPicture picture;
    picture.view.customer = std::move(*record);
    for (const auto& number : row->service_numbers) {
        contract::ServiceRecord service;
        service.service_number = number;
        picture.view.services.push_back(service);
    }
    picture.from_cache = true;
    store::AuditLog(m_sql).append(m_staff, "customer.view", customer_id, "cache", now());
    return picture;
}

} // namespace workflows
