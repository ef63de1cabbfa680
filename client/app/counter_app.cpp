/// The workstation's entry point: command line, language, main frame, and the one catch-all that tells the clerk
/// about an unexpected error instead of closing on them.

#include "client/ui/language.h"
#include "client/ui/main_frame.h"
#include "counter_version.h"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

namespace {

class CounterApp : public wxApp
{
public:
    bool OnInit() override
    {
        SetAppName("counter");
        SetAppDisplayName("Counter Workstation");
        if (!wxApp::OnInit()) {
            return false;
        }
        const wxLanguage language =
            ui::choose_language(ui::language_from_code(m_language), ui::system_language());
        ui::install_translations(language, locale_dirs());
        auto* frame = new ui::MainFrame();
        frame->Show();
        return true;
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override
    {
        wxApp::OnInitCmdLine(parser);
        parser.AddSwitch("V", "version", "print the version and exit (works without a display)");
        parser.AddOption("l", "lang", "interface language: zh_CN or en (default: the system's, else zh_CN)");
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override
    {
        parser.Found("lang", &m_language);
        return wxApp::OnCmdLineParsed(parser);
    }

    bool OnExceptionInMainLoop() override
    {
        // Whatever slipped through is logged and shown; the clerk's work in other windows stays open.
        try {
            throw;
        } catch (const std::exception& e) {
            wxLogError("%s", e.what());
            wxMessageBox(wxString::Format(_("An unexpected error occurred: %s"), wxString::FromUTF8(e.what())),
                         _("Counter Workstation"), wxOK | wxICON_ERROR);
        }
        return true;
    }

private:
    /// Installed: <prefix>/bin/counter with catalogs in <prefix>/share/locale. Build tree: build/<preset>/client/app.
    static std::vector<wxString> locale_dirs()
    {
        const wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
        const wxString dir = exe.GetPath();
        return {dir + "/../share/locale", dir + "/../../share/locale"};
    }

    wxString m_language;
};

} // namespace

wxIMPLEMENT_APP_NO_MAIN(CounterApp);

int main(int argc, char** argv)
{
    // Answered before the toolkit starts, so packaging checks and scripts need no display.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--version" || arg == "-V") {
            std::printf("counter %s\n", COUNTER_VERSION);
            return 0;
        }
    }
    return wxEntry(argc, argv);
}
