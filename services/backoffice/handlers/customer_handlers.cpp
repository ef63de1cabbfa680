// Customers: find, get, create, update (individuals and groups), and the real-name pre-checks.
#include "domain/credit_code.h"
#include "domain/group_customer.h"
#include "domain/id_number.h"
#include "domain/real_name_policy.h"
#include "services/backoffice/handlers.h"
#include "services/backoffice/handlers/answer_budget.h"
#include "services/backoffice/handlers/records.h"
#include "services/backoffice/sql_util.h"

#include <algorithm>

namespace backoffice {

namespace {

constexpr std::array kPersonDocuments{"idCard",   "hmtPermit",   "foreignerPermit",
                                      "passport", "hkMacaoPass", "taiwanPass"};

constexpr std::array kGrades{"diamond", "gold", "silver", "ordinary"};

template <std::size_t N> bool one_of(const std::array<const char*, N>& values, const std::string& value)
{
    return std::any_of(values.begin(), values.end(), [&](const char* v) { return value == v; });
}

std::optional<domain::CertificateKind> group_certificate_kind(const std::string& type)
{
    if (type == "businessLicence") {
        return domain::CertificateKind::business_licence;
    }
    if (type == "orgCode") {
        return domain::CertificateKind::org_code_certificate;
    }
    if (type == "institutionCertificate") {
        return domain::CertificateKind::public_institution;
    }
    if (type == "introductionLetter") {
        return domain::CertificateKind::introduction_letter;
    }
    if (type == "idCard") {
        return domain::CertificateKind::personal_id;
    }
    return std::nullopt;
}

/// On the blacklist: the number is listed, or a customer holding it as main certificate is flagged. Every operation
/// asks this one question.
bool is_blacklisted(soci::session& sql, const std::string& id_number)
{
    int count = 0;
    sql << "SELECT (SELECT COUNT(*) FROM blacklist WHERE id_number = :n) + (SELECT COUNT(*) FROM customers k "
           "JOIN certificates c ON c.customer_id = k.customer_id WHERE c.number = :n2 AND c.main = 1 AND "
           "k.blacklisted = 1)",
        soci::use(id_number), soci::use(id_number), soci::into(count);
    return count > 0;
}

/// A typed 15-digit number is found under its stored 18-digit form; anything else is searched as typed.
std::string canonical_id(OpContext& ctx, const std::string& text)
{
    const auto id = domain::IdNumber::parse(text, today(ctx.now));
    return id ? id->str() : text;
}

const contract::Certificate& main_certificate(const CustomerRecord& customer)
{
    const auto main =
        std::find_if(customer.certificates.begin(), customer.certificates.end(), [](const auto& c) { return c.main; });
    if (main == customer.certificates.end()) {
        refuse_field("customer/certificate", "noMain");
    }
    return *main;
}

void check_individual(OpContext& ctx, CustomerRecord& customer)
{
    if (std::count_if(customer.certificates.begin(), customer.certificates.end(), [](auto& c) { return c.main; }) !=
        1) {
        refuse_field("customer/certificate", "noMain");
    }
    for (std::size_t i = 0; i < customer.certificates.size(); ++i) {
        auto& certificate = customer.certificates[i];
        const auto field = "customer/certificate/" + std::to_string(i + 1);
        if (!one_of(kPersonDocuments, certificate.type)) {
            refuse_field(field + "/type", "unknown");
        }
        if (certificate.type == "idCard" || certificate.type == "hmtPermit" || certificate.type == "foreignerPermit") {
            const auto id = domain::IdNumber::parse(certificate.number, today(ctx.now));
            if (!id) {
                refuse_problem(field + "/number", id.error());
            }
            certificate.number = id->str(); // 15-digit numbers are kept in their 18-digit form
        }
        if (certificate.valid_to && *certificate.valid_to < today(ctx.now)) {
            refuse_field(field + "/validTo", "expired");
        }
    }
    const auto& main = main_certificate(customer);
    if (is_blacklisted(ctx.sql, main.number)) {
        refuse(ResultCode::blacklisted, {{"idNumber", main.number}});
    }
    // A holder too young to act alone comes with a guardian, who is recorded (实名登记).
    if (main.type == "idCard") {
        const auto holder = domain::IdNumber::parse(main.number, today(ctx.now));
        const bool guardian = std::any_of(customer.related_parties.begin(), customer.related_parties.end(),
                                          [](const auto& p) { return p.role == "guardian"; });
        if (holder && !domain::may_act_alone(*holder, domain::RealNamePolicy{}, today(ctx.now)) && !guardian) {
            refuse_field("customer/relatedParty", "guardianRequired");
        }
    }
    for (std::size_t i = 0; i < customer.related_parties.size(); ++i) {
        const auto& party = customer.related_parties[i];
        const auto field = "customer/relatedParty/" + std::to_string(i + 1);
        if (party.role != "agent" && party.role != "guardian") {
            refuse_field(field + "/role", "unknown");
        }
        const auto id = domain::IdNumber::parse(party.id_number, today(ctx.now));
        if (!id) {
            refuse_problem(field + "/idNumber", id.error());
        }
        if (id->str() == main.number) {
            refuse_field(field + "/idNumber", "isHolder");
        }
    }
    if (customer.group_type || customer.grid || !customer.customer_managers.empty()) {
        refuse_field("customer/groupType", "notForIndividuals");
    }
}

void check_group(OpContext& ctx, const CustomerRecord& customer)
{
    domain::GroupCustomerDraft draft;
    draft.name = customer.name;
    const auto type = customer.group_type.value_or("other");
    if (type != "keyAccount" && type != "sme" && type != "other") {
        refuse_field("customer/groupType", "unknown");
    }
    draft.type = type == "keyAccount" ? domain::GroupType::key_account
                 : type == "sme"      ? domain::GroupType::sme
                                      : domain::GroupType::other;
    for (std::size_t i = 0; i < customer.certificates.size(); ++i) {
        const auto& certificate = customer.certificates[i];
        auto kind = group_certificate_kind(certificate.type);
        if (!kind) {
            refuse_field("customer/certificate/" + std::to_string(i + 1) + "/type", "unknown");
        }
        draft.certificates.push_back({*kind, certificate.number, certificate.main});
    }
    draft.managers = customer.customer_managers;
    draft.grid = customer.grid;
    const auto problems = domain::check_group_customer(draft, today(ctx.now));
    if (!problems.empty()) {
        refuse_problem("customer", problems.front());
    }
    for (const auto& manager : customer.customer_managers) {
        int count = 0;
        ctx.sql << "SELECT COUNT(*) FROM staff WHERE staff_id = :s AND deleted = 0", soci::use(manager),
            soci::into(count);
        if (count == 0) {
            refuse_field("customer/customerManager", "unknown");
        }
    }
}

void check_common(OpContext& ctx, CustomerRecord& customer)
{
    if (customer.kind != "individual" && customer.kind != "group") {
        refuse_field("customer/kind", "unknown");
    }
    if (!one_of(kGrades, customer.grade)) {
        refuse_field("customer/grade", "unknown");
    }
    if (customer.certificates.empty()) {
        refuse_field("customer/certificate", "missing");
    }
    customer.kind == "group" ? check_group(ctx, customer) : check_individual(ctx, customer);
}

void check_group_name_free(OpContext& ctx, const CustomerRecord& customer)
{
    if (customer.kind != "group") {
        return;
    }
    std::string other;
    ctx.sql << "SELECT customer_id FROM customers WHERE kind = 'group' AND name = :n AND customer_id <> :c",
        soci::use(customer.name), soci::use(customer.customer_id), soci::into(other);
    if (ctx.sql.got_data()) {
        refuse(ResultCode::name_exists, {{"name", customer.name}, {"customerId", other}});
    }
}

void check_certificate_free(OpContext& ctx, const CustomerRecord& customer)
{
    if (customer.kind != "individual") {
        return;
    }
    const auto& main = main_certificate(customer);
    std::string other;
    ctx.sql << "SELECT c.customer_id FROM certificates c JOIN customers k ON k.customer_id = c.customer_id "
               "WHERE c.type = :t AND c.number = :n AND c.main = 1 AND k.kind = 'individual' "
               "AND c.customer_id <> :c",
        soci::use(main.type), soci::use(main.number), soci::use(customer.customer_id), soci::into(other);
    if (ctx.sql.got_data()) {
        refuse(ResultCode::validation,
               {{"field", "customer/certificate"}, {"reason", "exists"}, {"customerId", other}});
    }
}

void write_children(OpContext& ctx, const CustomerRecord& customer)
{
    const auto& id = customer.customer_id;
    ctx.sql << "DELETE FROM certificates WHERE customer_id = :c", soci::use(id);
    ctx.sql << "DELETE FROM customer_managers WHERE customer_id = :c", soci::use(id);
    ctx.sql << "DELETE FROM related_parties WHERE customer_id = :c", soci::use(id);
    for (const auto& c : customer.certificates) {
        const int main = c.main ? 1 : 0;
        const std::string valid_to = c.valid_to ? domain::format_iso(*c.valid_to) : "";
        auto ind = c.valid_to ? soci::i_ok : soci::i_null;
        ctx.sql << "INSERT INTO certificates (customer_id, type, number, main, valid_to) VALUES (:c, :t, :n, :m, :v)",
            soci::use(id), soci::use(c.type), soci::use(c.number), soci::use(main), soci::use(valid_to, ind);
    }
    for (const auto& m : customer.customer_managers) {
        ctx.sql << "INSERT INTO customer_managers (customer_id, staff_id) VALUES (:c, :s)", soci::use(id), soci::use(m);
    }
    for (const auto& p : customer.related_parties) {
        ctx.sql << "INSERT INTO related_parties (customer_id, role, name, id_number) VALUES (:c, :r, :n, :i)",
            soci::use(id), soci::use(p.role), soci::use(p.name), soci::use(p.id_number);
    }
}

/// Optional text columns: the value, or NULL.
struct OptionalText
{
    std::string value;
    soci::indicator ind;
    explicit OptionalText(const std::optional<std::string>& text)
        : value(text.value_or("")), ind(text ? soci::i_ok : soci::i_null)
    {
    }
};

} // namespace

CustomerFindResponse handle(OpContext& ctx, const CustomerFindRequest& request)
{
    const int criteria = int(request.id_number.has_value()) + int(request.service_number.has_value()) +
                         int(request.name.has_value()) + int(request.order_id.has_value());
    if (criteria != 1) {
        refuse_field("idNumber", "oneCriterion");
    }
    std::vector<std::string> ids;
    if (request.id_number) {
        const auto number = canonical_id(ctx, *request.id_number);
        soci::rowset<std::string> rows =
            (ctx.sql.prepare << "SELECT DISTINCT customer_id FROM certificates WHERE number = :n ORDER BY customer_id",
             soci::use(number));
        ids.assign(rows.begin(), rows.end());
    } else if (request.service_number) {
        soci::rowset<std::string> rows =
            (ctx.sql.prepare << "SELECT customer_id FROM services WHERE service_number = :n",
             soci::use(*request.service_number));
        ids.assign(rows.begin(), rows.end());
    } else if (request.order_id) {
        soci::rowset<std::string> rows =
            (ctx.sql.prepare << "SELECT customer_id FROM orders WHERE order_id = :o", soci::use(*request.order_id));
        ids.assign(rows.begin(), rows.end());
    } else {
        // Individuals by exact name (names repeat; the clerk picks by masked ID), groups by part of the name.
        const auto pattern = contains_pattern(*request.name);
        soci::rowset<std::string> rows =
            (ctx.sql.prepare << "SELECT customer_id FROM customers WHERE (kind = 'individual' AND name = :n) "
                                "OR (kind = 'group' AND name LIKE :p ESCAPE '\\') ORDER BY customer_id LIMIT 51",
             soci::use(*request.name), soci::use(pattern));
        ids.assign(rows.begin(), rows.end());
    }
    CustomerFindResponse response;
    if (ids.size() > kFindRows) {
        ids.resize(kFindRows);
        response.has_more = true;
    }
    std::size_t bytes = 0;
    for (const auto& id : ids) {
        auto customer = load_customer(ctx.sql, id);
        bytes += encoded_size("customer", customer);
        if (!response.customers.empty() && bytes > kAnswerBytes) {
            response.has_more = true; // full in bytes before it is full in rows (answer_budget.h)
            break;
        }
        response.customers.push_back(std::move(customer));
    }
    return response;
}

CustomerGetResponse handle(OpContext& ctx, const CustomerGetRequest& request)
{
    CustomerGetResponse response;
    response.customer = load_customer(ctx.sql, request.customer_id);
    soci::rowset<soci::row> services =
        (ctx.sql.prepare << "SELECT service_number, offering_id, status, address_id, account_id FROM services "
                            "WHERE customer_id = :c ORDER BY service_number",
         soci::use(request.customer_id));
    for (const auto& row : services) {
        ServiceRecord service{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), {}, {}};
        if (row.get_indicator(3) == soci::i_ok) {
            service.address_id = row.get<std::string>(3);
        }
        if (row.get_indicator(4) == soci::i_ok) {
            service.billing_account_id = row.get<std::string>(4);
        }
        response.services.push_back(std::move(service));
    }
    soci::rowset<std::string> open =
        (ctx.sql.prepare << "SELECT order_id FROM orders WHERE customer_id = :c AND state IN "
                            "('acknowledged', 'pending', 'held', 'inProgress', 'assessingCancellation', "
                            "'pendingCancellation') ORDER BY order_id",
         soci::use(request.customer_id));
    response.open_orders.assign(open.begin(), open.end());
    long long arrears = 0;
    int blacklisted = 0;
    ctx.sql << "SELECT arrears_fen, blacklisted FROM customers WHERE customer_id = :c", soci::use(request.customer_id),
        soci::into(arrears), soci::into(blacklisted);
    response.arrears = domain::Money::from_fen(arrears);
    const auto& certificates = response.customer.certificates;
    const auto main = std::find_if(certificates.begin(), certificates.end(), [](const auto& c) { return c.main; });
    response.blacklisted = blacklisted != 0 || (main != certificates.end() && is_blacklisted(ctx.sql, main->number));
    return response;
}

CustomerSaveResponse handle(OpContext& ctx, const CustomerCreateRequest& request)
{
    auto customer = request.customer;
    customer.customer_id = next_id(ctx, "customer", "C");
    customer.status = "active";
    check_common(ctx, customer);
    check_group_name_free(ctx, customer);
    check_certificate_free(ctx, customer);
    OptionalText address(customer.address), phone(customer.contact_phone), type(customer.group_type),
        grid(customer.grid);
    const auto change = next_change(ctx);
    const auto now = iso(ctx.now);
    ctx.sql << "INSERT INTO customers (customer_id, kind, name, grade, status, address, contact_phone, group_type, "
               "grid, version, change_seq, served_by, updated_at) VALUES (:id, :k, :n, :g, :s, :a, :p, :t, :gr, 1, "
               ":ch, :by, :u)",
        soci::use(customer.customer_id), soci::use(customer.kind), soci::use(customer.name), soci::use(customer.grade),
        soci::use(customer.status), soci::use(address.value, address.ind), soci::use(phone.value, phone.ind),
        soci::use(type.value, type.ind), soci::use(grid.value, grid.ind), soci::use(change),
        soci::use(ctx.caller.staff_id), soci::use(now);
    write_children(ctx, customer);
    audit(ctx, "customerCreate", customer.customer_id);
    return {load_customer(ctx.sql, customer.customer_id)};
}

CustomerSaveResponse handle(OpContext& ctx, const CustomerUpdateRequest& request)
{
    auto customer = request.customer;
    const auto current = load_customer(ctx.sql, customer.customer_id);
    if (current.version != customer.version) {
        // Someone else changed the customer since it was read: the back office's copy wins, the clerk re-reads.
        refuse(ResultCode::validation,
               {{"field", "customer/version"}, {"reason", "stale"}, {"current", std::to_string(current.version)}});
    }
    if (customer.kind != current.kind) {
        refuse_field("customer/kind", "immutable");
    }
    check_common(ctx, customer);
    check_group_name_free(ctx, customer);
    check_certificate_free(ctx, customer);
    OptionalText address(customer.address), phone(customer.contact_phone), type(customer.group_type),
        grid(customer.grid);
    const auto change = next_change(ctx);
    const auto now = iso(ctx.now);
    ctx.sql << "UPDATE customers SET name = :n, grade = :g, status = :s, address = :a, contact_phone = :p, "
               "group_type = :t, grid = :gr, version = version + 1, change_seq = :ch, updated_at = :u "
               "WHERE customer_id = :id",
        soci::use(customer.name), soci::use(customer.grade), soci::use(customer.status),
        soci::use(address.value, address.ind), soci::use(phone.value, phone.ind), soci::use(type.value, type.ind),
        soci::use(grid.value, grid.ind), soci::use(change), soci::use(now), soci::use(customer.customer_id);
    write_children(ctx, customer);
    audit(ctx, "customerUpdate", customer.customer_id);
    return {load_customer(ctx.sql, customer.customer_id)};
}

PreCheckResponse handle(OpContext& ctx, const PreCheckRequest& request)
{
    if (request.service_kind != "fixedLine" && request.service_kind != "mobile") {
        refuse_field("serviceKind", "unknown");
    }
    PreCheckResponse response;
    const auto id_number = canonical_id(ctx, request.id_number);
    response.blacklisted = is_blacklisted(ctx.sql, id_number);
    long long arrears = 0;
    soci::indicator ind = soci::i_null;
    ctx.sql << "SELECT SUM(k.arrears_fen) FROM customers k WHERE k.customer_id IN "
               "(SELECT customer_id FROM certificates WHERE number = :n)",
        soci::use(id_number), soci::into(arrears, ind);
    response.arrears = domain::Money::from_fen(ind == soci::i_ok ? arrears : 0);
    int held = 0;
    ctx.sql << "SELECT COUNT(*) FROM services s WHERE s.kind = :k AND s.status <> 'terminated' AND s.customer_id IN "
               "(SELECT customer_id FROM certificates WHERE number = :n AND main = 1)",
        soci::use(request.service_kind), soci::use(id_number), soci::into(held);
    response.quota_used = held;
    response.quota_limit = setting_int(ctx.sql, "quota_" + request.service_kind, 5);
    if (request.service_number) {
        soci::rowset<std::string> open =
            (ctx.sql.prepare << "SELECT order_id FROM orders WHERE service_number = :s AND state IN "
                                "('acknowledged', 'pending', 'held', 'inProgress', 'assessingCancellation', "
                                "'pendingCancellation') ORDER BY order_id",
             soci::use(*request.service_number));
        response.open_orders.assign(open.begin(), open.end());
    }
    if (response.blacklisted) {
        response.problems.emplace_back(to_string(ResultCode::blacklisted));
    }
    if (response.arrears > domain::Money{}) {
        response.problems.emplace_back(to_string(ResultCode::arrears));
    }
    if (response.quota_used >= response.quota_limit) {
        response.problems.emplace_back(to_string(ResultCode::id_quota));
    }
    if (!response.open_orders.empty()) {
        response.problems.emplace_back(to_string(ResultCode::open_order));
    }
    return response;
}

} // namespace backoffice
