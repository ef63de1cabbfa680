#include "client/ui/coming_later_panel.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

ComingLaterPanel::ComingLaterPanel(wxWindow* parent, const wxString& title) : wxPanel(parent, wxID_ANY)
{
    auto* heading = new wxStaticText(this, wxID_ANY, title);
    heading->SetName("page_title");
    heading->SetFont(heading->GetFont().Scaled(1.6f).Bold());
    auto* note = new wxStaticText(this, wxID_ANY, _("This business opens in a later version of the workstation."));
    note->SetName("page_note");
    note->Wrap(560);
    auto* keys = new wxStaticText(this, wxID_ANY, _("Ctrl+W closes this page; Ctrl+1 returns to the business menu."));
    keys->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, 24);
    sizer->Add(note, 0, wxLEFT | wxRIGHT, 24);
    sizer->Add(keys, 0, wxALL, 24);
    SetSizer(sizer);
}

} // namespace ui
