#pragma once
/// Staff sign-in: login, logout, change password.

#include "services/contract/field_types.h"

#include <string>
#include <vector>

namespace contract {

struct StaffProfile
{
    std::string staff_id; ///< 工号
    std::string name;
    std::string hall_id;
    std::vector<std::string> roles;
    std::vector<std::string> permissions; ///< what the screens may offer; the back office checks again on every call

    template <class V> void visit(V& v)
    {
        v("staffId", staff_id, kShortText);
        v("name", name);
        v("hallId", hall_id, kShortText);
        v("role", roles, kShortText);
        v("permission", permissions, kShortText);
    }
};

struct LoginResponse
{
    static constexpr const char* kRoot = "loginResponse";
    std::string session_token;
    Timestamp expires_at{};
    StaffProfile staff;
    bool must_change_password = false;

    template <class V> void visit(V& v)
    {
        v("sessionToken", session_token, kShortText);
        v("expiresAt", expires_at);
        v("staff", staff);
        v("mustChangePassword", must_change_password);
    }
};

struct LoginRequest
{
    static constexpr const char* kRoot = "loginRequest";
    static constexpr const char* kOperation = "login";
    static constexpr bool kWrite = false;
    using Response = LoginResponse;
    std::string staff_id;
    std::string password;

    template <class V> void visit(V& v)
    {
        v("staffId", staff_id, kShortText);
        v("password", password, Limit{128});
    }
};

struct EmptyResponse
{
    template <class V> void visit(V&) {}
};

struct LogoutResponse : EmptyResponse
{
    static constexpr const char* kRoot = "logoutResponse";
};

struct LogoutRequest : EmptyResponse
{
    static constexpr const char* kRoot = "logoutRequest";
    static constexpr const char* kOperation = "logout";
    static constexpr bool kWrite = false;
    using Response = LogoutResponse;
};

struct ChangePasswordResponse : EmptyResponse
{
    static constexpr const char* kRoot = "changePasswordResponse";
};

struct ChangePasswordRequest
{
    static constexpr const char* kRoot = "changePasswordRequest";
    static constexpr const char* kOperation = "changePassword";
    static constexpr bool kWrite = true;
    using Response = ChangePasswordResponse;
    std::string old_password;
    std::string new_password;

    template <class V> void visit(V& v)
    {
        v("oldPassword", old_password, Limit{128});
        v("newPassword", new_password, Limit{128});
    }
};

} // namespace contract
