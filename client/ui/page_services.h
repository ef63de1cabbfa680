#pragma once
/// What a business page needs from the frame, handed in through its constructor so the frame can hook it up
/// without the page knowing how: where the cache is, how to reach the back office as the signed-in clerk, who the
/// clerk is, and how to ask the clerk something (tests install answering fakes instead of modal dialogs).

#include "printing/calibration.h"
#include "printing/layout.h"
#include "services/bssclient/bss_client.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <wx/string.h>
#include <wx/window.h>

namespace ui {

/// Questions a page asks the clerk. Empty members fall back to the standard wx dialogs.
struct PagePrompts
{
    /// Yes/no; true to go ahead.
    std::function<bool(wxWindow* parent, const wxString& title, const wxString& question)> confirm;
    /// A line of text (a reason); nothing when the clerk cancels.
    std::function<std::optional<wxString>(wxWindow* parent, const wxString& title, const wxString& prompt)> ask_text;
    /// A password (a supervisor's approval); nothing when cancelled.
    std::function<std::optional<wxString>(wxWindow* parent, const wxString& title, const wxString& prompt)>
        ask_password;
    /// Tells the clerk something (an error, a result).
    std::function<void(wxWindow* parent, const wxString& title, const wxString& message)> tell;
    /// Shows a laid-out form before it is printed (the preview window, whose print button prints with `offsets`).
    std::function<void(wxWindow* parent, const printing::Layout& layout, const printing::Offsets& offsets)> preview;
    /// Where to save a file (an exported report), starting from `default_name`; nothing when cancelled.
    std::function<std::optional<wxString>(wxWindow*, const wxString& title, const wxString& default_name)>
        choose_save_path;
};

struct PageServices
{
    /// Opens the workstation's cache. Called on the page's worker thread, once: the session stays there.
    std::function<std::unique_ptr<soci::session>()> open_cache;
    /// Opens this workstation's own cache, where its settings live (in training mode the work goes to a cache of
    /// its own, the settings do not). open_cache when empty.
    std::function<std::unique_ptr<soci::session>()> open_settings;
    /// A client signed in as the clerk (its session token set), or null when no back office is configured or
    /// nobody is signed in: then the cache answers. Called on the worker thread; called again after E_SESSION.
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
    PagePrompts prompts;
};

/// The page's worker-thread side: its cache session and client, made on first use. Only the worker thread touches
/// `sql` and `client`; `cancel()` may come from the UI thread while a call is in flight.
class PageBackend
{
public:
    explicit PageBackend(PageServices services) : m_services(std::move(services)) {}

    const PageServices& services() const { return m_services; }

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

    /// The clerk's client, or null (offline by configuration).
    bss::BssClient* client()
    {
        if (!m_client && m_services.connect) {
            auto made = m_services.connect();
            const std::lock_guard lock(m_mutex);
            m_client = std::move(made);
        }
        return m_client.get();
    }

    /// After E_SESSION: the next call asks for a freshly signed-in client.
    void drop_client()
    {
        const std::lock_guard lock(m_mutex);
        m_client.reset();
    }

    /// Aborts a call in flight (page closing).
    void cancel()
    {
        const std::lock_guard lock(m_mutex);
        if (m_client) {
            m_client->cancel();
        }
    }

private:
    PageServices m_services;
    std::unique_ptr<soci::session> m_sql;
    std::unique_ptr<soci::session> m_settings;
    std::mutex m_mutex;
    std::unique_ptr<bss::BssClient> m_client;
};

} // namespace ui

namespace ui {

/// The prompts' answers, through the installed fakes or the standard dialogs.
bool page_confirm(const PagePrompts& prompts, wxWindow* parent, const wxString& title, const wxString& question);
std::optional<wxString> page_ask_text(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                      const wxString& prompt);
std::optional<wxString> page_ask_password(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                          const wxString& prompt);
void page_tell(const PagePrompts& prompts, wxWindow* parent, const wxString& title, const wxString& message);
/// The preview of a form about to be printed, on the workstation's printer settings.
void page_preview(const PagePrompts& prompts, wxWindow* parent, const printing::Layout& layout,
                  const printing::Offsets& offsets);
/// Where to save a file, through the installed fake or the standard save dialog (which asks before replacing).
std::optional<wxString> page_choose_save_path(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                              const wxString& default_name);

} // namespace ui
