#pragma once
/// What a business page needs from the frame, handed in through its constructor so the frame can hook it up
/// without the page knowing how: the workstation's desk services (client/workflows/workstation/desk.h) and how to ask
/// the clerk something (tests install answering fakes instead of modal dialogs).

#include "client/workflows/workstation/desk.h"
#include "printing/calibration.h"
#include "printing/layout.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <wx/string.h>
#include <wx/window.h>

namespace ui {

/// Questions a page asks the clerk. Empty members fall back to the standard wx dialogs.
struct PagePrompts
{
    /// Yes/no; true to go ahead.
    std::function<bool(wxWindow* parent, const wxString& title, const wxString& question)> confirm;
    /// A line of text (a reason); nothing when the clerk cancels.
    std::function<std::optional<wxString>(wxWindow* parent, const wxString& title, const wxString& prompt)> ask_text;
    /// A password (a supervisor's approval); nothing when cancelled.
    std::function<std::optional<wxString>(wxWindow* parent, const wxString& title, const wxString& prompt)>
        ask_password;
    /// Tells the clerk something (an error, a result).
    std::function<void(wxWindow* parent, const wxString& title, const wxString& message)> tell;
    /// Shows a laid-out form before it is printed (the preview window, whose print button prints with `offsets`).
    std::function<void(wxWindow* parent, const printing::Layout& layout, const printing::Offsets& offsets)> preview;
    /// Where to save a file (an exported report), starting from `default_name`; nothing when cancelled.
    std::function<std::optional<wxString>(wxWindow*, const wxString& title, const wxString& default_name)>
        choose_save_path;
};

/// What a page is given: what its desk works with (the workstation's DeskServices) and how to ask the clerk.
struct PageServices : workflows::DeskServices
{
    PagePrompts prompts;
};

/// The page's worker-thread side: a workflows::Desk that also keeps the page's prompts.
class PageBackend : public workflows::Desk
{
public:
    explicit PageBackend(PageServices services) : workflows::Desk(services), m_services(std::move(services)) {}

    /// What the page was given, prompts included.
    [[nodiscard]] const PageServices& services() const { return m_services; }

private:
    PageServices m_services;
};

} // namespace ui

namespace ui {

/// The prompts' answers, through the installed fakes or the standard dialogs.
bool page_confirm(const PagePrompts& prompts, wxWindow* parent, const wxString& title, const wxString& question);
std::optional<wxString> page_ask_text(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                      const wxString& prompt);
std::optional<wxString> page_ask_password(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                          const wxString& prompt);
void page_tell(const PagePrompts& prompts, wxWindow* parent, const wxString& title, const wxString& message);
/// The preview of a form about to be printed, on the workstation's printer settings.
void page_preview(const PagePrompts& prompts, wxWindow* parent, const printing::Layout& layout,
                  const printing::Offsets& offsets);
/// Where to save a file, through the installed fake or the standard save dialog (which asks before replacing).
std::optional<wxString> page_choose_save_path(const PagePrompts& prompts, wxWindow* parent, const wxString& title,
                                              const wxString& default_name);

} // namespace ui
