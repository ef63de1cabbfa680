// 集团开户 in a bare frame against the real back office over loopback HTTPS, in Chinese, as customer manager 3001:
// an application that breaks the rules lists every problem and sends nothing; a valid one (credit code, one main
// certificate, a manager, an SME with its grid) opens the group, whose opening form is archived and previewed; the
// same name typed again is reported as existing when the field is left. Screenshots: group_opening_zh.png,
// group_opening_problems_zh.png.

#include "client/store/customer_cache.h"
#include "client/ui/group/group_opening_page.h"
#include "domain/credit_code.h"
#include "domain/org_code.h"
#include "pages_support.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

using namespace pages_testing;
using testing::Scenario;

namespace {

struct OpeningWindow
{
    Host host;
    ui::GroupOpeningPage* page;
    std::vector<printing::Layout> previewed;
    int wakes = 0;

    OpeningWindow(testing::Workstation& ws, ScriptedPrompts& prompts)
    {
        auto services = services_for(ws, true, prompts);
        services.forms_folder = COUNTER_FORMS_DIR;
        services.archive_folder = ws.dir.path() / "archive";
        services.prompts.preview = [this](wxWindow*, const printing::Layout& layout, const printing::Offsets&) {
            previewed.push_back(layout);
        };
        page = new ui::GroupOpeningPage(host.frame, std::move(services), [this] { ++wakes; });
        host.frame->SetSize(1100, 760);
        host.show();
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
        field->ChangeValue(wxString::FromUTF8(text));
    }

    void click(const char* name)
    {
        auto* button = find<wxButton>(page, name);
        REQUIRE(button);
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->GetEventHandler()->ProcessEvent(click);
        wait();
    }
};

/// A unified social credit code: 91 (enterprise), Shenzhen, the 8-character organisation body and its check
/// character, then the code's own check character.
std::string credit_code(const std::string& body)
{
    const std::string first17 = "91440300" + body + domain::OrgCode::check_character(body);
    return first17 + domain::CreditCode::check_character(first17);
}

} // namespace

TEST_CASE("集团开户: a broken application lists every problem, a valid one opens the group and prints its form, and "
          "the name is then taken",
          "[gui][pages][group]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "3001");
    ScriptedPrompts prompts;
    OpeningWindow window(ws, prompts);
    const std::string name = "深圳市界面测试科技有限公司";

    // An SME without a grid, no certificate and no manager: three problems at once, nothing sent.
    window.type("group_name", name);
    auto* type = find<wxChoice>(window.page, "group_type");
    CHECK_FALSE(find<wxTextCtrl>(window.page, "group_grid")->IsEnabled()); // a key account has no grid
    type->SetSelection(1);
    wxCommandEvent chosen(wxEVT_CHOICE, type->GetId());
    chosen.SetEventObject(type);
    chosen.SetInt(1);
    type->GetEventHandler()->ProcessEvent(chosen);
    CHECK(find<wxTextCtrl>(window.page, "group_grid")->IsEnabled());
    window.click("group_open");
    const wxString problems = label_of(window.page, "group_message");
    CHECK(problems.Contains(zh("证件")));
    CHECK(problems.Contains(zh("客户经理")));
    CHECK(problems.Contains(zh("网格")));
    CHECK_FALSE(window.page->opened());
    screenshot(window.host.frame, "group_opening_problems_zh");

    // Leaving the name field asks the back office: nobody has this name yet.
    window.page->check_name();
    window.wait();
    REQUIRE(window.page->name_check());
    CHECK(window.page->name_check()->status == workflows::GroupNameCheck::Status::free);

    // Two certificates: the first added is the main one until another is marked.
    window.type("group_certificate_number", credit_code("MA5UT001"));
    window.click("group_certificate_add");
    window.type("group_certificate_number", credit_code("MA5UT002"));
    window.click("group_certificate_add");
    REQUIRE(window.page->certificates().size() == 2);
    CHECK(window.page->certificates()[0].main);
    window.page->mark_main(1);
    CHECK_FALSE(window.page->certificates()[0].main);
    CHECK(window.page->certificates()[1].main);
    window.type("group_managers", "3001");
    window.type("group_grid", "NS-01");
    window.type("group_address", "广东省深圳市南山区科技园路88号");
    screenshot(window.host.frame, "group_opening_zh");
    window.click("group_open");
    INFO(label_of(window.page, "group_message").utf8_string());
    REQUIRE(window.page->opened());
    CHECK_FALSE(window.page->opened()->provisional);
    CHECK(window.page->opened()->customer.name == name);
    CHECK(window.page->opened()->customer.grid == std::optional<std::string>("NS-01"));
    const auto cached = store::CustomerCache(*ws.sql).by_id(window.page->opened()->customer.customer_id);
    REQUIRE(cached);
    CHECK(cached->name == name);

    window.click("group_print");
    INFO(label_of(window.page, "group_message").utf8_string());
    REQUIRE(window.previewed.size() == 1);
    CHECK(window.previewed.front().form == "group_opening");

    // The same name again: reported as existing when the field is left.
    window.click("group_clear");
    CHECK(window.page->certificates().empty());
    window.type("group_name", name);
    window.page->check_name();
    window.wait();
    REQUIRE(window.page->name_check());
    CHECK(window.page->name_check()->status == workflows::GroupNameCheck::Status::exists);
    CHECK(label_of(window.page, "group_name_state").Contains(zh("已存在")));
}
