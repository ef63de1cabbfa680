#include "client/workflows/forms/order_forms.h"

#include "client/store/reference_cache.h"
#include "client/workflows/forms/form_sources.h"
#include "client/workflows/forms/paper_words.h"
#include "services/contract/message_codec.h"
#include "services/contract/messages/catalog.h"

#include <algorithm>

namespace workflows {
namespace {

/// What the paper says of a number the back office has not given yet.
constexpr const char* kPendingRemark = "预受理：定单号为本机预受理号，后台确认后以正式定单号为准";
constexpr const char* kPendingSuffix = "（预受理）";

class OrderPaper
{
public:
    OrderPaper(soci::session& sql, const PrintingCounter& counter, StoredOrder order, std::string form)
        : m_sql(sql), m_counter(counter), m_order(std::move(order))
    {
        m_document.form = std::move(form);
        m_document.pending_number = m_order.pending;
    }

    /// Order, hall, clerk and customer lines: what every order form starts with.
    printing::PrintResult<bool> header()
    {
        const auto& record = m_order.record;
        auto customer = find_customer(m_sql, m_order.row.customer_id);
        if (const auto* error = printing::error_of(customer)) {
            return *error;
        }
        auto& fields = m_document.data.fields;
        fields["order.number"] = m_order.number;
        fields["order.time"] = paper_time(record.created_at);
        fields["order.type"] =
            order_type_words(record.draft.order_type) + (m_order.pending ? kPendingSuffix : std::string());
        put_counter(m_document, m_counter, m_order.row.staff, record.hall_id);
        put_customer(m_document, std::get<contract::CustomerRecord>(customer));
        std::string remark = m_order.pending ? kPendingRemark : "";
        if (record.draft.note && !record.draft.note->empty()) {
            remark += (remark.empty() ? "" : "；") + *record.draft.note;
        }
        if (!remark.empty()) {
            fields["order.remark"] = remark;
        }
        return true;
    }

    /// The line's number: the order's own, or the basic product's on an install.
    [[nodiscard]] std::string service_number() const
    {
        const auto& draft = m_order.record.draft;
        if (draft.service_number) {
            return *draft.service_number;
        }
        const auto item = std::ranges::find_if(draft.items, [](const auto& i) { return i.service_number.has_value(); });
        return item != draft.items.end() ? *item->service_number : std::string();
    }

    /// The order's standard address in full, from the address cache.
    [[nodiscard]] std::string address() const
    {
        const auto& id = m_order.record.draft.address_id;
        if (!id) {
            return {};
        }
        const auto cached = store::ReferenceCache(m_sql).address(*id);
        return cached ? cached->full_name : std::string();
    }

    void fees()
    {
        std::int64_t total = 0;
        auto& rows = m_document.data.tables["fees"];
        for (const auto& fee : m_order.record.draft.fees) {
            rows.push_back({{"item", fee.name}, {"amount", fee.amount.plain()}});
            total += fee.amount.fen();
        }
        m_document.data.fields["fees.total"] = paper_money(total);
    }

    void appointment(const std::string& field)
    {
        if (const auto& day = m_order.record.draft.appointment) {
            m_document.data.fields[field] = paper_date(*day);
        } else {
            m_document.unfilled.push_back({field, "not_recorded"});
        }
    }

    void items()
    {
        const auto& draft = m_order.record.draft;
        const auto kind = order_type_words(draft.order_type);
        auto& rows = m_document.data.tables["items"];
        auto row = [&](const std::string& product, const std::string& attributes) {
            rows.push_back({{"service", kind}, {"product", product}, {"attributes", attributes}, {"quantity", "1"}});
        };
        for (const auto& item : draft.items) {
            std::string attributes;
            auto add = [&attributes](const std::string& part) {
                attributes += (attributes.empty() ? "" : "；") + part;
            };
            if (item.action == "delete") {
                add("取消");
            }
            if (item.service_number) {
                add("号码 " + *item.service_number);
            }
            for (const auto& characteristic : item.characteristics) {
                add(characteristic.name + " " + characteristic.value);
            }
            row(product_name(item.offering_id), attributes);
        }
        if (draft.order_type == "move") {
            const auto to = address();
            row("移机", to.empty() ? std::string() : "新装机地址 " + to);
        }
        if (draft.billing_account_id || draft.payment_method) {
            std::string attributes = draft.billing_account_id ? "帐户 " + *draft.billing_account_id : std::string();
            if (draft.payment_method) {
                attributes += (attributes.empty() ? "" : "；") + std::string("付费方式 ") +
                              payment_method_words(*draft.payment_method);
            }
            row("帐务关系", attributes);
        }
        for (const auto& member : draft.members) {
            std::string attributes = "号码 " + member.number;
            if (member.short_number) {
                attributes += "；短号 " + *member.short_number;
            }
            if (member.name) {
                attributes += "；" + *member.name;
            }
            row(draft.order_type == "familyBundle" ? "亲情号" : "集团成员", attributes);
        }
    }

    FormResult done() { return finish(m_sql, std::move(m_document)); }

    FormDocument& document() { return m_document; }
    [[nodiscard]] const StoredOrder& order() const { return m_order; }

private:
    /// The product's name in the cached catalog; its id when the catalog no longer lists it.
    std::string product_name(const std::string& offering_id)
    {
        if (!m_catalog_read) {
            m_catalog_read = true;
            if (const auto cached = store::ReferenceCache(m_sql).catalog()) {
                auto decoded = contract::decode_response<contract::CatalogGetResponse>(cached->document);
                if (auto* catalog = std::get_if<contract::CatalogGetResponse>(&decoded)) {
                    m_catalog = std::move(*catalog);
                }
            }
        }
        const auto offering = std::ranges::find(m_catalog.offerings, offering_id, &contract::Offering::offering_id);
        if (offering == m_catalog.offerings.end()) {
            m_document.unfilled.push_back({"items.product", "not_cached"});
            return offering_id;
        }
        return offering->name;
    }

    soci::session& m_sql;
    const PrintingCounter& m_counter;
    StoredOrder m_order;
    FormDocument m_document;
    bool m_catalog_read = false;
    contract::CatalogGetResponse m_catalog;
};

printing::PrintResult<OrderPaper> start(soci::session& sql, const PrintingCounter& counter,
                                        const std::string& order_ref, std::string form)
{
    auto order = find_order(sql, order_ref);
    if (const auto* error = printing::error_of(order)) {
        return *error;
    }
    OrderPaper paper(sql, counter, std::get<StoredOrder>(std::move(order)), std::move(form));
    auto header = paper.header();
    if (const auto* error = printing::error_of(header)) {
        return *error;
    }
    return paper;
}

} // namespace

FormResult acceptance_form(Desk& desk, const PrintingCounter& counter, const std::string& order_ref)
{
    return acceptance_form(desk.sql(), counter, order_ref);
}

FormResult acceptance_form(soci::session& sql, const PrintingCounter& counter, const std::string& order_ref)
{
    auto started = start(sql, counter, order_ref, "acceptance");
    if (const auto* error = printing::error_of(started)) {
        return *error;
    }
    auto& paper = std::get<OrderPaper>(started);
    auto& document = paper.document();
    const auto& order = paper.order();
    put_field(document, "service.number", paper.service_number());
    if (order.record.draft.address_id) {
        put_field(document, "service.install_address", paper.address(), "not_cached");
    }
    if (order.record.draft.order_type == "install" || order.record.draft.order_type == "move") {
        paper.appointment("service.appointment");
    }
    // The back office sets the due moment when it numbers the order; a draft has none to promise yet.
    if (order.record.draft.order_type == "install" && !order.pending) {
        document.data.fields["service.deadline"] = paper_time(order.record.due_by);
    }
    paper.items();
    paper.fees();
    return paper.done();
}

FormResult move_request_form(Desk& desk, const PrintingCounter& counter, const std::string& order_ref)
{
    return move_request_form(desk.sql(), counter, order_ref);
}

FormResult move_request_form(soci::session& sql, const PrintingCounter& counter, const std::string& order_ref)
{
    auto started = start(sql, counter, order_ref, "move_request");
    if (const auto* error = printing::error_of(started)) {
        return *error;
    }
    auto& paper = std::get<OrderPaper>(started);
    auto& document = paper.document();
    const auto& draft = paper.order().record.draft;
    if (draft.order_type != "move") {
        return printing::print_error("E_FORM_NOT_FOR_ORDER",
                                     {{"form", "move_request"}, {"orderType", draft.order_type}});
    }
    const auto number = paper.service_number();
    put_field(document, "service.number", number);
    put_field(document, "move.old_number", number);
    // Same or cross exchange (同局/跨局) is the back office's finding at the new address; the order does not
    // carry it, so the paper says 移机 and no more. A cross-exchange number change would be a new order.
    document.data.fields["move.kind"] = order_type_words("move");
    // The line's present address is the back office's (its service record), not stored with the move.
    document.unfilled.push_back({"move.old_address", "not_stored"});
    document.unfilled.push_back({"move.new_number", "not_stored"});
    put_field(document, "move.new_address", paper.address(), "not_cached");
    if (draft.appointment) {
        document.data.fields["move.date"] = paper_date(*draft.appointment);
        document.data.fields["service.appointment"] = paper_date(*draft.appointment);
    } else {
        document.unfilled.push_back({"move.date", "not_recorded"});
    }
    paper.fees();
    return paper.done();
}

} // namespace workflows
