#include "client/workflows/forms/form_sources.h"

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/settings.h"
#include "client/workflows/forms/paper_words.h"
#include "client/workflows/forms/record_documents.h"

#include <algorithm>

namespace workflows {
namespace {

/// How many of an order's audit entries are looked through for an earlier print: an order is printed a handful of
/// times, but views and other forms share its subject.
constexpr int kAuditLookBack = 500;

} // namespace

PrintingCounter printing_counter(soci::session& sql, const contract::StaffProfile& clerk)
{
    return {store::Settings(sql).hall_name(), clerk.staff_id, clerk.name, clerk.hall_id};
}

printing::PrintResult<StoredOrder> find_order(soci::session& sql, const std::string& order_ref)
{
    store::OrderStore orders(sql);
    auto row = orders.by_local_id(order_ref);
    if (!row) {
        row = orders.by_order_id(order_ref);
    }
    if (!row) {
        return printing::print_error("E_ORDER_NOT_FOUND", {{"order", order_ref}});
    }
    if (row->state == "rejected") {
        return printing::print_error("E_ORDER_REJECTED", {{"order", order_ref}});
    }
    auto record = order_from_document(row->document);
    if (!record) {
        return printing::print_error("E_RECORD_UNREADABLE", {{"record", "order:" + row->local_id}});
    }
    StoredOrder stored{std::move(*row), std::move(*record), {}, true};
    // Until the back office answers, the document's order id is the local id (order_desk.cpp): the row's order_id
    // is the one sign of a real number.
    stored.pending = !stored.row.order_id.has_value();
    stored.number = stored.pending ? stored.row.local_id : *stored.row.order_id;
    return stored;
}

printing::PrintResult<contract::CustomerRecord> find_customer(soci::session& sql, const std::string& customer_id)
{
    const auto cached = store::CustomerCache(sql).by_id(customer_id);
    if (!cached) {
        return printing::print_error("E_CUSTOMER_NOT_FOUND", {{"customer", customer_id}});
    }
    auto record = customer_from_document(cached->document);
    if (!record) {
        return printing::print_error("E_RECORD_UNREADABLE", {{"record", "customer:" + customer_id}});
    }
    return std::move(*record);
}

void put_field(FormDocument& document, const std::string& field, const std::string& value, const char* reason)
{
    if (value.empty()) {
        document.unfilled.push_back({field, reason});
        return;
    }
    document.data.fields[field] = value;
}

void put_counter(FormDocument& document, const PrintingCounter& counter, const std::string& staff,
                 const std::string& hall_id)
{
    if (!counter.hall_name.empty()) {
        document.data.fields["hall.name"] = counter.hall_name;
    } else {
        // The hall's code is better than a blank on paper the customer keeps; the setting is missing.
        put_field(document, "hall.name", hall_id, "not_configured");
        if (!hall_id.empty()) {
            document.unfilled.push_back({"hall.name", "not_configured"});
        }
    }
    document.data.fields["clerk.staff"] = staff;
    if (staff == counter.staff_id && !counter.staff_name.empty()) {
        document.data.fields["clerk.name"] = counter.staff_name;
    } else {
        // Another clerk's order: the workstation keeps no staff directory, and the 工号 identifies them.
        document.data.fields["clerk.name"] = staff;
        document.unfilled.push_back({"clerk.name", "unknown_staff"});
    }
}

void put_customer(FormDocument& document, const contract::CustomerRecord& customer)
{
    document.data.fields["customer.name"] = customer.name;
    const auto main = std::ranges::find_if(customer.certificates, &contract::Certificate::main);
    const auto* certificate = main != customer.certificates.end() ? &*main
                              : customer.certificates.empty()     ? nullptr
                                                                  : &customer.certificates.front();
    put_field(document, "customer.id_type", certificate ? certificate_words(certificate->type) : std::string());
    put_field(document, "customer.id_number", certificate ? certificate->number : std::string());
    put_field(document, "customer.phone", customer.contact_phone.value_or(std::string()));
    // No form prints these two yet; they travel for templates a hall adds, and their absence is nobody's concern.
    if (customer.address && !customer.address->empty()) {
        document.data.fields["customer.address"] = *customer.address;
    }
    document.data.fields["customer.grade"] = grade_words(customer.grade);
    for (const auto& party : customer.related_parties) {
        // The agent recorded with the customer acted for them when the customer was opened; the order does not
        // say who stood at the counter this time, so only a recorded agent is printed.
        if (party.role == "agent") {
            document.data.fields["agent.name"] = party.name;
            document.data.fields["agent.id_number"] = party.id_number;
        }
    }
}

FormResult finish(soci::session& sql, FormDocument document)
{
    auto checked = printing::validate_form_data(std::move(document.data));
    if (const auto* error = printing::error_of(checked)) {
        return *error;
    }
    document.data = std::get<printing::FormData>(std::move(checked));
    if (const auto* number = document.data.field("order.number")) {
        const auto entries = store::AuditLog(sql).recent(*number, kAuditLookBack);
        document.reprint = std::ranges::any_of(entries, [&](const store::AuditEntry& entry) {
            return entry.detail == document.form && (entry.action == "print.form" || entry.action == "print.reprint");
        });
    }
    return document;
}

} // namespace workflows
