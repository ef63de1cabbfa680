#include "client/ui/language.h"
#include "client/ui/main_frame.h"
#include "counter_version.h"

#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <cstdlib>

namespace {

std::vector<wxString> locale_dirs()
{
    const char* dir = std::getenv("COUNTER_LOCALE_DIR");
    return {dir ? wxString::FromUTF8(dir) : wxString()};
}

/// Lets pending events run so the frame is laid out and painted as a clerk would see it.
void settle()
{
    for (int i = 0; i < 5; ++i) {
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    }
}

wxString label_of(wxWindow* root, const char* name)
{
    auto* text = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName(name, root));
    return text ? text->GetLabel() : wxString();
}

} // namespace

TEST_CASE("the language falls back to Chinese", "[gui][i18n]")
{
    CHECK(ui::choose_language(wxLANGUAGE_ENGLISH, wxLANGUAGE_GERMAN) == wxLANGUAGE_ENGLISH);
    CHECK(ui::choose_language(wxLANGUAGE_UNKNOWN, wxLANGUAGE_ENGLISH_UK) == wxLANGUAGE_ENGLISH);
    CHECK(ui::choose_language(wxLANGUAGE_UNKNOWN, wxLANGUAGE_GERMAN) == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::choose_language(wxLANGUAGE_UNKNOWN, wxLANGUAGE_UNKNOWN) == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::language_from_code("zh_CN") == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(ui::language_from_code("en") == wxLANGUAGE_ENGLISH);
    CHECK(ui::language_from_code("fr") == wxLANGUAGE_UNKNOWN);
}

TEST_CASE("the system language comes from the environment, C meaning none", "[gui][i18n]")
{
    unsetenv("LC_MESSAGES");
    const auto with_env = [](const char* lc_all, const char* lang) {
        setenv("LC_ALL", lc_all, 1);
        setenv("LANG", lang, 1);
        return ui::system_language();
    };
    CHECK(with_env("", "C.UTF-8") == wxLANGUAGE_UNKNOWN);
    CHECK(with_env("POSIX", "en_US.UTF-8") == wxLANGUAGE_UNKNOWN);
    CHECK(with_env("", "zh_CN.UTF-8") == wxLANGUAGE_CHINESE_SIMPLIFIED);
    CHECK(with_env("en_GB.UTF-8", "zh_CN.UTF-8") == wxLANGUAGE_ENGLISH_UK);
    unsetenv("LC_ALL");
    unsetenv("LANG");
    CHECK(ui::system_language() == wxLANGUAGE_UNKNOWN);
}

TEST_CASE("the main window opens with the product name and version, in Chinese", "[gui]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
    auto* frame = new ui::MainFrame();
    frame->Show();
    settle();
    CHECK(frame->IsShown());
    CHECK(frame->GetTitle() == wxString::FromUTF8("营业柜台工作站 " COUNTER_VERSION));
    CHECK(label_of(frame, "product_name") == wxString::FromUTF8("营业柜台工作站"));
    CHECK(label_of(frame, "product_version").Contains(COUNTER_VERSION));
    CHECK(frame->GetMenuBar()->GetMenuCount() == 2);
    frame->Close(true);
    settle();
}

TEST_CASE("the main window speaks English when asked", "[gui]")
{
    REQUIRE(ui::install_translations(wxLANGUAGE_ENGLISH, locale_dirs()));
    auto* frame = new ui::MainFrame();
    frame->Show();
    settle();
    CHECK(frame->GetTitle() == "Counter Workstation " COUNTER_VERSION);
    CHECK(frame->GetMenuBar()->GetMenuLabelText(0) == "File");
    frame->Close(true);
    settle();
}
