// The login window against a real training back office (in-process, loopback HTTPS): training hint and start-up
// progress, Enter and Esc, wrong and right passwords, a locked staff ID, no back office, and a first password that
// must be changed. Messages are checked in Chinese, as a clerk reads them.

#include "client/ui/shell/change_password_dialog.h"
#include "client/ui/shell/login_dialog.h"
#include "gui_support.h"

#include <optional>
#include <wx/button.h>
#include <wx/textctrl.h>

using namespace gui_testing;

namespace {

struct LoginWindow
{
    ui::LoginDialog* dialog = nullptr;
    std::optional<bool> result;

    /// Opens the window; `settled`: after letting the event loop run (the session's answers then arrived).
    explicit LoginWindow(ui::Session& session, bool settled = true)
    {
        dialog = new ui::LoginDialog(nullptr, session, [this](bool ok) { result = ok; });
        dialog->Show();
        if (settled) {
            settle();
        }
    }
    ~LoginWindow()
    {
        if (!result) {
            dialog->Destroy();
            settle();
        }
    }
    LoginWindow(const LoginWindow&) = delete;
    LoginWindow& operator=(const LoginWindow&) = delete;

    wxTextCtrl* staff() { return find<wxTextCtrl>(dialog, "staff_id"); }
    wxTextCtrl* password() { return find<wxTextCtrl>(dialog, "password"); }
    wxButton* sign_in() { return find<wxButton>(dialog, "sign_in"); }
    wxString message() { return label_of(dialog, "login_message"); }

    void wait_ready()
    {
        REQUIRE(wait_until([this] { return sign_in()->IsEnabled(); }));
    }

    /// Types into the fields and signs in; waits for the answer (the window closes on success).
    void submit(const char* staff_id, const char* pass)
    {
        staff()->ChangeValue(wxString::FromUTF8(staff_id));
        password()->ChangeValue(wxString::FromUTF8(pass));
        dialog->submit();
        // Done when the window closed, is ready for another try, or led on to changing the password.
        REQUIRE(wait_until([this] {
            return result.has_value() || sign_in()->IsEnabled() ||
                   find<ui::ChangePasswordDialog>(nullptr, "change_password_dialog") != nullptr;
        }));
    }
};

void use_chinese()
{
    REQUIRE(ui::install_translations(wxLANGUAGE_CHINESE_SIMPLIFIED, locale_dirs()));
}

} // namespace

TEST_CASE("the login window shows training mode while the back office starts, refuses a wrong password and signs "
          "the clerk in",
          "[gui][login]")
{
    use_chinese();
    TrainingSession training;
    LoginWindow login(training.session, false);
    CHECK(login.dialog->GetTitle().Contains(zh("培训模式")));
    CHECK(label_of(login.dialog, "training_hint") == zh("练习请使用工号 1001，密码 Clerk#1001。"));
    // The back office starts on the session's worker thread; the window says so and stays usable meanwhile.
    CHECK(label_of(login.dialog, "login_progress_text") == zh("正在启动培训后台……"));
    CHECK_FALSE(login.sign_in()->IsEnabled());
    login.wait_ready();
    CHECK(label_of(login.dialog, "login_progress_text").empty());

    login.submit("", "x");
    CHECK(login.message() == zh("请输入工号。"));
    login.submit("1001", "");
    CHECK(login.message() == zh("请输入密码。"));

    login.submit("1001", "Clerk#1002");
    REQUIRE_FALSE(login.result);
    CHECK(login.message() == zh("工号或密码错误。请检查后重试（是否开启了大写锁定？）。"));
    CHECK(login.password()->GetValue().empty());

    login.submit("1001", "Clerk#1001");
    REQUIRE(login.result == true);
    REQUIRE(training.session.staff());
    CHECK(training.session.staff()->staff.staff_id == "1001");
}

TEST_CASE("Enter moves from staff ID to password and signs in; Esc cancels", "[gui][login]")
{
    use_chinese();
    TrainingSession training;
    SECTION("Enter")
    {
        LoginWindow login(training.session);
        login.wait_ready();
        login.staff()->ChangeValue("1002");
        wxCommandEvent enter_staff(wxEVT_TEXT_ENTER, login.staff()->GetId());
        enter_staff.SetEventObject(login.staff());
        login.staff()->GetEventHandler()->ProcessEvent(enter_staff);
        settle();
        CHECK(wxWindow::FindFocus() == login.password());
        login.password()->ChangeValue("Clerk#1002");
        wxCommandEvent enter_password(wxEVT_TEXT_ENTER, login.password()->GetId());
        enter_password.SetEventObject(login.password());
        login.password()->GetEventHandler()->ProcessEvent(enter_password);
        REQUIRE(wait_until([&] { return login.result.has_value(); }));
        CHECK(login.result == true);
    }
    SECTION("Esc")
    {
        LoginWindow login(training.session);
        wxKeyEvent escape(wxEVT_CHAR_HOOK);
        escape.m_keyCode = WXK_ESCAPE;
        login.dialog->GetEventHandler()->ProcessEvent(escape);
        settle();
        CHECK(login.result == false);
        CHECK_FALSE(training.session.staff());
    }
}

TEST_CASE("a locked staff ID and an unreachable back office get messages of their own", "[gui][login]")
{
    use_chinese();
    SECTION("locked after five wrong passwords")
    {
        TrainingSession training;
        LoginWindow login(training.session);
        login.wait_ready();
        for (int attempt = 0; attempt < 5; ++attempt) {
            login.submit("3002", "Wrong#0000");
        }
        login.submit("3002", "Manager#3002");
        REQUIRE_FALSE(login.result);
        CHECK(login.message().StartsWith(zh("密码错误次数过多，该工号已被锁定。请在 ")));
    }
    SECTION("nothing listens where the back office should be")
    {
        testing::TempDir dir("counter-gui");
        ui::Session session(dir.path());
        session.connect(
            [] {
                auto link = SharedTraining::get().link();
                link.url = "https://127.0.0.1:1/bss/v1/";
                return link;
            },
            [](const wxString&) {});
        LoginWindow login(session);
        login.wait_ready();
        login.submit("1001", "Clerk#1001");
        REQUIRE_FALSE(login.result);
        CHECK(login.message() == zh("无法连接后台。请检查网络，或询问 IT 后台是否在运行。"));
    }
    SECTION("a configured address that is not https")
    {
        testing::TempDir dir("counter-gui");
        ui::Session session(dir.path());
        session.connect(
            [] {
                return ui::BackOfficeLink{"http://bo.example.cn/bss/v1/", {}, {}, {}, false};
            },
            [](const wxString&) {});
        LoginWindow login(session);
        REQUIRE(wait_until([&] { return !login.message().empty(); }));
        CHECK(login.message() == zh("后台地址 http://bo.example.cn/bss/v1/ 必须以 https:// 开头，请在设置中更正。"));
        CHECK_FALSE(login.sign_in()->IsEnabled());
    }
}

TEST_CASE("a first password leads to changing it; mismatched, weak and right new passwords", "[gui][login]")
{
    use_chinese();
    TrainingSession training;
    REQUIRE(wait_until([&] { return training.session.connected(); }));
    // The administrator gives a new clerk a first password, which the back office marks to be changed.
    const auto link = SharedTraining::get().link();
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(bss::parse_endpoint(link.url, false));
    options.ca_file = link.ca_file;
    bss::BssClient admin(options);
    REQUIRE(std::holds_alternative<workflows::StaffSession>(
        workflows::sign_in(admin, "admin", backoffice::EmbeddedBackoffice::kTrainingAdminPassword)));
    contract::StaffSaveRequest save;
    save.staff.staff_id = "1077";
    save.staff.name = "新营业员";
    save.staff.hall_id = "H01";
    save.staff.roles = {"clerk"};
    save.initial_password = "Start#2026";
    REQUIRE(std::holds_alternative<contract::StaffSaveResponse>(admin.call(save, bss::new_idempotency_key())));

    LoginWindow login(training.session);
    login.wait_ready();
    login.submit("1077", "Start#2026");
    ui::ChangePasswordDialog* change = nullptr;
    REQUIRE(wait_until([&] { return (change = find<ui::ChangePasswordDialog>(nullptr, "change_password_dialog")); }));
    CHECK_FALSE(login.result);
    const auto fill = [&](const char* next, const char* repeat) {
        find<wxTextCtrl>(change, "new_password")->ChangeValue(next);
        find<wxTextCtrl>(change, "repeat_password")->ChangeValue(repeat);
        change->submit();
        REQUIRE(wait_until(
            [&] { return login.result.has_value() || find<wxButton>(change, "change_password_ok")->IsEnabled(); }));
    };
    const auto message = [&] { return label_of(change, "change_password_message"); };

    fill("Winter#2026", "Winter#2027");
    CHECK(message() == zh("两次输入的新密码不一致，请在两个框中重新输入新密码。"));
    fill("short1", "short1");
    CHECK(message() == zh("新密码强度不够：至少 8 位，须含字母和数字，且不能与工号相同。"));
    fill("Start#2026", "Start#2026");
    CHECK(message() == zh("新密码不能与当前密码相同。"));
    fill("Winter#2026", "Winter#2026");
    REQUIRE(login.result == true);
    CHECK_FALSE(training.session.staff()->must_change_password);

    // The new password is the one that works from now on.
    bss::BssClient again(options);
    CHECK(std::holds_alternative<workflows::StaffSession>(workflows::sign_in(again, "1077", "Winter#2026")));
}
