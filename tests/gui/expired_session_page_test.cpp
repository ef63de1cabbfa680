// An expired session behaves the same on every page: 订单查询, 报表 and 日结 are given their desks by a real
// headless workstation (workflows::Workstation) signed in at the real back office, which then ends the session. When
// the clerk types the password again (asked once, whichever page asks first), every page's call goes through; when
// the clerk declines, every page says the same sentence and nothing is asked again.

#include "client/ui/money/settlement_page.h"
#include "client/ui/orders/order_tracking_page.h"
#include "client/ui/reports/reports_page.h"
#include "client/workflows/workstation/workstation.h"
#include "pages_support.h"

#include <atomic>
#include <memory>

using namespace pages_testing;
using testing::Scenario;

namespace {

struct SignedInStation
{
    testing::TempDir dir{"counter-expiry"};
    workflows::Workstation station{dir.path()};
    std::atomic<int> asked{0};
    std::optional<std::string> answer;
    std::string token;

    explicit SignedInStation(Scenario& scenario)
    {
        station.set_password_prompt([this](const std::string&, const std::function<bool()>&) {
            ++asked;
            return answer;
        });
        workflows::BackOfficeLink link;
        link.url = scenario.server().url();
        link.ca_file = scenario.server().ca_file();
        REQUIRE_FALSE(station.connect(link, {}));
        auto signed_in = station.sign_in("2001", testing::kDemoPasswords.at("2001"));
        REQUIRE(std::holds_alternative<workflows::StaffSession>(signed_in));
        token = std::get<workflows::StaffSession>(signed_in).token;
    }

    ui::PageServices services(ScriptedPrompts& prompts) const
    {
        ui::PageServices services;
        static_cast<workflows::DeskServices&>(services) = station.desk_services();
        services.prompts = prompts.prompts();
        return services;
    }
};

void end_session(Scenario& scenario, const std::string& token)
{
    auto other = scenario.anonymous();
    other->set_token(token);
    REQUIRE(other->call(contract::LogoutRequest{}).ok());
}

/// The three pages, each run once; what each said.
struct Said
{
    wxString orders;
    wxString reports;
    wxString settlement;
};

Said run_three_pages(SignedInStation& station, ScriptedPrompts& prompts)
{
    Said said;
    {
        Host host;
        auto* page = new ui::OrderTrackingPage(host.frame, station.services(prompts));
        host.show();
        page->list();
        REQUIRE(wait_until([page] { return !page->busy(); }));
        said.orders = label_of(page, "order_message");
    }
    {
        Host host;
        auto* page = new ui::ReportsPage(host.frame, station.services(prompts));
        host.show();
        REQUIRE(wait_until([page] { return !page->busy(); }));
        page->show_report();
        REQUIRE(wait_until([page] { return !page->busy(); }));
        said.reports = label_of(page, "reports_message");
    }
    {
        Host host;
        auto* page = new ui::SettlementPage(host.frame, station.services(prompts));
        host.show();
        REQUIRE(wait_until([page] { return !page->busy(); }));
        page->show_day();
        REQUIRE(wait_until([page] { return !page->busy(); }));
        said.settlement = label_of(page, "settlement_message");
    }
    return said;
}

} // namespace

TEST_CASE("an expired session: the clerk signs in again once, and every page goes on", "[gui][pages][session]")
{
    use_chinese();
    Scenario scenario;
    SignedInStation station(scenario);
    station.answer = testing::kDemoPasswords.at("2001");
    end_session(scenario, station.token);

    ScriptedPrompts prompts;
    const auto said = run_three_pages(station, prompts);
    const wxString ended = zh("会话已结束，请重新登录。");
    INFO(said.orders.utf8_string() << " | " << said.reports.utf8_string() << " | " << said.settlement.utf8_string());
    CHECK_FALSE(said.orders.Contains(ended));
    CHECK_FALSE(said.reports.Contains(ended));
    CHECK_FALSE(said.settlement.Contains(ended));
    CHECK(station.asked == 1);
    REQUIRE(station.station.staff());
    CHECK(station.station.staff()->token != station.token);
}

TEST_CASE("an expired session the clerk will not renew: every page says the same, and asks nothing more",
          "[gui][pages][session]")
{
    use_chinese();
    Scenario scenario;
    SignedInStation station(scenario); // answers nothing: declined
    end_session(scenario, station.token);

    ScriptedPrompts prompts;
    const auto said = run_three_pages(station, prompts);
    const wxString ended = zh("会话已结束，请重新登录。");
    INFO(said.orders.utf8_string() << " | " << said.reports.utf8_string() << " | " << said.settlement.utf8_string());
    CHECK(said.orders == ended);
    CHECK(said.reports == ended);
    CHECK(said.settlement == ended);
    CHECK(station.asked == 1);
}
