#include "client/workflows/acceptance/open_individual_customer.h"

#include "client/store/audit_log.h"
#include "client/store/customer_cache.h"
#include "client/store/outbox.h"
#include "client/store/write_transaction.h"
#include "client/workflows/forms/record_documents.h"
#include "domain/card_validity.h"
#include "domain/id_number.h"
#include "domain/masking.h"
#include "domain/phone_number.h"
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <algorithm>

namespace workflows {
namespace {

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\xE3\x80\x80") == std::string::npos;
}

/// Adds `p` with the role and field it concerns, unless the domain already named them.
void add_tagged(std::vector<domain::Problem>& out, domain::Problem p, const char* role, const char* field)
{
    if (role != nullptr && p.param("role").empty()) {
        p.params.emplace_back("role", role);
    }
    if (p.param("field").empty()) {
        p.params.emplace_back("field", field);
    }
    out.push_back(std::move(p));
}

/// Checks one person's own fields; their document when it could be read.
std::optional<domain::PersonDocument> check_person(const PersonIdentity& person, const char* role, domain::Date today,
                                                   std::vector<domain::Problem>& out)
{
    if (blank(person.name)) {
        add_tagged(out, domain::problem(domain::Errc::empty), role, "name");
    }
    auto id = domain::IdNumber::parse(person.id_number, today);
    if (!id) {
        add_tagged(out, id.error(), role, "idNumber");
    }
    auto validity = domain::CardValidity::parse(person.valid_from, person.valid_to);
    if (!validity) {
        add_tagged(out, validity.error(), role, "validity");
    }
    if (id && person.birth && *person.birth != domain::format_yyyymmdd(id->birth_date())) {
        add_tagged(out,
                   domain::problem(domain::Errc::card_birth_mismatch,
                                   {{"card", *person.birth}, {"number", domain::format_yyyymmdd(id->birth_date())}}),
                   role, "birth");
    }
    if (!id || !validity) {
        return std::nullopt;
    }
    return domain::PersonDocument{*id, *validity};
}

const char* certificate_type(domain::IdKind kind)
{
    switch (kind) {
    case domain::IdKind::resident:
        return "idCard";
    case domain::IdKind::hmt_residence_permit:
        return "hmtPermit";
    case domain::IdKind::foreign_permanent_2017:
    case domain::IdKind::foreign_permanent_2023:
        break;
    }
    return "foreignerPermit";
}

bool person_document(const std::string& type)
{
    return type == "idCard" || type == "hmtPermit" || type == "foreignerPermit";
}

std::string masked_main_number(const contract::CustomerRecord& customer)
{
    for (const auto& certificate : customer.certificates) {
        if (certificate.main) {
            return person_document(certificate.type) ? domain::mask_id_number(certificate.number) : certificate.number;
        }
    }
    return {};
}

bss::CallError no_back_office()
{
    bss::CallError error;
    error.kind = bss::FailureKind::transport;
    error.detail = "no back office configured";
    return error;
}

} // namespace

std::variant<OpenedCustomer, bss::CallError> create_customer(soci::session& sql, bss::BssClient* client,
                                                             const std::string& staff, const std::string& local_id,
                                                             const contract::CustomerRecord& record, store::UtcTime now)
{
    // Encoded once: a repeat of a write must carry the same bytes as well as the same key.
    const auto encoded = contract::encode_request(contract::CustomerCreateRequest{record});
    std::optional<bss::CallError> offline;
    if (client != nullptr) {
        auto answer = client->call_encoded<contract::CustomerCreateRequest>(encoded, local_id);
        if (auto* saved = std::get_if<contract::CustomerSaveResponse>(&answer)) {
            store::WriteTransaction tx(sql);
            store::CustomerCache(sql).put(cached_customer(saved->customer), now);
            store::AuditLog(sql).append(staff, "customer.create", saved->customer.customer_id, "backoffice", now);
            tx.commit();
            OpenedCustomer opened;
            opened.customer = std::move(saved->customer);
            opened.masked_id_number = masked_main_number(opened.customer);
            opened.accepted_by = staff;
            opened.accepted_at = now;
            return opened;
        }
        auto& error = std::get<bss::CallError>(answer);
        if (!no_answer(error)) {
            return std::move(error);
        }
        offline = std::move(error);
    }

    OpenedCustomer opened;
    opened.customer = record;
    opened.customer.customer_id = local_id;
    opened.masked_id_number = masked_main_number(record);
    opened.accepted_by = staff;
    opened.accepted_at = now;
    opened.provisional = true;
    opened.offline = std::move(offline);
    auto row = cached_customer(opened.customer);
    row.provisional = true;
    store::WriteTransaction tx(sql);
    store::CustomerCache(sql).put(row, now);
    store::Outbox(sql).add(
        {local_id, contract::CustomerCreateRequest::kOperation, encoded, "customer:" + local_id, staff}, now);
    store::AuditLog(sql).append(staff, "customer.create", local_id, "provisional", now);
    tx.commit();
    return opened;
}

OpenIndividualCustomer::OpenIndividualCustomer(soci::session& sql, bss::BssClient* client, std::string staff,
                                               std::string workstation_id, OpenCustomerOptions options,
                                               std::function<store::UtcTime()> clock)
    : m_sql(sql), m_client(client), m_staff(std::move(staff)), m_workstation(std::move(workstation_id)),
      m_options(std::move(options)), m_clock(std::move(clock))
{
}

std::vector<domain::Problem> OpenIndividualCustomer::check(const IndividualApplication& application,
                                                           domain::Date today) const
{
    std::vector<domain::Problem> out;
    const auto holder = check_person(application.holder, "holder", today, out);
    std::optional<domain::PersonDocument> agent;
    std::optional<domain::PersonDocument> guardian;
    if (application.agent) {
        agent = check_person(*application.agent, "agent", today, out);
    }
    if (application.guardian) {
        guardian = check_person(*application.guardian, "guardian", today, out);
    }
    if (blank(application.contact_phone)) {
        add_tagged(out, domain::problem(domain::Errc::empty), nullptr, "contactPhone");
    } else if (auto phone = domain::PhoneNumber::parse(application.contact_phone); !phone) {
        add_tagged(out, phone.error(), nullptr, "contactPhone");
    }
    // The age and card rules need every document that was given; one that could not be read is already reported.
    const bool documents_read = holder && (!application.agent || agent) && (!application.guardian || guardian);
    if (documents_read) {
        domain::RealNameParties parties{*holder, agent, guardian};
        for (auto& p : domain::check_real_name(parties, m_options.policy, today)) {
            out.push_back(std::move(p));
        }
    }
    return out;
}

contract::CustomerRecord OpenIndividualCustomer::record_for(const IndividualApplication& application,
                                                            domain::Date today)
{
    const auto id = domain::IdNumber::parse(application.holder.id_number, today);
    const auto validity = domain::CardValidity::parse(application.holder.valid_from, application.holder.valid_to);
    contract::CustomerRecord record;
    record.customer_id = "new";
    record.kind = "individual";
    record.name = application.holder.name;
    record.grade = application.grade;
    record.certificates.push_back({certificate_type(id->kind()), id->str(), true, validity->valid_to()});
    record.address = application.holder.address;
    record.contact_phone = domain::PhoneNumber::parse(application.contact_phone)->str();
    const auto party = [&](const char* role, const PersonIdentity& person) {
        const auto their_id = domain::IdNumber::parse(person.id_number, today);
        record.related_parties.push_back({role, person.name, their_id->str()});
    };
    if (application.agent) {
        party("agent", *application.agent);
    }
    if (application.guardian) {
        party("guardian", *application.guardian);
    }
    return record;
}

std::variant<contract::PreCheckResponse, std::vector<domain::Problem>, bss::CallError>
OpenIndividualCustomer::pre_check(const IndividualApplication& application, domain::Date today)
{
    auto problems = check(application, today);
    if (!problems.empty()) {
        return problems;
    }
    if (m_client == nullptr) {
        return no_back_office();
    }
    const auto record = record_for(application, today);
    auto answer = m_client->call(
        contract::PreCheckRequest{record.certificates.at(0).number, m_options.service_kind, std::nullopt});
    if (auto* findings = std::get_if<contract::PreCheckResponse>(&answer)) {
        return std::move(*findings);
    }
    return std::get<bss::CallError>(std::move(answer));
}

OpenCustomerOutcome OpenIndividualCustomer::open(const IndividualApplication& application, domain::Date today)
{
    auto problems = check(application, today);
    if (!problems.empty()) {
        return problems;
    }
    const auto record = record_for(application, today);
    const auto at = m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());

    std::optional<contract::PreCheckResponse> findings;
    std::optional<bss::CallError> unanswered;
    if (m_client != nullptr) {
        auto answer = m_client->call(
            contract::PreCheckRequest{record.certificates.at(0).number, m_options.service_kind, std::nullopt});
        if (auto* response = std::get_if<contract::PreCheckResponse>(&answer)) {
            PreCheckRefusal refusal;
            for (const auto& code : response->problems) {
                if (std::find(m_options.blocking.begin(), m_options.blocking.end(), code) != m_options.blocking.end()) {
                    refusal.blocking.push_back(code);
                }
            }
            if (!refusal.blocking.empty()) {
                refusal.findings = std::move(*response);
                return refusal;
            }
            findings = std::move(*response);
        } else {
            auto& error = std::get<bss::CallError>(answer);
            if (!no_answer(error)) {
                return std::move(error);
            }
            unanswered = std::move(error);
        }
    }

    // Without an answer to the pre-check the create would not be answered either: record it provisionally at once.
    auto created = create_customer(m_sql, unanswered ? nullptr : m_client, m_staff,
                                   m_workstation + "-" + bss::new_idempotency_key(), record, at);
    if (auto* error = std::get_if<bss::CallError>(&created)) {
        return std::move(*error);
    }
    auto opened = std::get<OpenedCustomer>(std::move(created));
    opened.pre_check = std::move(findings);
    if (!opened.offline) {
        opened.offline = std::move(unanswered);
    }
    return opened;
}

} // namespace workflows
