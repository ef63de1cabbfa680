#pragma once
/// 工号与角色 (staff and roles administration): listing, saving and deleting staff members and roles at the back
/// office. Online only: who may sign in and what they may do is decided there, so nothing is queued or cached.
///
/// Every save and delete is checked here first, with the back office's own rules (a 工号 of A-Z a-z 0-9 _ -, a name,
/// at least one role, a new member's initial password of 8 characters or more, built-in roles and the built-in user
/// never deleted, nobody deleting or disabling themselves): a refusal is a domain::Problem and nothing is sent. The
/// back office's refusals of the same rules come back as the same Problems, so the screen words them one way.
/// Each write is sent once with a fresh idempotency key (retried inside the call with that key only).

#include "client/workflows/workstation/desk.h"
#include "domain/problem.h"
#include "services/bssclient/bss_client.h"
#include "services/contract/messages/admin.h"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// What an administration call gives: the answer, a rule broken (nothing sent, or the back office refused the same
/// rule), or why the back office gave no answer or refused otherwise (E_PERMISSION for a clerk).
template <typename Response> using AdminResult = std::variant<Response, domain::Problem, bss::CallError>;

/// The back office's limits, stated here so the form can say them before anything is sent.
inline constexpr std::size_t kMaxIdLength = 64;      ///< 工号 and role id (the contract's short text)
inline constexpr std::size_t kMaxNameLength = 200;   ///< the contract's text
inline constexpr std::size_t kMinPasswordLength = 8; ///< an initial password, as staffSave requires
inline constexpr std::size_t kMaxPasswordLength = 128;

class StaffAdministration
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit StaffAdministration(Desk& desk);
    /// `client` signed in as `staff` (an administrator), or null: every call then answers that administration
    /// needs the back office. `workstation_id` prefixes the idempotency keys, as for the other direct writes.
    StaffAdministration(bss::BssClient* client, std::string staff, std::string workstation_id);

    /// Everyone not deleted, sorted by 工号.
    AdminResult<std::vector<contract::StaffRecord>> list_staff();
    /// Every role with its permissions, and every permission the back office knows (for the role editor).
    AdminResult<contract::RoleListResponse> list_roles();

    /// A new staff member with `initial_password`, which they must change at their first sign-in. Refused with
    /// E_STAFF_ID {reason: taken} when the 工号 is already in use (saving would overwrite that member).
    AdminResult<contract::StaffRecord> create_staff(const contract::StaffRecord& staff,
                                                    const std::string& initial_password);
    /// Replaces an existing member's name, hall, roles and enabled flag (and unlocks them). With `new_password`, sets
    /// a password they must change at their next sign-in.
    AdminResult<contract::StaffRecord> update_staff(const contract::StaffRecord& staff,
                                                    const std::optional<std::string>& new_password = std::nullopt);
    /// Deletes `staff` (as listed): refused here for the built-in user and for oneself.
    AdminResult<contract::StaffDeleteResponse> delete_staff(const contract::StaffRecord& staff);

    /// A new role. Refused with E_ROLE_ID {reason: taken} when the id is in use.
    AdminResult<contract::RoleRecord> create_role(const contract::RoleRecord& role);
    /// Renames a role and replaces its permissions; built-in roles cannot be changed.
    AdminResult<contract::RoleRecord> update_role(const contract::RoleRecord& role);
    /// Deletes `role` (as listed): refused here for a built-in role. The back office refuses a role still held by
    /// someone with E_VALIDATION {field: roleId, reason: inUse, staff: how many}.
    AdminResult<contract::RoleDeleteResponse> delete_role(const contract::RoleRecord& role);

    /// Every rule a staff record breaks, without I/O, in the form's order (工号, name, roles, password). `creating`:
    /// a new member, whose `password` is required; otherwise a `password` given is checked the same way. `self` is
    /// the signed-in 工号 (who may not disable themselves).
    [[nodiscard]] static std::vector<domain::Problem> check_staff(const contract::StaffRecord& staff,
                                                                  const std::optional<std::string>& password,
                                                                  bool creating, const std::string& self);
    /// Every rule a role breaks, without I/O (id, name; a built-in role is never saved).
    [[nodiscard]] static std::vector<domain::Problem> check_role(const contract::RoleRecord& role);
    /// A 工号 or role id as the back office accepts it: empty, a character outside A-Z a-z 0-9 _ - (its position,
    /// from 1), or too long. `code` is staff_id or role_id.
    [[nodiscard]] static std::optional<domain::Problem> check_id(domain::Errc code, const std::string& id);

private:
    [[nodiscard]] std::string new_key() const;

    bss::BssClient* m_client;
    std::string m_staff;
    std::string m_workstation;
};

/// The error given when there is no back office: administration cannot work from the cache.
bss::CallError administration_offline();
/// Whether `error` is administration_offline()'s.
bool is_administration_offline(const bss::CallError& error);

} // namespace workflows
