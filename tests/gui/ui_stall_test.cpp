// The UI never waits for the network: with a back office that answers 2 s late (the real one behind SlowLink), the
// event loop keeps turning while pages ask it. The watchdog is the test's own event loop: every pass through
// Yield() is timed, and a handler that waited on the network would hold one pass for the whole 2 s. A pass longer
// than 100 ms fails, as the issue sets it; the answers must arrive (late), so the delay is known to have been met.

#include "client/ui/acceptance/acceptance_page.h"
#include "client/ui/money/settlement_page.h"
#include "client/ui/orders/order_tracking_page.h"
#include "pages_support.h"
#include "slow_link.h"

#include <algorithm>
#include <wx/textctrl.h>

using namespace pages_testing;
using namespace std::chrono_literals;
using testing::Scenario;

namespace {

constexpr auto kLate = 2000ms;
#if defined(__SANITIZE_THREAD__)
// ThreadSanitizer (the tsan preset) checks every memory access, and a pass of the event loop takes several times as
// long; a handler that waited on the network would still hold one pass for the whole 2 s.
constexpr auto kLongestPass = 500ms;
#else
constexpr auto kLongestPass = 100ms;
#endif

/// Runs the event loop until `done`, timing each pass; returns the longest pass and the time taken since `start`
/// (when the call was made).
struct Watch
{
    std::chrono::milliseconds longest{0};
    std::chrono::milliseconds took{0};
};

Watch watch_until(const std::function<bool()>& done,
                  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(),
                  std::chrono::seconds timeout = 60s)
{
    Watch watch;
    while (!done()) {
        REQUIRE(std::chrono::steady_clock::now() - start < timeout);
        const auto before = std::chrono::steady_clock::now();
        wxTheApp->Yield(true);
        wxTheApp->ProcessIdle();
        const auto pass =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - before);
        watch.longest = std::max(watch.longest, pass);
        wxMilliSleep(2);
    }
    watch.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return watch;
}

/// The services of `ws`'s clerk, reaching the back office through `link`.
ui::PageServices late_services(testing::Workstation& ws, const SlowLink& link, ScriptedPrompts& prompts)
{
    auto services = services_for(ws, true, prompts);
    auto options = testing::client_options(link.url(), ws.scenario.server().ca_file());
    // The TLS handshake is late too (every byte from the back office is): time enough for both.
    options.connect_timeout = 10s;
    options.total_timeout = 20s;
    const auto token = ws.token;
    services.connect = [options, token] {
        auto client = std::make_unique<bss::BssClient>(options);
        client->set_session_token(token);
        return client;
    };
    return services;
}

void check(const Watch& watch, const char* what)
{
    INFO(what << ": answered in " << watch.took.count() << " ms, longest pass of the event loop "
              << watch.longest.count() << " ms");
    CHECK(watch.took >= kLate);
    CHECK(watch.longest < kLongestPass);
}

} // namespace

TEST_CASE("the event loop never stalls while the back office answers 2 s late", "[gui][pages][stall]")
{
    use_chinese();
    Scenario scenario;
    testing::Workstation ws(scenario, "1001");
    SlowLink link(
        static_cast<std::uint16_t>(std::stoi(scenario.server().url().substr(scenario.server().url().rfind(':') + 1))),
        kLate);
    ScriptedPrompts prompts;
    auto clerk = scenario.client_as("1001");
    const auto found = scenario.find_demo_customer(*clerk, [](const contract::CustomerGetResponse& r) {
        return r.customer.kind == "individual" && !r.services.empty();
    });
    REQUIRE(found);

    SECTION("综合受理: a search by service number and the customer's picture")
    {
        Host host;
        auto* page = new ui::AcceptancePage(host.frame, late_services(ws, link, prompts));
        host.show();
        page->find(workflows::CustomerKey::service_number, wxString::FromUTF8(found->services.front().service_number));
        check(watch_until([page] { return !page->busy(); }), "customer search");
        REQUIRE(page->picture());
        CHECK(page->picture()->view.customer.customer_id == found->customer.customer_id);
    }
    SECTION("日结: the day's settlement, asked as the page opens")
    {
        Host host;
        const auto asked = std::chrono::steady_clock::now();
        auto* page = new ui::SettlementPage(host.frame, late_services(ws, link, prompts));
        host.show();
        check(watch_until([page] { return !page->busy(); }, asked), "settlement");
        INFO(label_of(page, "settlement_message").utf8_string());
        CHECK(page->shown());
    }
    SECTION("订单查询: the customer's orders")
    {
        Host host;
        auto* page = new ui::OrderTrackingPage(host.frame, late_services(ws, link, prompts));
        host.show();
        static_cast<void>(watch_until([page] { return !page->busy(); }));
        page->show_customer(found->customer.customer_id);
        CHECK(page->busy());
        check(watch_until([page] { return !page->busy(); }), "order list");
    }
}
