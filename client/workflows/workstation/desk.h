#pragma once
/// A desk: what one screen's worker thread works with. The workstation hands each screen a DeskServices (where the
/// cache is, how to reach the back office as the signed-in clerk, who the clerk is, this workstation's folders and
/// clock); the screen's worker makes a Desk of it, which opens the cache session and the client on first use and
/// keeps them on that thread (SQLite sessions and curl handles stay on the thread that made them). The workflows take
/// a Desk, so a screen hands one over without naming SQL or the client.

#include "services/bssclient/bss_client.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <soci/soci.h>
#include <string>

namespace workflows {

/// The back office's refusal or failure, as a workflow returns it; the screens word it through their catalog.
using CallError = bss::CallError;
using FailureKind = bss::FailureKind;

struct DeskServices
{
    /// Opens the cache the work goes to. Called on the desk's worker thread, once: the session stays there.
    std::function<std::unique_ptr<soci::session>()> open_cache;
    /// Opens this workstation's own cache, where its settings live (in training mode the work goes to a cache of
    /// its own, the settings do not). open_cache when empty.
    std::function<std::unique_ptr<soci::session>()> open_settings;
    /// A client signed in as the clerk, with the workstation's expired-session policy installed, or null when no
    /// back office is configured or nobody is signed in: then the cache answers. Called on the worker thread.
    std::function<std::unique_ptr<bss::BssClient>()> connect;
    std::string staff;      ///< the signed-in clerk's 工号
    std::string staff_name; ///< and name, printed on the forms they accept
    std::string hall_id;    ///< and hall, printed when the hall's name is not set
    /// The area code (区号) to assume when the hall's is not set: the demo data's city in training mode, else empty.
    std::string default_area_code;
    std::string workstation_id; ///< this workstation's id (new local ids are made from it)
    /// Now (UTC), for what depends on it (an install's 48 hours); the system clock when empty.
    std::function<std::chrono::sys_seconds()> clock;
    std::filesystem::path forms_folder;   ///< the form templates (share/counter/forms)
    std::filesystem::path archive_folder; ///< where every printed form is archived as PDF
};

/// The worker-thread side of a screen: its cache session and client, made on first use. Only the worker thread
/// touches sql(), settings() and client(); cancel() may come from the UI thread while a call is in flight.
class Desk
{
public:
    explicit Desk(DeskServices services) : m_services(std::move(services)) {}

    [[nodiscard]] const DeskServices& services() const { return m_services; }

    soci::session& sql()
    {
        if (!m_sql) {
            m_sql = m_services.open_cache();
        }
        return *m_sql;
    }

    /// The workstation's own settings (its cache, not training's): the hall's name, the printer and its offsets.
    soci::session& settings()
    {
        if (!m_services.open_settings) {
            return sql();
        }
        if (!m_settings) {
            m_settings = m_services.open_settings();
        }
        return *m_settings;
    }

    /// The clerk's client, or null (offline by configuration, or nobody signed in).
    bss::BssClient* client()
    {
        if (!m_client && m_services.connect) {
            auto made = m_services.connect();
            const std::lock_guard lock(m_mutex);
            m_client = std::move(made);
            if (m_client && m_cancelled) {
                m_client->cancel(); // cancel() came while it was being made
            }
        }
        return m_client.get();
    }

    /// Aborts a call in flight (the screen is closing).
    void cancel()
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_client) {
            m_client->cancel();
        }
    }

private:
    DeskServices m_services;
    std::unique_ptr<soci::session> m_sql;
    std::unique_ptr<soci::session> m_settings;
    std::mutex m_mutex;
    std::unique_ptr<bss::BssClient> m_client;
    bool m_cancelled = false;
};

} // namespace workflows
