#include "client/workflows/group/open_group_customer.h"

#include "client/store/customer_cache.h"
#include "client/workflows/forms/record_documents.h"
#include "domain/phone_number.h"

namespace workflows {

const char* certificate_type_name(domain::CertificateKind kind)
{
    switch (kind) {
    case domain::CertificateKind::business_licence:
        return "businessLicence";
    case domain::CertificateKind::org_code_certificate:
        return "orgCode";
    case domain::CertificateKind::public_institution:
        return "institutionCertificate";
    case domain::CertificateKind::introduction_letter:
        return "introductionLetter";
    case domain::CertificateKind::personal_id:
        break;
    }
    return "idCard";
}

const char* group_type_name(domain::GroupType type)
{
    switch (type) {
    case domain::GroupType::key_account:
        return "keyAccount";
    case domain::GroupType::sme:
        return "sme";
    case domain::GroupType::other:
        break;
    }
    return "other";
}

OpenGroupCustomer::OpenGroupCustomer(Desk& desk)
    : OpenGroupCustomer(desk.sql(), desk.client(), desk.services().staff, desk.services().workstation_id,
                        desk.services().clock)
{
}

OpenGroupCustomer::OpenGroupCustomer(soci::session& sql, bss::BssClient* client, std::string staff,
                                     std::string workstation_id, std::function<store::UtcTime()> clock)
    : m_sql(sql), m_client(client), m_staff(std::move(staff)), m_workstation(std::move(workstation_id)),
      m_clock(std::move(clock))
{
}

std::variant<GroupNameCheck, bss::CallError> OpenGroupCustomer::check_group_name(const std::string& name)
{
    GroupNameCheck check;
    if (m_client != nullptr) {
        contract::CustomerFindRequest request;
        request.name = name;
        auto answer = m_client->call(request);
        if (auto* found = std::get_if<contract::CustomerFindResponse>(&answer)) {
            check.status = GroupNameCheck::Status::free;
            // customerFind matches groups whose name contains the text: only the same name is a clash.
            for (const auto& customer : found->customers) {
                if (customer.kind == "group" && customer.name == name) {
                    check.status = GroupNameCheck::Status::exists;
                    check.existing_customer_id = customer.customer_id;
                }
            }
            return check;
        }
        auto& error = std::get<bss::CallError>(answer);
        if (!no_answer(error)) {
            return std::move(error);
        }
        check.offline = std::move(error);
    }
    // Offline the cache can prove a clash but never its absence.
    for (const auto& cached : store::CustomerCache(m_sql).search_groups(name, 50)) {
        if (cached.name == name) {
            check.status = GroupNameCheck::Status::exists;
            check.existing_customer_id = cached.customer_id;
            check.from_cache = true;
            break;
        }
    }
    return check;
}

std::vector<domain::Problem> OpenGroupCustomer::check(const GroupApplication& application, domain::Date today)
{
    domain::GroupCustomerDraft draft;
    draft.name = application.name;
    draft.type = application.type;
    draft.managers = application.managers;
    draft.grid = application.grid;
    for (const auto& certificate : application.certificates) {
        draft.certificates.push_back({certificate.kind, certificate.number, certificate.main});
    }
    auto problems = domain::check_group_customer(draft, today);
    if (application.contact_phone && !application.contact_phone->empty()) {
        if (auto phone = domain::PhoneNumber::parse(*application.contact_phone); !phone) {
            auto p = phone.error();
            p.params.emplace_back("field", "contactPhone");
            problems.push_back(std::move(p));
        }
    }
    return problems;
}

contract::CustomerRecord OpenGroupCustomer::record_for(const GroupApplication& application)
{
    contract::CustomerRecord record;
    record.customer_id = "new";
    record.kind = "group";
    record.name = application.name;
    record.grade = application.grade;
    for (const auto& certificate : application.certificates) {
        record.certificates.push_back(
            {certificate_type_name(certificate.kind), certificate.number, certificate.main, certificate.valid_to});
    }
    record.address = application.address;
    if (application.contact_phone && !application.contact_phone->empty()) {
        record.contact_phone = domain::PhoneNumber::parse(*application.contact_phone)->str();
    }
    record.customer_managers = application.managers;
    record.group_type = group_type_name(application.type);
    // A key account never has a grid; an empty one typed by mistake is no grid at all.
    if (application.grid && !application.grid->empty()) {
        record.grid = application.grid;
    }
    return record;
}

std::variant<OpenedCustomer, std::vector<domain::Problem>, bss::CallError>
OpenGroupCustomer::open(const GroupApplication& application, domain::Date today)
{
    auto problems = check(application, today);
    if (!problems.empty()) {
        return problems;
    }
    const auto at = m_clock ? m_clock() : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto created = create_customer(m_sql, m_client, m_staff, m_workstation + "-" + bss::new_idempotency_key(),
                                   record_for(application), at);
    if (auto* error = std::get_if<bss::CallError>(&created)) {
        return std::move(*error);
    }
    return std::get<OpenedCustomer>(std::move(created));
}

} // namespace workflows
