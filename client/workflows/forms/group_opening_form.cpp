#include "client/workflows/forms/group_opening_form.h"

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/workflows/forms/form_sources.h"
#include "client/workflows/forms/paper_words.h"
#include "client/workflows/forms/record_documents.h"

#include <algorithm>

namespace workflows {
namespace {

constexpr int kAuditLookBack = 200;

} // namespace

FormResult group_opening_form(Desk& desk, const PrintingCounter& counter, const std::string& customer_id)
{
    return group_opening_form(desk.sql(), counter, customer_id);
}

FormResult group_opening_form(soci::session& sql, const PrintingCounter& counter, const std::string& customer_id)
{
    const auto cached = store::CustomerCache(sql).by_id(customer_id);
    if (!cached || cached->kind != "group") {
        return printing::print_error("E_CUSTOMER_NOT_FOUND", {{"customer", customer_id}});
    }
    const auto group = customer_from_document(cached->document);
    if (!group) {
        return printing::print_error("E_RECORD_UNREADABLE", {{"record", "customer:" + customer_id}});
    }
    FormDocument document;
    document.form = "group_opening";
    document.pending_number = cached->provisional;
    auto& fields = document.data.fields;
    fields["order.number"] = customer_id;
    if (!cached->provisional) {
        fields["group.number"] = customer_id;
    }

    auto opened_at = store::parse_utc_text(cached->cached_at).value_or(store::UtcTime{});
    std::string staff = counter.staff_id;
    const auto log = store::AuditLog(sql).recent(customer_id, kAuditLookBack);
    const auto created = std::ranges::find(log, std::string("customer.create"), &store::AuditEntry::action);
    if (created != log.end()) {
        opened_at = store::parse_utc_text(created->at).value_or(opened_at);
        staff = created->staff;
    }
    fields["order.time"] = paper_time(opened_at);
    put_counter(document, counter, staff, counter.hall_id);

    fields["group.name"] = group->name;
    put_field(document, "group.type", group_type_words(group->group_type.value_or(std::string())));
    if (group->grid) {
        fields["group.grid"] = *group->grid;
    }
    put_field(document, "group.address", group->address.value_or(std::string()));
    put_field(document, "group.contact_phone", group->contact_phone.value_or(std::string()));
    for (const auto& certificate : group->certificates) {
        document.data.tables["certificates"].push_back({{"type", certificate_words(certificate.type)},
                                                        {"number", certificate.number},
                                                        {"main", certificate.main ? "是" : "否"}});
        if (certificate.type == "businessLicence") {
            fields["group.credit_code"] = certificate.number;
        }
    }
    bool first = true;
    for (const auto& manager : group->customer_managers) {
        printing::FormRow row{{"staff", manager}, {"role", first ? "主客户经理" : "协办客户经理"}};
        if (manager == counter.staff_id && !counter.staff_name.empty()) {
            row["name"] = counter.staff_name;
        }
        document.data.tables["managers"].push_back(std::move(row));
        first = false;
    }
    for (const char* field : {"group.industry", "group.legal_person", "group.legal_id_number", "group.contact_name"}) {
        document.unfilled.push_back({field, "not_stored"});
    }
    return finish(sql, std::move(document));
}

} // namespace workflows
