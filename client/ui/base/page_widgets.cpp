#include "client/ui/base/page_widgets.h"

#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace ui {

wxString yuan(domain::Money money)
{
    return wxString::FromUTF8(money.plain());
}

wxString offering_label(const contract::Offering& offering)
{
    // TRANSLATORS: a product: name, monthly fee and one-off fee in yuan.
    return wxString::Format(_("%s    %s/month, %s once"), wxString::FromUTF8(offering.name), yuan(offering.monthly_fee),
                            yuan(offering.one_off_fee));
}

void fill_last_column(wxListCtrl* list)
{
    list->Bind(wxEVT_SIZE, [list](wxSizeEvent& event) {
        event.Skip();
        const int columns = list->GetColumnCount();
        int used = 0;
        for (int i = 0; i + 1 < columns; ++i) {
            used += list->GetColumnWidth(i);
        }
        const int rest = list->GetClientSize().GetWidth() - used;
        if (columns > 0 && rest > 60) {
            list->SetColumnWidth(columns - 1, rest);
        }
    });
}

wxDatePickerCtrl* date_picker(wxWindow* parent, const wxDateTime& value, const wxString& name)
{
    auto* picker = new wxDatePickerCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxDefaultSize,
                                        wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator, name);
    // GTK's picker is exactly as wide as the date's text, so with the caret at the start its first digit is cut
    // off; a Chinese date (2026年11月01日) fills it to the edge.
    const wxSize best = picker->GetBestSize();
    picker->SetMinSize(wxSize(best.x + picker->FromDIP(14), best.y));
    return picker;
}

Banner::Banner(wxWindow* parent, const wxString& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, name)
{
    SetBackgroundColour(wxColour(0xFF, 0xE8, 0xA3));
    m_text = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name + "_text");
    m_text->SetForegroundColour(wxColour(0x6B, 0x3A, 0x00));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(m_text, 1, wxALL, 6);
    SetSizer(sizer);
    Hide();
}

void Banner::show_text(const wxString& text)
{
    m_text->SetLabel(text);
    Show(!text.empty());
    if (GetParent() != nullptr) {
        GetParent()->Layout();
    }
}

wxString Banner::text() const
{
    return m_text->GetLabel();
}

} // namespace ui
