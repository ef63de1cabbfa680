#include "client/ui/main_frame.h"

#include "counter_version.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

namespace ui {

wxString MainFrame::product_title()
{
    // TRANSLATORS: the product name, shown in the title bar, the About box and the desktop menu.
    return wxString::Format("%s %s", _("Counter Workstation"), COUNTER_VERSION);
}

MainFrame::MainFrame() : wxFrame(nullptr, wxID_ANY, product_title(), wxDefaultPosition, wxSize(1280, 800))
{
    SetName("main_frame");

    auto* file_menu = new wxMenu;
    file_menu->Append(wxID_EXIT, _("E&xit\tCtrl+Q"), _("Close the workstation"));
    auto* help_menu = new wxMenu;
    help_menu->Append(wxID_ABOUT, _("&About\tF1"), _("Product name and version"));
    auto* menu_bar = new wxMenuBar;
    menu_bar->Append(file_menu, _("&File"));
    menu_bar->Append(help_menu, _("&Help"));
    SetMenuBar(menu_bar);

    auto* work_area = new wxPanel(this, wxID_ANY);
    work_area->SetName("work_area");
    auto* heading = new wxStaticText(work_area, wxID_ANY, _("Counter Workstation"));
    heading->SetName("product_name");
    heading->SetFont(heading->GetFont().Scaled(2.0f).Bold());
    auto* version = new wxStaticText(work_area, wxID_ANY, wxString::Format(_("Version %s"), COUNTER_VERSION));
    version->SetName("product_version");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer();
    sizer->Add(heading, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 8);
    sizer->Add(version, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 4);
    sizer->AddStretchSpacer();
    work_area->SetSizer(sizer);

    CreateStatusBar(1);
    SetStatusText(_("Ready"));

    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::OnExit, this, wxID_EXIT);
    Centre();
}

void MainFrame::OnAbout(wxCommandEvent&)
{
    wxAboutDialogInfo info;
    info.SetName(_("Counter Workstation"));
    info.SetVersion(COUNTER_VERSION);
    info.SetDescription(_("Customer identification, business acceptance, fees and printing for business halls."));
    wxAboutBox(info, this);
}

void MainFrame::OnExit(wxCommandEvent&)
{
    Close(true);
}

} // namespace ui
