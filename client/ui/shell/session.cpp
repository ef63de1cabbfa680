#include "client/ui/shell/session.h"

#include "client/ui/base/error_text.h"

#include <chrono>
#include <future>
#include <wx/stdpaths.h>
#include <wx/textdlg.h>

namespace ui {

namespace {

/// The form templates next to the binary: <prefix>/bin → <prefix>/share/counter/forms when installed,
/// build/<preset>/client/app → build/<preset>/share/counter/forms in the build tree.
std::filesystem::path installed_forms_folder()
{
    const std::filesystem::path exe(wxStandardPaths::Get().GetExecutablePath().utf8_string());
    std::error_code ec;
    for (const auto& candidate :
         {exe.parent_path() / "../share/counter/forms", exe.parent_path() / "../../share/counter/forms"}) {
        if (std::filesystem::is_directory(candidate, ec)) {
            return candidate.lexically_normal();
        }
    }
    return {};
}

/// A call that threw on the worker (the cache could not be opened, say): told as a failure without an answer.
workflows::CallError unexpected(const std::string& what)
{
    workflows::CallError error;
    error.kind = workflows::FailureKind::transport;
    error.detail = what;
    return error;
}

} // namespace

Session::Session(std::filesystem::path data_dir, const std::filesystem::path& config_dir)
    : m_workstation(std::move(data_dir), config_dir)
{
    m_workstation.set_forms_folder(installed_forms_folder());
    m_workstation.set_password_prompt([this](const std::string& staff_id, const std::function<bool()>& cancelled) {
        return ask_password(staff_id, cancelled);
    });
}

Session::~Session()
{
    // Desks still waiting for the clerk's password get no answer; the workstation stops its threads when it goes.
    m_workstation.set_password_prompt({});
}

void Session::connect(LinkSource source, std::function<void(const wxString&)> done)
{
    m_connecting = true;
    when_connected(std::move(done));
    // The link is made on the worker thread (training starts its back office there) and handed back as a value;
    // the UI thread builds everything else.
    m_worker.run([source = std::move(source)] { return source(); },
                 [this](const BackOfficeLink& link) { finish_connect(link); },
                 [this](const std::string& failure) {
                     // Translated here, on the UI thread, where the catalog is read.
                     const wxString problem = wxString::Format(_("The training back office could not start: %s"),
                                                               wxString::FromUTF8(failure));
                     m_connect_problem = problem;
                     for (auto& ready : std::exchange(m_when_connected, {})) {
                         ready(problem);
                     }
                 });
}

void Session::finish_connect(const BackOfficeLink& link)
{
    auto listener =
        m_lifetime.guard(std::function<void(workflows::SyncStatus)>([this](const workflows::SyncStatus& status) {
            m_sync_status = status;
            if (m_sync_listener) {
                m_sync_listener(status);
            }
        }));
    wxString problem;
    if (auto error = m_workstation.connect(link, [listener](const workflows::SyncStatus& status) {
            on_ui_thread([listener, status] { listener(status); });
        })) {
        problem = endpoint_error_text(error->code, link.url);
    }
    m_connect_problem = problem;
    for (auto& ready : std::exchange(m_when_connected, {})) {
        ready(problem);
    }
}

void Session::when_connected(std::function<void(const wxString&)> ready)
{
    if (m_connect_problem) {
        ready(*m_connect_problem);
        return;
    }
    m_when_connected.push_back(std::move(ready));
}

void Session::sign_in(const std::string& staff_id, const std::string& password,
                      const std::function<void(SignInResult)>& done)
{
    m_worker.run([this, staff_id, password] { return m_workstation.sign_in(staff_id, password); },
                 [this, done](SignInResult result) {
                     if (auto* staff = std::get_if<workflows::StaffSession>(&result)) {
                         m_staff = *staff;
                     }
                     done(std::move(result));
                 },
                 [done](const std::string& what) { done(unexpected(what)); });
}

void Session::change_password(const std::string& old_password, const std::string& new_password,
                              const std::function<void(std::optional<workflows::CallError>)>& done)
{
    m_worker.run(
        [this, old_password, new_password] { return m_workstation.change_password(old_password, new_password); },
        [this, done](std::optional<workflows::CallError> error) {
            if (!error && m_staff) {
                m_staff->must_change_password = false;
            }
            done(std::move(error));
        },
        [done](const std::string& what) { done(unexpected(what)); });
}

void Session::sign_out(const std::function<void()>& done)
{
    m_staff.reset();
    m_worker.run(
        [this] {
            m_workstation.sign_out();
            return true;
        },
        [done](bool) { done(); }, [done](const std::string&) { done(); });
}

void Session::on_sync_status(std::function<void(const workflows::SyncStatus&)> listener)
{
    m_sync_listener = std::move(listener);
}

void Session::start_reader(const std::string& address)
{
    auto changed =
        m_lifetime.guard(std::function<void(ReaderState)>([this](ReaderState state) { set_reader_state(state); }));
    auto card =
        m_lifetime.guard(std::function<void(const idcard::ReaderEvent&)>([this](const idcard::ReaderEvent& event) {
            if (m_card_listener) {
                m_card_listener(event);
            }
        }));
    m_workstation.start_reader(
        address, [changed](ReaderState state) { on_ui_thread([changed, state] { changed(state); }); },
        [card](const idcard::ReaderEvent& event) { on_ui_thread([card, event] { card(event); }); });
}

void Session::on_card(std::function<void(const idcard::ReaderEvent&)> listener)
{
    m_card_listener = std::move(listener);
}

void Session::on_reader_state(std::function<void(ReaderState)> listener)
{
    m_reader_listener = std::move(listener);
}

void Session::set_reader_state(ReaderState state)
{
    m_reader_state = state;
    if (m_reader_listener) {
        m_reader_listener(state);
    }
}

PageServices Session::page_services() const
{
    PageServices services;
    static_cast<workflows::DeskServices&>(services) = m_workstation.desk_services();
    return services;
}

void Session::set_password_question(std::function<std::optional<wxString>(const wxString& staff_id)> ask)
{
    m_password_question = std::move(ask);
}

std::optional<std::string> Session::ask_password(const std::string& staff_id, const std::function<bool()>& cancelled)
{
    auto answer = std::make_shared<std::promise<std::optional<std::string>>>();
    auto future = answer->get_future();
    auto ask = m_lifetime.guard(std::function<void()>([this, answer, staff_id] {
        const wxString who = wxString::FromUTF8(staff_id);
        std::optional<wxString> typed;
        if (m_password_question) {
            typed = m_password_question(who);
        } else {
            wxPasswordEntryDialog dialog(
                wxTheApp->GetTopWindow(),
                wxString::Format(_("The back office has ended the session of %s. Type the password to go on "
                                   "(the work on screen is kept)."),
                                 who),
                _("Sign in again"));
            if (dialog.ShowModal() == wxID_OK) {
                typed = dialog.GetValue();
            }
        }
        answer->set_value(typed ? std::optional<std::string>(typed->utf8_string()) : std::nullopt);
    }));
    on_ui_thread([ask] { ask(); });
    // The worker waits, never the UI thread; it stops waiting when its screen closes (the call is cancelled) or
    // the question is dropped unasked (the session is gone: the promise is broken).
    using namespace std::chrono_literals;
    while (future.wait_for(100ms) != std::future_status::ready) {
        if (cancelled()) {
            return std::nullopt;
        }
    }
    try {
        return future.get();
    } catch (const std::future_error&) {
        return std::nullopt;
    }
}

void Session::wake_sync()
{
    m_workstation.wake_sync();
}

} // namespace ui
