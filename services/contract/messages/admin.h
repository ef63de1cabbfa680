#pragma once
/// Administration: staff, roles and their permissions. The default role and user are built in and cannot be deleted.

#include "services/contract/messages/auth.h"

namespace contract {

struct StaffRecord
{
    std::string staff_id;
    std::string name;
    std::string hall_id;
    std::vector<std::string> roles;
    bool enabled = true;
    bool locked = false;   ///< too many failed logins; saving the record unlocks it
    bool built_in = false; ///< the default user

    template <class V> void visit(V& v)
    {
        v("staffId", staff_id, kShortText);
        v("name", name);
        v("hallId", hall_id, kShortText);
        v("role", roles, kShortText);
        v("enabled", enabled);
        v("locked", locked);
        v("builtIn", built_in);
    }
};

struct RoleRecord
{
    std::string role_id;
    std::string name;
    bool built_in = false;
    std::vector<std::string> permissions;

    template <class V> void visit(V& v)
    {
        v("roleId", role_id, kShortText);
        v("name", name);
        v("builtIn", built_in);
        v("permission", permissions, kShortText);
    }
};

struct StaffListResponse
{
    static constexpr const char* kRoot = "staffListResponse";
    std::vector<StaffRecord> staff;

    template <class V> void visit(V& v) { v("staff", staff); }
};

struct StaffListRequest : EmptyResponse
{
    static constexpr const char* kRoot = "staffListRequest";
    static constexpr const char* kOperation = "staffList";
    static constexpr bool kWrite = false;
    using Response = StaffListResponse;
};

struct StaffSaveResponse
{
    static constexpr const char* kRoot = "staffSaveResponse";
    StaffRecord staff;

    template <class V> void visit(V& v) { v("staff", staff); }
};

/// Creates or updates a staff member; a new one needs an initial password, which must be changed at first login.
struct StaffSaveRequest
{
    static constexpr const char* kRoot = "staffSaveRequest";
    static constexpr const char* kOperation = "staffSave";
    static constexpr bool kWrite = true;
    using Response = StaffSaveResponse;
    StaffRecord staff;
    std::optional<std::string> initial_password;

    template <class V> void visit(V& v)
    {
        v("staff", staff);
        v("initialPassword", initial_password, Limit{128});
    }
};

struct StaffDeleteResponse : EmptyResponse
{
    static constexpr const char* kRoot = "staffDeleteResponse";
};

struct StaffDeleteRequest
{
    static constexpr const char* kRoot = "staffDeleteRequest";
    static constexpr const char* kOperation = "staffDelete";
    static constexpr bool kWrite = true;
    using Response = StaffDeleteResponse;
    std::string staff_id;

    template <class V> void visit(V& v) { v("staffId", staff_id, kShortText); }
};

struct RoleListResponse
{
    static constexpr const char* kRoot = "roleListResponse";
    std::vector<RoleRecord> roles;
    std::vector<std::string> permissions; ///< every permission the back office knows, for the editor

    template <class V> void visit(V& v)
    {
        v("role", roles);
        v("knownPermission", permissions, kShortText);
    }
};

struct RoleListRequest : EmptyResponse
{
    static constexpr const char* kRoot = "roleListRequest";
    static constexpr const char* kOperation = "roleList";
    static constexpr bool kWrite = false;
    using Response = RoleListResponse;
};

struct RoleSaveResponse
{
    static constexpr const char* kRoot = "roleSaveResponse";
    RoleRecord role;

    template <class V> void visit(V& v) { v("role", role); }
};

struct RoleSaveRequest
{
    static constexpr const char* kRoot = "roleSaveRequest";
    static constexpr const char* kOperation = "roleSave";
    static constexpr bool kWrite = true;
    using Response = RoleSaveResponse;
    RoleRecord role;

    template <class V> void visit(V& v) { v("role", role); }
};

struct RoleDeleteResponse : EmptyResponse
{
    static constexpr const char* kRoot = "roleDeleteResponse";
};

struct RoleDeleteRequest
{
    static constexpr const char* kRoot = "roleDeleteRequest";
    static constexpr const char* kOperation = "roleDelete";
    static constexpr bool kWrite = true;
    using Response = RoleDeleteResponse;
    std::string role_id;

    template <class V> void visit(V& v) { v("roleId", role_id, kShortText); }
};

} // namespace contract
