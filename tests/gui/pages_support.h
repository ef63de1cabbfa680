#pragma once
/// What the page tests share: the workstation's zh_CN catalog, a bare frame to host a page, the services a page is
/// given (its own cache session on its worker thread, a client signed in as the workstation's clerk, or one that
/// reaches nothing), answering fakes for its questions, waiting on the event loop, and screenshots for review.

#include "client/store/database.h"
#include "client/ui/base/page_services.h"
#include "client/ui/shell/language.h"
#include "tests/workflows/support/workstation.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <functional>
#include <string>
#include <vector>
#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/filefn.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/translation.h>
#include <wx/utils.h>

namespace pages_testing {

/// Chinese, with the workstation's compiled catalog (COUNTER_LOCALE_DIR, the build's share/locale), and Chinese
/// dates in the pickers as the workstation sets them at start (ui::use_locale_formats; install-deps.sh generates
/// the zh_CN.UTF-8 locale).
inline void use_chinese()
{
    static const bool formats = ui::use_locale_formats(wxLANGUAGE_CHINESE_SIMPLIFIED);
    REQUIRE(formats);
    const char* dir = std::getenv("COUNTER_LOCALE_DIR");
    REQUIRE(dir != nullptr);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(dir));
    auto* translations = new wxTranslations;
    translations->SetLanguage(wxLANGUAGE_CHINESE_SIMPLIFIED);
    REQUIRE(translations->AddCatalog("counter", wxLANGUAGE_ENGLISH_US));
    wxTranslations::Set(translations);
}

inline wxString zh(const char* utf8)
{
    return wxString::FromUTF8(utf8);
}

/// Runs the event loop until `done` or `timeout`; returns whether `done` became true.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(30))
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) {
            return false;
        }
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    }
    return true;
}

/// Lets pending events and idle work run (windows laid out and painted, destroyed frames deleted).
inline void settle(int rounds = 10)
{
    for (int i = 0; i < rounds; ++i) {
        wxTheApp->Yield(true);
        wxTheApp->ProcessIdle();
        wxMilliSleep(10);
    }
}

template <typename T> T* find(wxWindow* root, const char* name)
{
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, root));
}

inline wxString label_of(wxWindow* root, const char* name)
{
    auto* text = find<wxStaticText>(root, name);
    return text ? text->GetLabel() : wxString();
}

inline wxString cell(wxListCtrl* list, long row, int column)
{
    return list->GetItemText(row, column);
}

/// Saves what `window` shows as <COUNTER_GUI_SCREENSHOTS>/<name>.png when that variable is set.
inline void screenshot(wxWindow* window, const char* name)
{
    const char* dir = std::getenv("COUNTER_GUI_SCREENSHOTS");
    if (dir == nullptr || window == nullptr) {
        return;
    }
    window->Raise();
    settle(20);
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
    if (!wxDirExists(dir)) {
        wxMkdir(dir);
    }
    // Read back from the window itself: a fresh wxScreenDC keeps serving GTK 3's first capture of the screen.
    const wxSize size = window->GetSize();
    wxBitmap bitmap(size.x, size.y);
    wxMemoryDC memory(bitmap);
    wxWindowDC source(window);
    memory.Blit(0, 0, size.x, size.y, &source, 0, 0);
    memory.SelectObject(wxNullBitmap);
    bitmap.SaveFile(wxString::Format("%s/%s.png", dir, name), wxBITMAP_TYPE_PNG);
}

/// A frame hosting one page; destroyed (with its page) at the end of the test.
struct Host
{
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "pages", wxPoint(20, 20), wxSize(1000, 700));

    Host() = default;
    ~Host()
    {
        frame->Hide(); // off the screen at once, so the next test's screenshot shows its own frame
        frame->Destroy();
        settle(3);
    }
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;

    void show()
    {
        frame->Show();
        frame->Layout();
        settle();
    }
};

/// Answers the page's questions from a script and remembers what it was asked.
struct ScriptedPrompts
{
    std::vector<wxString> asked;
    std::deque<bool> confirms;
    std::deque<wxString> texts;
    std::vector<wxString> told;

    ui::PagePrompts prompts()
    {
        ui::PagePrompts p;
        p.confirm = [this](wxWindow*, const wxString&, const wxString& question) {
            asked.push_back(question);
            REQUIRE_FALSE(confirms.empty());
            const bool answer = confirms.front();
            confirms.pop_front();
            return answer;
        };
        auto text = [this](wxWindow*, const wxString&, const wxString& prompt) -> std::optional<wxString> {
            asked.push_back(prompt);
            if (texts.empty()) {
                return std::nullopt;
            }
            auto answer = texts.front();
            texts.pop_front();
            return answer;
        };
        p.ask_text = text;
        p.ask_password = text;
        p.tell = [this](wxWindow*, const wxString&, const wxString& message) { told.push_back(message); };
        return p;
    }
};

/// What the frame would hand a page for `ws`: its cache, a client signed in as its clerk (or one that reaches
/// nothing), its staff and workstation id.
inline ui::PageServices services_for(testing::Workstation& ws, bool online, ScriptedPrompts& prompts)
{
    ui::PageServices services;
    const auto cache = ws.cache;
    services.open_cache = [cache] { return store::open_database(cache); };
    const auto options =
        online ? testing::options_for(ws.scenario.server()) : testing::unreachable_options(ws.scenario.server());
    const auto token = ws.token;
    services.connect = [options, token] {
        auto client = std::make_unique<bss::BssClient>(options);
        client->set_session_token(token);
        return client;
    };
    services.staff = ws.staff;
    services.hall_id = "H01";
    services.workstation_id = "ws-test";
    services.prompts = prompts.prompts();
    return services;
}

} // namespace pages_testing
