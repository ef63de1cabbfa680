#pragma once
/// The workstation's main window: menus, the work area and the status bar. Business pages are added to the work
/// area by the later screens; this frame owns only what every page shares.

#include <wx/frame.h>

namespace ui {

class MainFrame : public wxFrame
{
public:
    MainFrame();

    /// "营业柜台工作站 0.1.0" in the current language.
    static wxString product_title();

private:
    void OnAbout(wxCommandEvent& event);
    void OnExit(wxCommandEvent& event);
};

} // namespace ui
