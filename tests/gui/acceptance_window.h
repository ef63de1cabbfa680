#pragma once
/// 综合受理 (ui::AcceptancePage) in a bare frame for the page tests: the services of a workstation signed in as its
/// clerk against the real back office, the back office's fixed time as the page's clock, the real forms, the print
/// previews recorded instead of shown, and the gestures a clerk makes (click, type and Enter, Enter on a row).
/// Shared by the install, move and line-change tests.

#include "client/ui/acceptance/acceptance_page.h"
#include "client/workflows/workstation/local_clock.h"
#include "idcard/sample_cards.h"
#include "pages_support.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/textctrl.h>

namespace pages_testing {

inline idcard::ReaderEvent card_read(std::string_view key)
{
    const auto today = workflows::local_today();
    const auto deck = idcard::sample_deck(today);
    const auto card = std::find_if(deck.begin(), deck.end(), [&](const idcard::SampleCard& c) { return c.key == key; });
    REQUIRE(card != deck.end());
    idcard::ReaderEvent event;
    event.kind = idcard::ReaderEventKind::card_read;
    event.verification = idcard::verify_card(card->text, card->raw.photo, "", {today, {}, "sam", "/dev/pts/test"});
    return event;
}

struct AcceptanceWindow
{
    Host host;
    ui::AcceptancePage* page;
    int wakes = 0;
    std::vector<printing::Layout> previewed; ///< the forms shown in the print preview

    /// `online` false: the page's back office is an address where nothing answers (the counter's network is down).
    AcceptanceWindow(testing::Workstation& ws, ScriptedPrompts& prompts, bool online = true)
    {
        auto services = services_for(ws, online, prompts);
        // The back office's fixed time, so the reservation's countdown counts from when it was made.
        const auto fixed = *contract::parse_timestamp(testing::BackofficeOptions{}.fixed_time);
        services.clock = [fixed] { return fixed; };
        services.forms_folder = COUNTER_FORMS_DIR;
        services.archive_folder = ws.dir.path() / "archive";
        services.prompts.preview = [this](wxWindow*, const printing::Layout& layout, const printing::Offsets&) {
            previewed.push_back(layout);
        };
        page = new ui::AcceptancePage(host.frame, std::move(services), [this] { ++wakes; });
        host.frame->SetSize(1280, 800);
        host.show();
    }

    void wait()
    {
        REQUIRE(wait_until([this] { return !page->busy(); }));
        settle(3);
    }

    void click(const char* name)
    {
        auto* button = find<wxButton>(page, name);
        REQUIRE(button);
        REQUIRE(button->IsEnabled());
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->GetEventHandler()->ProcessEvent(click);
        wait();
    }

    void type_enter(const char* name, const std::string& text)
    {
        auto* field = find<wxTextCtrl>(page, name);
        REQUIRE(field);
        field->ChangeValue(wxString::FromUTF8(text));
        wxCommandEvent enter(wxEVT_TEXT_ENTER, field->GetId());
        enter.SetEventObject(field);
        field->GetEventHandler()->ProcessEvent(enter);
        wait();
    }

    /// Enter on row `row` of a list.
    void activate(const char* name, long row)
    {
        auto* list = find<wxListCtrl>(page, name);
        REQUIRE(list);
        REQUIRE(list->GetItemCount() > row);
        wxListEvent event(wxEVT_LIST_ITEM_ACTIVATED, list->GetId());
        event.SetEventObject(list);
        event.m_itemIndex = row;
        list->GetEventHandler()->ProcessEvent(event);
        wait();
    }
};

} // namespace pages_testing
