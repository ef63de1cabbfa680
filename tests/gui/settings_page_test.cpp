// 工作站设置 in a bare frame over a real cache file, in Chinese: what is typed is checked before anything is saved
// (an insecure URL, a missing certificate file, an offset beyond 30 mm each refuse the whole save, and the stored
// settings stay as they were), a valid set is stored where the session reads it, and the calibration page is laid
// out and shown in the preview. Screenshot: settings_zh.png.

#include "client/store/database.h"
#include "client/store/settings.h"
#include "client/ui/admin/settings_page.h"
#include "pages_support.h"
#include "printing/calibration.h"
#include "tests/support/temp_dir.h"

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

using namespace pages_testing;

namespace {

struct SettingsWindow
{
    testing::TempDir dir{"counter-settings"};
    std::filesystem::path settings_db = dir.path() / "cache.db";
    Host host;
    ui::SettingsPage* page = nullptr;
    std::vector<printing::Layout> previewed;

    SettingsWindow()
    {
        ui::PageServices services;
        services.open_cache = [cache = dir.path() / "training.db"] { return store::open_database(cache); };
        services.open_settings = [db = settings_db] { return store::open_database(db); };
        services.staff = "1001";
        services.workstation_id = "ws-test";
        services.forms_folder = COUNTER_FORMS_DIR;
        services.archive_folder = dir.path() / "archive";
        services.prompts.preview = [this](wxWindow*, const printing::Layout& layout, const printing::Offsets&) {
            previewed.push_back(layout);
        };
        page = new ui::SettingsPage(host.frame, std::move(services));
        host.frame->SetSize(1100, 760);
        host.show();
        wait();
    }

    void wait()
    {
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    void type(const char* name, const std::string& text)
    {
        auto* field = find<wxTextCtrl>(page, name);
        REQUIRE(field);
        field->SetValue(wxString::FromUTF8(text)); // SetValue sends the text event, as typing does
    }

    std::string stored(const std::string& key)
    {
        auto sql = store::open_database(settings_db);
        return store::Settings(*sql).get(key).value_or("<none>");
    }
};

} // namespace

TEST_CASE("settings: bad input refuses the whole save and changes nothing, a valid set is stored",
          "[gui][pages][settings]")
{
    use_chinese();
    SettingsWindow window;
    REQUIRE(window.page->stored());
    CHECK(window.page->stored()->url.empty());

    // Plain http to a remote back office: refused with the reason, nothing stored.
    window.type("settings_url", "http://bss.example.com/bss/v1/");
    window.type("settings_hall", "南山营业厅");
    const auto insecure = window.page->save();
    REQUIRE(insecure);
    CHECK(label_of(window.page, "settings_message") == *insecure);
    window.wait();
    CHECK(window.stored("backoffice.url") == "<none>");
    CHECK(window.stored("hall.name") == "<none>");

    // A certificate file that is not there.
    window.type("settings_url", "https://bss.example.com/bss/v1/");
    window.type("settings_ca", (window.dir.path() / "missing.pem").string());
    const auto missing = window.page->save();
    REQUIRE(missing);
    CHECK(missing->Contains("missing.pem"));
    window.wait();
    CHECK(window.stored("backoffice.url") == "<none>");

    // An offset beyond 30 mm: the wrong paper, not calibration.
    window.type("settings_ca", "");
    window.type("settings_printer", "Counter-1");
    window.type("settings_offset", "31,0");
    const auto range = window.page->save();
    REQUIRE(range);
    CHECK(range->Contains("30"));
    window.wait();
    CHECK(window.stored(printing::offset_setting_key("Counter-1", "acceptance")) == "<none>");

    // Area codes that look like one but are not (02x takes three digits, 0 and three digits take four): local
    // numbers would be completed with them.
    window.type("settings_offset", "1.5, -0.8 mm");
    for (const char* wrong : {"0211", "075", "7550", "07５5"}) {
        INFO(wrong);
        window.type("settings_area_code", wrong);
        const auto area = window.page->save();
        REQUIRE(area);
        CHECK(*area == wxString::Format(zh("%s 不是区号：区号为 010、02x 或 0 加三位数字，如 0755。"), zh(wrong)));
        CHECK(label_of(window.page, "settings_message") == *area);
        window.wait();
        CHECK(window.stored("hall.area_code") == "<none>");
        CHECK(window.stored("print.printer") == "<none>");
    }

    // A valid set: every value lands where the session and printing read it.
    window.type("settings_area_code", "0755");
    find<wxSpinCtrl>(window.page, "settings_lock")->SetValue(15);
    find<wxChoice>(window.page, "settings_language")->SetSelection(2);
    screenshot(window.host.frame, "settings_zh");
    CHECK_FALSE(window.page->save());
    window.wait();
    CHECK(window.stored("backoffice.url") == "https://bss.example.com/bss/v1/");
    CHECK(window.stored("hall.name") == "南山营业厅");
    CHECK(window.stored("ui.lock_minutes") == "15");
    CHECK(window.stored("ui.language") == "en");
    CHECK(window.stored("print.printer") == "Counter-1");
    CHECK(window.stored("hall.area_code") == "0755");
    CHECK(window.stored(printing::offset_setting_key("Counter-1", "acceptance")) == "1.5,-0.8");
    CHECK(window.stored(printing::offset_setting_key("Counter-1", "receipt")) == "<none>");
}

TEST_CASE("settings: the calibration page is laid out and shown in the preview", "[gui][pages][settings]")
{
    use_chinese();
    SettingsWindow window;
    window.page->print_calibration();
    window.wait();
    REQUIRE(window.previewed.size() == 1);
    CHECK(window.previewed.front().form == "calibration");
    CHECK_FALSE(window.previewed.front().pages.empty());
}
