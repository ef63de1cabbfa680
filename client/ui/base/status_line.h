#pragma once
/// The one line where a page, panel or dialog says how things went: plain for progress and outcomes, in the
/// problem colour for what went wrong and what to do. Every screen has one, named for the tests
/// ("order_message", …), and sets it only through show(), say() or warn().

#include <wx/stattext.h>

namespace ui {

/// The colour problems are shown in, everywhere (status lines, flags on a card, a reservation running out).
const wxColour& problem_colour();

class StatusLine : public wxStaticText
{
public:
    /// As wxStaticText's constructor.
    StatusLine(wxWindow* parent, wxWindowID id, const wxString& label, const wxPoint& pos = wxDefaultPosition,
               const wxSize& size = wxDefaultSize, long style = 0, const wxString& name = wxStaticTextNameStr);

    /// Shows `text`, in the problem colour when `problem`, and lays the parent out again (the line may wrap).
    void show(const wxString& text, bool problem);
    /// Progress or an outcome.
    void say(const wxString& text) { show(text, false); }
    /// A problem: what went wrong and what to do.
    void warn(const wxString& text) { show(text, true); }
    /// Whether the line shows a problem.
    [[nodiscard]] bool problem() const { return m_problem; }

private:
    bool m_problem = false;
};

} // namespace ui
