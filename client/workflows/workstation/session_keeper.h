#pragma once
/// The signed-in clerk's session and the one policy for when the back office ends it. Every client a desk is given
/// comes from here with the policy installed: a call refused with E_SESSION asks renew() for a token and is sent once
/// more. renew() signs in again once for every desk that asks at the same time — with the trainee's stored login in
/// training mode, otherwise with the password the clerk types when asked — and tells the workstation the new token
/// (for its sync worker). A clerk who declines, or whose password is refused, is not asked again for that session.
/// Shared (std::shared_ptr) by the workstation and the clients it handed out: a client that outlives the
/// workstation gets no renewal.

#include "client/workflows/workstation/sign_in.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace workflows {

class SessionKeeper : public std::enable_shared_from_this<SessionKeeper>
{
public:
    /// See Workstation::PasswordPrompt.
    using PasswordPrompt =
        std::function<std::optional<std::string>(const std::string& staff_id, const std::function<bool()>& cancelled)>;
    using Renewed = std::function<void(const StaffSession&)>;

    explicit SessionKeeper(bss::ClientOptions options);

    void signed_in(StaffSession staff);
    void signed_out();
    [[nodiscard]] std::optional<StaffSession> staff() const;
    void password_changed();

    /// Training mode: the session is renewed with this password, without asking.
    void set_stored_password(std::string password);
    void set_prompt(PasswordPrompt prompt);
    /// Told the renewed session (under the keeper's lock: keep it short). Cleared with an empty function.
    void on_renewed(Renewed renewed);

    /// A client signed in as the clerk with the policy installed; null when nobody is signed in.
    [[nodiscard]] std::unique_ptr<bss::BssClient> client();
    /// The policy itself: the token to send again with, or nothing (see the file comment).
    std::optional<std::string> renew(const std::string& refused, const std::function<bool()>& cancelled);

private:
    bss::ClientOptions m_options;
    mutable std::mutex m_mutex; ///< the state below; never held while the clerk is asked or the back office called
    std::optional<StaffSession> m_staff;
    std::optional<std::string> m_stored_password;
    PasswordPrompt m_prompt;
    Renewed m_renewed;
    std::string m_declined;   ///< the refused token nobody would renew: not asked again
    std::mutex m_renew_mutex; ///< one renewal at a time: a second desk waits for the first one's answer
};

} // namespace workflows
