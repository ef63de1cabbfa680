#include "client/ui/base/status_line.h"

namespace ui {

const wxColour& problem_colour()
{
    // Dark red: readable on the default background, and never the only sign (the text says what is wrong).
    static const wxColour colour(0xB0, 0x00, 0x20);
    return colour;
}

StatusLine::StatusLine(wxWindow* parent, wxWindowID id, const wxString& label, const wxPoint& pos, const wxSize& size,
                       long style, const wxString& name)
    : wxStaticText(parent, id, label, pos, size, style, name)
{
}

void StatusLine::show(const wxString& text, bool problem)
{
    m_problem = problem;
    SetLabel(text);
    SetForegroundColour(problem ? problem_colour() : GetParent()->GetForegroundColour());
    Refresh();
    GetParent()->Layout();
}

} // namespace ui
