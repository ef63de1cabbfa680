#include "client/workflows/workstation/sign_in.h"

#include <algorithm>

namespace workflows {

bool StaffSession::may(const std::string& permission) const
{
    return std::ranges::find(staff.permissions, permission) != staff.permissions.end();
}

std::variant<StaffSession, bss::CallError> sign_in(bss::BssClient& client, const std::string& staff_id,
                                                   const std::string& password)
{
    contract::LoginRequest request;
    request.staff_id = staff_id;
    request.password = password;
    auto answer = client.call(request);
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        return std::move(*error);
    }
    auto& login = std::get<contract::LoginResponse>(answer);
    client.set_session_token(login.session_token);
    return StaffSession{std::move(login.staff), std::move(login.session_token), login.expires_at,
                        login.must_change_password};
}

std::optional<bss::CallError> change_password(bss::BssClient& client, const std::string& old_password,
                                              const std::string& new_password)
{
    contract::ChangePasswordRequest request;
    request.old_password = old_password;
    request.new_password = new_password;
    auto answer = client.call(request, bss::new_idempotency_key());
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        return std::move(*error);
    }
    return std::nullopt;
}

std::optional<bss::CallError> sign_out(bss::BssClient& client)
{
    std::optional<bss::CallError> problem;
    if (!client.session_token().empty()) {
        auto answer = client.call(contract::LogoutRequest{});
        if (auto* error = std::get_if<bss::CallError>(&answer)) {
            problem = std::move(*error);
        }
    }
    client.set_session_token({});
    return problem;
}

} // namespace workflows
