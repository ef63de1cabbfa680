/// The workstation's entry point: command line, language, the session (training mode when no back office is
/// configured), the login window and then the main frame, and the one catch-all that tells the clerk about an
/// unexpected error instead of closing on them.

#include "client/app/training_mode.h"
#include "client/ui/shell/language.h"
#include "client/ui/shell/login_dialog.h"
#include "client/ui/shell/main_frame.h"
#include "client/ui/shell/session.h"
#include "client/workflows/workstation/workstation_folders.h"
#include "counter_version.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <memory>
#include <string_view>
#include <vector>
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

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
        // The command line's or the system's language until the cache is open (it may have to say it cannot be);
        // then the one chosen on the settings page, unless the command line named one.
        const wxLanguage first = ui::choose_language(ui::language_from_code(m_language), ui::system_language());
        ui::install_translations(first, locale_dirs());
        if (!open_session()) {
            return false;
        }
        const wxLanguage language = ui::choose_language(
            ui::requested_language(m_language, wxString::FromUTF8(m_session->configured_language())),
            ui::system_language());
        if (language != first) {
            ui::install_translations(language, locale_dirs());
        }
        if (!ui::use_locale_formats(language)) {
            wxLogDebug("No system locale for %s: dates keep the C format", wxUILocale::GetLanguageName(language));
        }
        auto* login = show_login();
        if (m_startup_probe) {
            // bench/startup: when the login window has been drawn, then when it can sign in (the back office
            // reached: in training mode, the embedded one started), as wall-clock milliseconds; then quit.
            CallAfter([this, login] {
                login->Update();
                print_probe("login-drawn");
                m_session->when_connected([this, login](const wxString& problem) {
                    print_probe(problem.empty() ? "backoffice-ready" : "backoffice-failed");
                    login->Destroy();
                    ExitMainLoop();
                });
            });
        }
        return true;
    }

    int OnExit() override
    {
        // The session's threads first (they talk to the back office), then the back office and the reader.
        m_session.reset();
        m_training.reset();
        return wxApp::OnExit();
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override
    {
        wxApp::OnInitCmdLine(parser);
        parser.AddSwitch("V", "version", "print the version and exit (works without a display)");
        parser.AddOption("l", "lang",
                         "interface language: zh_CN or en (default: the one set on the settings page, else the "
                         "system's, else zh_CN)");
        parser.AddOption("d", "data-dir",
                         "folder for the local cache and training data (default: the user data "
                         "folder, e.g. ~/.local/share/counter)");
        parser.AddSwitch("", "startup-probe",
                         "print when the login window has been drawn and when it can sign in (milliseconds "
                         "since 1970), then quit; for bench/startup");
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override
    {
        parser.Found("lang", &m_language);
        parser.Found("data-dir", &m_data_dir);
        m_startup_probe = parser.Found("startup-probe");
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
    static void print_probe(const char* what)
    {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        std::printf("%s %lld\n", what,
                    static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
        std::fflush(stdout);
    }

    /// The login window; once a clerk has signed in, the main frame, which brings the login back on sign-out.
    ui::LoginDialog* show_login()
    {
        auto* login = new ui::LoginDialog(nullptr, *m_session, [this](bool signed_in) {
            if (signed_in) {
                (new ui::MainFrame(*m_session, [this] { show_login(); }))->Show();
            }
        });
        login->Show();
        return login;
    }

    /// Where the files go: --data-dir holds everything (tests, a second workstation on one account); otherwise the
    /// desktop's folders, XDG on Linux (~/.local/share/counter, ~/.config/counter), %APPDATA%\counter on Windows.
    workflows::WorkstationFolders workstation_folders() const
    {
        if (!m_data_dir.empty()) {
            const std::filesystem::path dir(m_data_dir.utf8_string());
            return {dir, dir};
        }
        auto& paths = wxStandardPaths::Get();
#ifndef __WXMSW__
        paths.SetFileLayout(wxStandardPaths::FileLayout_XDG);
#endif
        const std::filesystem::path data(paths.GetUserDataDir().utf8_string());
        std::filesystem::path config(paths.GetUserConfigDir().utf8_string());
#ifndef __WXMSW__
        config /= "counter"; // XDG's config home is shared by every program
#else
        config = data;
#endif
        return {data, config};
    }

    /// Opens the local cache and decides: the configured back office, or training mode in <data dir>/training.
    bool open_session()
    {
        const auto folders = workstation_folders();
        const std::filesystem::path& data_dir = folders.data;
        const wxString dir = wxString::FromUTF8(data_dir.string());
        try {
            if (m_data_dir.empty()) {
                // The single folder of older workstations (~/.counter) becomes the XDG data folder on the first
                // start that finds it; its settings move to the config folder when the workstation opens.
                const std::filesystem::path home(wxGetHomeDir().utf8_string());
                workflows::adopt_legacy_folder(home / ".counter", folders);
            }
            m_session = std::make_unique<ui::Session>(data_dir, folders.config);
        } catch (const std::exception& e) {
            wxMessageBox(
                wxString::Format(_("The local cache in %s cannot be opened: %s"), dir, wxString::FromUTF8(e.what())),
                _("Counter Workstation"), wxOK | wxICON_ERROR);
            return false;
        }
        if (const auto link = m_session->configured_link()) {
            m_session->connect([link = *link] { return link; }, [](const wxString&) {});
            if (const auto reader = m_session->configured_reader(); !reader.empty()) {
                m_session->start_reader(reader);
            }
            return true;
        }
        m_training = std::make_unique<app::TrainingMode>(data_dir / "training");
        m_session->set_training(app::TrainingMode::login(), m_training->dir());
        if (const auto device = m_training->start_reader()) {
            m_session->start_reader(*device);
            // The trainee places the deck's cards from the Training menu; the reader reads them over the pty.
            m_session->set_sample_cards([training = m_training.get()](const std::string& key) {
                if (key.empty()) {
                    training->cards().remove();
                } else {
                    training->cards().place(key);
                }
            });
        }
        m_session->connect([training = m_training.get()] { return training->start_back_office(); },
                           [](const wxString&) {});
        return true;
    }

    /// Installed: <prefix>/bin/counter with catalogs in <prefix>/share/locale. Build tree: build/<preset>/client/app.
    static std::vector<wxString> locale_dirs()
    {
        const wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
        const wxString dir = exe.GetPath();
        return {dir + "/../share/locale", dir + "/../../share/locale"};
    }

    wxString m_language;
    wxString m_data_dir;
    bool m_startup_probe = false;
    std::unique_ptr<app::TrainingMode> m_training;
    std::unique_ptr<ui::Session> m_session;
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
