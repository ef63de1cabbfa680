#include "client/workflows/changes/fixed_line_install.h"

#include "client/store/reference_cache.h"
#include "client/store/write_transaction.h"
#include "client/workflows/workstation/no_answer.h"
#include "domain/product_attribute.h"
#include "services/contract/message_codec.h"

#include <algorithm>

namespace workflows {

std::vector<contract::Characteristic> default_characteristics(const contract::Offering& offering)
{
    std::vector<contract::Characteristic> out;
    for (const auto& attribute : offering.attributes) {
        if (attribute.default_value) {
            out.push_back({attribute.name, *attribute.default_value});
        } else if (!attribute.values.empty()) {
            out.push_back({attribute.name, attribute.values.front()});
        }
    }
    return out;
}

std::optional<domain::Problem> check_characteristics(const contract::Offering& offering,
                                                     const std::vector<contract::Characteristic>& values)
{
    for (const auto& attribute : offering.attributes) {
        const auto set = std::ranges::find(values, attribute.name, &contract::Characteristic::name);
        const std::string value = set == values.end() ? std::string() : set->value;
        if (auto problem = domain::check_attribute(offering.offering_id, attribute.name, attribute.values, value)) {
            return problem;
        }
    }
    for (const auto& value : values) {
        if (std::ranges::find(offering.attributes, value.name, &contract::OfferingAttribute::name) ==
            offering.attributes.end()) {
            return domain::problem(domain::Errc::order_attribute_value, {{"offering", offering.offering_id},
                                                                         {"attribute", value.name},
                                                                         {"value", value.value},
                                                                         {"reason", "unknown"}});
        }
    }
    return std::nullopt;
}

namespace {

std::optional<contract::CatalogGetResponse> cached_catalog(soci::session& sql)
{
    const auto cached = store::ReferenceCache(sql).catalog();
    if (!cached) {
        return std::nullopt;
    }
    auto decoded = contract::decode_response<contract::CatalogGetResponse>(cached->document);
    if (auto* catalog = std::get_if<contract::CatalogGetResponse>(&decoded)) {
        return std::move(*catalog);
    }
    return std::nullopt;
}

bss::CallError not_available(const std::string& what)
{
    bss::CallError error;
    error.kind = bss::FailureKind::fault;
    error.fault.code = contract::ResultCode::not_found;
    error.fault.params = {{"reason", what}};
    return error;
}

} // namespace

FixedLineInstall::FixedLineInstall(Desk& desk, OrderDesk& orders)
    : FixedLineInstall(desk.sql(), desk.client(), orders, desk.services().staff)
{
}

FixedLineInstall::FixedLineInstall(soci::session& sql, bss::BssClient* client, OrderDesk& desk, std::string staff)
    : m_sql(sql), m_client(client), m_desk(desk), m_staff(std::move(staff))
{
}

std::variant<contract::CatalogGetResponse, bss::CallError> FixedLineInstall::catalog()
{
    auto cached = cached_catalog(m_sql);
    if (m_client != nullptr) {
        contract::CatalogGetRequest request;
        if (cached) {
            request.known_version = cached->version;
        }
        auto answer = m_client->call(request);
        if (auto* fresh = std::get_if<contract::CatalogGetResponse>(&answer)) {
            if (fresh->unchanged && cached) {
                return std::move(*cached);
            }
            const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
            store::WriteTransaction tx(m_sql);
            store::ReferenceCache(m_sql).put_catalog(fresh->version, contract::encode_response(*fresh), now);
            tx.commit();
            return std::move(*fresh);
        }
        auto& error = std::get<bss::CallError>(answer);
        if (!no_answer(error) || !cached) {
            return std::move(error);
        }
    }
    if (cached) {
        return std::move(*cached);
    }
    return not_available("catalog");
}

std::variant<contract::ResourceCheckResponse, bss::CallError>
FixedLineInstall::check_resources(const std::string& address_id)
{
    if (m_client == nullptr) {
        return not_available("offline");
    }
    return m_client->call(contract::ResourceCheckRequest{address_id, 1});
}

std::variant<std::vector<contract::NumberRecord>, bss::CallError>
FixedLineInstall::search_numbers(const std::optional<std::string>& exchange, const std::optional<std::string>& pattern,
                                 int limit)
{
    if (m_client == nullptr) {
        return not_available("offline");
    }
    contract::NumberSearchRequest request;
    request.exchange = exchange;
    request.pattern = pattern;
    request.limit = limit;
    auto answer = m_client->call(request);
    if (auto* found = std::get_if<contract::NumberSearchResponse>(&answer)) {
        return std::move(found->numbers);
    }
    return std::get<bss::CallError>(std::move(answer));
}

std::variant<contract::NumberRecord, bss::CallError> FixedLineInstall::reserve(const std::string& number)
{
    if (m_client == nullptr) {
        return not_available("offline");
    }
    contract::NumberReserveRequest request;
    request.number = number;
    // Asked at the counter, answered at once: a retry inside the call keeps this key, a new reservation gets a new one.
    auto answer = m_client->call(request, m_desk.new_id());
    if (auto* reserved = std::get_if<contract::NumberReserveResponse>(&answer)) {
        auto& record = reserved->number;
        if (record.reserved_until && reserved->reserved_at) {
            // Restated on this workstation's clock: a laptop whose clock is off still counts down the time the
            // back office gave, not a reservation already expired or one that seems to last hours.
            record.reserved_until = m_desk.now() + (*record.reserved_until - *reserved->reserved_at);
        }
        return std::move(record);
    }
    return std::get<bss::CallError>(std::move(answer));
}

std::optional<bss::CallError> FixedLineInstall::release(const std::string& number)
{
    if (m_client == nullptr) {
        return not_available("offline");
    }
    contract::NumberReleaseRequest request;
    request.number = number;
    auto answer = m_client->call(request, m_desk.new_id());
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        return std::move(*error);
    }
    return std::nullopt;
}

std::variant<std::vector<contract::Fee>, domain::Problem>
FixedLineInstall::fees(const InstallChoice& choice, const contract::CatalogGetResponse& catalog)
{
    if (choice.address_id.empty()) {
        return domain::problem(domain::Errc::order_no_address);
    }
    if (choice.number.number.empty()) {
        return domain::problem(domain::Errc::order_no_number);
    }
    std::vector<contract::Fee> fees;
    int basics = 0;
    for (const auto& item : choice.products) {
        const auto offering = std::ranges::find(catalog.offerings, item.offering_id, &contract::Offering::offering_id);
        if (offering == catalog.offerings.end()) {
            return domain::problem(domain::Errc::order_product_unknown, {{"offering", item.offering_id}});
        }
        if (auto problem = check_characteristics(*offering, item.characteristics)) {
            return *problem;
        }
        basics += offering->kind == "basic" ? 1 : 0;
        if (offering->one_off_fee > domain::Money{}) {
            fees.push_back({offering->name, offering->one_off_fee});
        }
    }
    if (basics != 1) {
        return domain::problem(domain::Errc::order_no_basic_product, {{"count", std::to_string(basics)}});
    }
    if (choice.number.fee > domain::Money{}) {
        fees.push_back({"选号费", choice.number.fee});
    }
    return fees;
}

std::variant<AcceptedOrder, domain::Problem> FixedLineInstall::accept(const InstallChoice& choice,
                                                                      const contract::CatalogGetResponse& catalog,
                                                                      const std::optional<PaymentTaken>& payment)
{
    auto computed = fees(choice, catalog);
    if (auto* problem = std::get_if<domain::Problem>(&computed)) {
        return std::move(*problem);
    }
    contract::OrderDraft draft;
    draft.order_type = "install";
    draft.customer_id = choice.customer_id;
    int item_id = 0;
    for (auto item : choice.products) {
        item.item_id = std::to_string(++item_id);
        item.action = "add";
        draft.items.push_back(std::move(item));
    }
    // The number belongs to the basic product, wherever the clerk listed it.
    for (auto& item : draft.items) {
        const auto offering = std::ranges::find(catalog.offerings, item.offering_id, &contract::Offering::offering_id);
        item.service_number = offering->kind == "basic" ? std::optional(choice.number.number) : std::nullopt;
    }
    draft.address_id = choice.address_id;
    draft.appointment = choice.appointment;
    draft.note = choice.note;
    draft.fees = std::get<std::vector<contract::Fee>>(std::move(computed));
    return m_desk.accept(m_staff, std::move(draft), payment);
}

} // namespace workflows
