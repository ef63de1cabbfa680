#pragma once
/// The workstation's main window: the business menu as a tree on the left, the work area on the right where the
/// chosen business's page opens, and the status bar (back office and queue, reader, clerk, training mode). Every
/// action has a shortcut; the screen locks after the configured idle time and only the same clerk unlocks it.

#include "client/ui/base/lifetime.h"
#include "client/ui/shell/session.h"

#include <chrono>
#include <map>
#include <string>
#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/treectrl.h>

class wxMenu;
class wxPanel;
class wxSplitterWindow;

namespace ui {

class MainFrame : public wxFrame
{
public:
    /// Status bar fields, left to right.
    enum Field
    {
        kBackOfficeField,
        kReaderField,
        kClerkField,
        kModeField,
        kFieldCount
    };

    /// Opens for the clerk signed in to `session`; `signed_out` runs once the clerk has signed out and the frame is
    /// going (the app shows the login window again), else signing out closes the workstation.
    explicit MainFrame(Session& session, std::function<void()> signed_out = {});

    /// "营业柜台工作站 0.1.0" in the current language.
    static wxString product_title();
    /// The product title, and "培训模式" after it in training mode.
    static wxString window_title(bool training);

    /// Opens the business's page in the work area (its placeholder while it is not built); false for an unknown
    /// key or a group.
    bool open_business(std::string_view key);
    /// Closes the open page and shows the welcome page.
    void close_page();
    /// The open page's key; empty on the welcome page.
    [[nodiscard]] const std::string& current_page() const { return m_page_key; }
    /// The work area's current page window.
    [[nodiscard]] wxWindow* page() const { return m_page; }

    /// Locks now: the work area is hidden and the lock screen asks for the clerk's password.
    void lock();
    [[nodiscard]] bool locked() const { return m_locked; }
    /// Signs the clerk out (the next clerk signs in at the counter): the work area goes at once, the frame when the
    /// back office has been told.
    void sign_out();
    /// How long without input before lock() (from the session's setting; tests shorten it).
    void set_idle_limit(std::chrono::milliseconds limit) { m_idle_limit = limit; }

private:
    void build_menus();
    /// The page of a business that has one; null for those still to come.
    wxWindow* make_page(std::string_view key);
    /// A card event from the reader: to the open page when it takes cards; a read card opens 综合受理 first.
    void on_card(const idcard::ReaderEvent& event);
    /// Training: the simulated reader's card is taken off, and the one with `key` placed (none when empty).
    void place_sample_card(const std::string& key);
    void build_tree(wxWindow* parent);
    void show_page(wxWindow* page, std::string key);
    void show_sync_status(const workflows::SyncStatus& status);
    void show_reader_state(ReaderState state);
    void show_clerk();
    void note_activity() { m_last_activity = std::chrono::steady_clock::now(); }
    void check_idle();
    void unlocked(bool signed_in);

    Session& m_session;
    std::function<void()> m_signed_out;
    wxSplitterWindow* m_splitter = nullptr;
    wxTreeCtrl* m_tree = nullptr;
    wxPanel* m_work_area = nullptr;
    wxWindow* m_page = nullptr;
    std::string m_page_key;
    std::map<int, std::string> m_menu_business; ///< menu id → business key
    std::map<std::string, wxTreeItemId> m_tree_items;
    bool m_locked = false;
    wxTimer m_idle_timer;
    wxTimer m_card_timer;
    std::string m_card_to_place;
    wxMenu* m_training_menu = nullptr;
    std::chrono::milliseconds m_idle_limit;
    std::chrono::steady_clock::time_point m_last_activity;
    wxPoint m_last_mouse;
    Lifetime m_lifetime;
};

} // namespace ui
