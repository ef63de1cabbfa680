#pragma once
/// Signing a clerk in at the back office: the session the workflows and the sync worker send with, and what the
/// screens may offer (the back office checks every call again).

#include "services/bssclient/bss_client.h"

#include <optional>
#include <string>
#include <variant>

namespace workflows {

struct StaffSession
{
    contract::StaffProfile staff;
    std::string token;
    contract::Timestamp expires_at{};
    bool must_change_password = false; ///< a first or reset password opens nothing but changing it

    [[nodiscard]] bool may(const std::string& permission) const;
};

/// Logs in; on success `client` carries the session from then on.
std::variant<StaffSession, bss::CallError> sign_in(bss::BssClient& client, const std::string& staff_id,
                                                   const std::string& password);

/// Changes the signed-in clerk's own password (`client` carries the session). Sent once with a fresh idempotency
/// key: a clerk who gets no answer types it again rather than the workstation keeping a password to resend.
/// Refusals come back as the back office's E_VALIDATION {field: oldPassword, reason: wrong} or
/// {field: newPassword, reason: weak | unchanged}; the screen says which.
std::optional<bss::CallError> change_password(bss::BssClient& client, const std::string& old_password,
                                              const std::string& new_password);

/// Ends the clerk's session at the back office (logout), and `client` forgets the token whatever the answer: a back
/// office that cannot be told lets the token expire by itself. The error says it could not be told.
std::optional<bss::CallError> sign_out(bss::BssClient& client);

} // namespace workflows
