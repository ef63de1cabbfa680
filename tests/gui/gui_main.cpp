// GUI tests: start the toolkit once (under Xvfb in ./test.sh), run the Catch2 cases, shut down.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/init.h>
#include <wx/log.h>

namespace gui_testing {
/// Set by executables with a shared training back office (gui_support.h), which must stop before main returns.
void (*before_exit)() = nullptr;
} // namespace gui_testing

int main(int argc, char** argv)
{
    int wx_argc = 1;
    char* wx_argv[] = {argv[0], nullptr};
    wxApp::SetInstance(new wxApp());
    if (!wxEntryStart(wx_argc, wx_argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "gui_tests: cannot start the toolkit (is DISPLAY set? ./test.sh runs Xvfb)\n");
        return 1;
    }
    // A message logged by wx must never wait for a click in a modal box nobody will press.
    delete wxLog::SetActiveTarget(new wxLogStderr);
    const int result = Catch::Session().run(argc, argv);
    if (gui_testing::before_exit != nullptr) {
        gui_testing::before_exit();
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
