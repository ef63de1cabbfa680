#pragma once
/// The work area's page for a business whose screen is not built yet: it says so plainly instead of pretending.

#include <wx/panel.h>

namespace ui {

class ComingLaterPanel : public wxPanel
{
public:
    /// `title` is the business's translated name.
    ComingLaterPanel(wxWindow* parent, const wxString& title);
};

} // namespace ui
