#include "client/workflows/admin/staff_administration.h"

#include <algorithm>

namespace workflows {

namespace {

constexpr const char* kOfflineDetail = "no back office: staff and roles administration needs it";

/// Characters (UTF-8 code points) in `text`.
std::size_t characters(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

bool id_character(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::optional<domain::Problem> check_name(domain::Errc code, const std::string& name)
{
    if (blank(name)) {
        return domain::problem(code, {{"reason", "empty"}});
    }
    if (characters(name) > kMaxNameLength) {
        return domain::problem(code, {{"reason", "long"}, {"maximum", std::to_string(kMaxNameLength)}});
    }
    return std::nullopt;
}

std::optional<domain::Problem> check_password(const std::optional<std::string>& password, bool required)
{
    if (!password || password->empty()) {
        if (required) {
            return domain::problem(domain::Errc::staff_password, {{"reason", "missing"}});
        }
        return std::nullopt;
    }
    const auto length = characters(*password);
    if (length < kMinPasswordLength) {
        return domain::problem(
            domain::Errc::staff_password,
            {{"reason", "short"}, {"length", std::to_string(length)}, {"minimum", std::to_string(kMinPasswordLength)}});
    }
    if (length > kMaxPasswordLength) {
        return domain::problem(domain::Errc::staff_password,
                               {{"reason", "long"}, {"maximum", std::to_string(kMaxPasswordLength)}});
    }
    return std::nullopt;
}

/// What the back office said, as the Problem of the same rule when it is one of ours. `action` says what was
/// asked of a built-in record ("delete" or "change").
std::optional<domain::Problem> as_problem(const bss::CallError& error, const std::string& staff_id,
                                          const std::string& role_id, const char* action)
{
    if (error.kind != bss::FailureKind::fault) {
        return std::nullopt;
    }
    const auto code = error.code();
    const auto reason = error.param("reason");
    if (code == "E_PERMISSION") {
        if (reason == "builtIn") {
            if (!role_id.empty()) {
                return domain::problem(domain::Errc::role_built_in, {{"role", role_id}, {"action", action}});
            }
            return domain::problem(domain::Errc::staff_built_in, {{"staff", staff_id}});
        }
        if (reason == "self") {
            return domain::problem(domain::Errc::staff_self, {{"action", "delete"}});
        }
        return std::nullopt;
    }
    if (code != "E_VALIDATION") {
        return std::nullopt;
    }
    const auto field = error.param("field");
    if (field == "staff/staffId") {
        return StaffAdministration::check_id(domain::Errc::staff_id, staff_id)
            .value_or(domain::problem(domain::Errc::staff_id, {{"reason", "character"}}));
    }
    if (field == "staff/role") {
        return domain::problem(domain::Errc::staff_roles, {{"reason", reason == "unknown" ? "unknown" : "none"}});
    }
    if (field == "staff/enabled" && reason == "self") {
        return domain::problem(domain::Errc::staff_self, {{"action", "disable"}});
    }
    if (field == "initialPassword") {
        if (reason == "missing") {
            return domain::problem(domain::Errc::staff_password, {{"reason", "missing"}});
        }
        return domain::problem(domain::Errc::staff_password,
                               {{"reason", "short"}, {"minimum", std::to_string(kMinPasswordLength)}});
    }
    return std::nullopt;
}

/// The call's answer, or its error as a Problem where it is one of the rules.
template <typename Response, typename Answer>
AdminResult<Response> answered(Answer answer, const std::string& staff_id, const std::string& role_id,
                               const char* action)
{
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        if (auto problem = as_problem(*error, staff_id, role_id, action)) {
            return *std::move(problem);
        }
        return std::move(*error);
    }
    return std::get<Response>(std::move(answer));
}

/// The record a save answered with.
template <typename Record, typename Response>
AdminResult<Record> saved_record(AdminResult<Response> answer, Record Response::*record)
{
    if (auto* saved = std::get_if<Response>(&answer)) {
        return std::move(saved->*record);
    }
    if (auto* problem = std::get_if<domain::Problem>(&answer)) {
        return std::move(*problem);
    }
    return std::get<bss::CallError>(std::move(answer));
}

template <typename Response, typename Answer> AdminResult<Response> passed(Answer answer)
{
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        return std::move(*error);
    }
    return std::get<Response>(std::move(answer));
}

} // namespace

bss::CallError administration_offline()
{
    bss::CallError error;
    error.kind = bss::FailureKind::transport;
    error.detail = kOfflineDetail;
    return error;
}

bool is_administration_offline(const bss::CallError& error)
{
    return error.kind == bss::FailureKind::transport && error.detail == kOfflineDetail;
}

StaffAdministration::StaffAdministration(Desk& desk)
    : StaffAdministration(desk.client(), desk.services().staff, desk.services().workstation_id)
{
}

StaffAdministration::StaffAdministration(bss::BssClient* client, std::string staff, std::string workstation_id)
    : m_client(client), m_staff(std::move(staff)), m_workstation(std::move(workstation_id))
{
}

std::string StaffAdministration::new_key() const
{
    auto key = bss::new_idempotency_key();
    // The contract allows 64 characters: the workstation's id goes in front when it fits.
    if (!m_workstation.empty() && m_workstation.size() + 1 + key.size() <= 64) {
        key = m_workstation + "-" + key;
    }
    return key;
}

std::optional<domain::Problem> StaffAdministration::check_id(domain::Errc code, const std::string& id)
{
    if (id.empty()) {
        return domain::problem(code, {{"reason", "empty"}});
    }
    std::size_t position = 0;
    for (const char c : id) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++position; // counts characters, not the bytes of a multi-byte one
        }
        if (!id_character(c)) {
            return domain::problem(code, {{"reason", "character"}, {"position", std::to_string(position)}});
        }
    }
    if (id.size() > kMaxIdLength) {
        return domain::problem(code, {{"reason", "long"}, {"maximum", std::to_string(kMaxIdLength)}});
    }
    return std::nullopt;
}

std::vector<domain::Problem> StaffAdministration::check_staff(const contract::StaffRecord& staff,
                                                              const std::optional<std::string>& password, bool creating,
                                                              const std::string& self)
{
    std::vector<domain::Problem> problems;
    if (auto problem = check_id(domain::Errc::staff_id, staff.staff_id)) {
        problems.push_back(*std::move(problem));
    }
    if (auto problem = check_name(domain::Errc::staff_name, staff.name)) {
        problems.push_back(*std::move(problem));
    }
    if (staff.roles.empty()) {
        problems.push_back(domain::problem(domain::Errc::staff_roles, {{"reason", "none"}}));
    }
    if (auto problem = check_password(password, creating)) {
        problems.push_back(*std::move(problem));
    }
    if (!creating && !staff.enabled && !self.empty() && staff.staff_id == self) {
        problems.push_back(domain::problem(domain::Errc::staff_self, {{"action", "disable"}}));
    }
    return problems;
}

std::vector<domain::Problem> StaffAdministration::check_role(const contract::RoleRecord& role)
{
    std::vector<domain::Problem> problems;
    if (role.built_in) {
        problems.push_back(
            domain::problem(domain::Errc::role_built_in, {{"role", role.role_id}, {"action", "change"}}));
        return problems;
    }
    if (auto problem = check_id(domain::Errc::role_id, role.role_id)) {
        problems.push_back(*std::move(problem));
    }
    if (auto problem = check_name(domain::Errc::role_name, role.name)) {
        problems.push_back(*std::move(problem));
    }
    return problems;
}

AdminResult<std::vector<contract::StaffRecord>> StaffAdministration::list_staff()
{
    if (m_client == nullptr) {
        return administration_offline();
    }
    auto answer = m_client->call(contract::StaffListRequest{});
    if (auto* listed = std::get_if<contract::StaffListResponse>(&answer)) {
        return std::move(listed->staff);
    }
    return std::get<bss::CallError>(std::move(answer));
}

AdminResult<contract::RoleListResponse> StaffAdministration::list_roles()
{
    if (m_client == nullptr) {
        return administration_offline();
    }
    return passed<contract::RoleListResponse>(m_client->call(contract::RoleListRequest{}));
}

AdminResult<contract::StaffRecord> StaffAdministration::create_staff(const contract::StaffRecord& staff,
                                                                     const std::string& initial_password)
{
    const auto problems = check_staff(staff, initial_password, true, m_staff);
    if (!problems.empty()) {
        return problems.front();
    }
    if (m_client == nullptr) {
        return administration_offline();
    }
    // staffSave creates or replaces: ask first, so a new member never overwrites an existing one.
    auto listed = list_staff();
    if (auto* error = std::get_if<bss::CallError>(&listed)) {
        return std::move(*error);
    }
    const auto& existing = std::get<std::vector<contract::StaffRecord>>(listed);
    if (std::ranges::any_of(existing, [&](const auto& s) { return s.staff_id == staff.staff_id; })) {
        return domain::problem(domain::Errc::staff_id, {{"reason", "taken"}, {"staff", staff.staff_id}});
    }
    contract::StaffSaveRequest request;
    request.staff = staff;
    request.staff.locked = false;
    request.staff.built_in = false;
    request.initial_password = initial_password;
    return saved_record<contract::StaffRecord>(
        answered<contract::StaffSaveResponse>(m_client->call(request, new_key()), staff.staff_id, {}, "change"),
        &contract::StaffSaveResponse::staff);
}

AdminResult<contract::StaffRecord> StaffAdministration::update_staff(const contract::StaffRecord& staff,
                                                                     const std::optional<std::string>& new_password)
{
    const auto problems = check_staff(staff, new_password, false, m_staff);
    if (!problems.empty()) {
        return problems.front();
    }
    if (m_client == nullptr) {
        return administration_offline();
    }
    contract::StaffSaveRequest request;
    request.staff = staff;
    if (new_password && !new_password->empty()) {
        request.initial_password = new_password;
    }
    return saved_record<contract::StaffRecord>(
        answered<contract::StaffSaveResponse>(m_client->call(request, new_key()), staff.staff_id, {}, "change"),
        &contract::StaffSaveResponse::staff);
}

AdminResult<contract::StaffDeleteResponse> StaffAdministration::delete_staff(const contract::StaffRecord& staff)
{
    if (staff.built_in) {
        return domain::problem(domain::Errc::staff_built_in, {{"staff", staff.staff_id}});
    }
    if (staff.staff_id == m_staff) {
        return domain::problem(domain::Errc::staff_self, {{"action", "delete"}});
    }
    if (auto problem = check_id(domain::Errc::staff_id, staff.staff_id)) {
        return *std::move(problem);
    }
    if (m_client == nullptr) {
        return administration_offline();
    }
    return answered<contract::StaffDeleteResponse>(
        m_client->call(contract::StaffDeleteRequest{staff.staff_id}, new_key()), staff.staff_id, {}, "delete");
}

AdminResult<contract::RoleRecord> StaffAdministration::create_role(const contract::RoleRecord& role)
{
    const auto problems = check_role(role);
    if (!problems.empty()) {
        return problems.front();
    }
    if (m_client == nullptr) {
        return administration_offline();
    }
    // roleSave creates or replaces, like staffSave.
    auto listed = list_roles();
    if (auto* error = std::get_if<bss::CallError>(&listed)) {
        return std::move(*error);
    }
    const auto& existing = std::get<contract::RoleListResponse>(listed).roles;
    if (std::ranges::any_of(existing, [&](const auto& r) { return r.role_id == role.role_id; })) {
        return domain::problem(domain::Errc::role_id, {{"reason", "taken"}, {"role", role.role_id}});
    }
    return saved_record<contract::RoleRecord>(
        answered<contract::RoleSaveResponse>(m_client->call(contract::RoleSaveRequest{role}, new_key()), {},
                                             role.role_id, "change"),
        &contract::RoleSaveResponse::role);
}

AdminResult<contract::RoleRecord> StaffAdministration::update_role(const contract::RoleRecord& role)
{
    const auto problems = check_role(role);
    if (!problems.empty()) {
        return problems.front();
    }
    if (m_client == nullptr) {
        return administration_offline();
    }
    return saved_record<contract::RoleRecord>(
        answered<contract::RoleSaveResponse>(m_client->call(contract::RoleSaveRequest{role}, new_key()), {},
                                             role.role_id, "change"),
        &contract::RoleSaveResponse::role);
}

AdminResult<contract::RoleDeleteResponse> StaffAdministration::delete_role(const contract::RoleRecord& role)
{
    if (role.built_in) {
        return domain::problem(domain::Errc::role_built_in, {{"role", role.role_id}, {"action", "delete"}});
    }
    if (auto problem = check_id(domain::Errc::role_id, role.role_id)) {
        return *std::move(problem);
    }
    if (m_client == nullptr) {
        return administration_offline();
    }
    return answered<contract::RoleDeleteResponse>(m_client->call(contract::RoleDeleteRequest{role.role_id}, new_key()),
                                                  {}, role.role_id, "delete");
}

} // namespace workflows
