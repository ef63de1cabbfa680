#include "client/workflows/workstation/session_keeper.h"

namespace workflows {

SessionKeeper::SessionKeeper(bss::ClientOptions options) : m_options(std::move(options)) {}

void SessionKeeper::signed_in(StaffSession staff)
{
    const std::lock_guard lock(m_mutex);
    m_staff = std::move(staff);
    m_declined.clear();
}

void SessionKeeper::signed_out()
{
    const std::lock_guard lock(m_mutex);
    m_staff.reset();
}

std::optional<StaffSession> SessionKeeper::staff() const
{
    const std::lock_guard lock(m_mutex);
    return m_staff;
}

void SessionKeeper::password_changed()
{
    const std::lock_guard lock(m_mutex);
    if (m_staff) {
        m_staff->must_change_password = false;
    }
}

void SessionKeeper::set_stored_password(std::string password)
{
    const std::lock_guard lock(m_mutex);
    m_stored_password = std::move(password);
}

void SessionKeeper::set_prompt(PasswordPrompt prompt)
{
    const std::lock_guard lock(m_mutex);
    m_prompt = std::move(prompt);
}

void SessionKeeper::on_renewed(Renewed renewed)
{
    const std::lock_guard lock(m_mutex);
    m_renewed = std::move(renewed);
}

std::unique_ptr<bss::BssClient> SessionKeeper::client()
{
    std::string token;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_staff) {
            return nullptr;
        }
        token = m_staff->token;
    }
    auto client = std::make_unique<bss::BssClient>(m_options);
    client->set_session_token(std::move(token));
    client->set_session_renewal(
        [keeper = weak_from_this()](const std::string& refused, const std::function<bool()>& cancelled) {
            auto alive = keeper.lock();
            return alive ? alive->renew(refused, cancelled) : std::nullopt;
        });
    return client;
}

std::optional<std::string> SessionKeeper::renew(const std::string& refused, const std::function<bool()>& cancelled)
{
    const std::lock_guard renewing(m_renew_mutex);
    std::string staff_id;
    std::optional<std::string> password;
    PasswordPrompt prompt;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_staff) {
            return std::nullopt; // signed out meanwhile
        }
        if (m_staff->token != refused) {
            return m_staff->token; // another desk renewed it while this one waited
        }
        if (m_declined == refused) {
            return std::nullopt; // asked once for this session
        }
        staff_id = m_staff->staff.staff_id;
        password = m_stored_password;
        prompt = m_prompt;
    }
    if (!password && prompt && !cancelled()) {
        password = prompt(staff_id, cancelled);
    }
    std::optional<StaffSession> renewed;
    if (password && !cancelled()) {
        bss::BssClient login(m_options);
        auto answer = sign_in(login, staff_id, *password);
        if (auto* session = std::get_if<StaffSession>(&answer)) {
            renewed = std::move(*session);
        }
    }
    const std::lock_guard lock(m_mutex);
    if (!m_staff || m_staff->staff.staff_id != staff_id) {
        return std::nullopt; // signed out (or another clerk signed in) while the clerk was asked
    }
    if (!renewed) {
        // Declined, cancelled, or the password was refused: the calls return E_SESSION, and the clerk is not asked
        // again for this session (a screen closing is not an answer: the next call asks).
        if (!cancelled()) {
            m_declined = refused;
        }
        return std::nullopt;
    }
    m_staff = std::move(*renewed);
    if (m_renewed) {
        m_renewed(*m_staff);
    }
    return m_staff->token;
}

} // namespace workflows
