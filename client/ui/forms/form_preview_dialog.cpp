#include "client/ui/forms/form_preview_dialog.h"

#include "printing/form_canvas.h"
#include "printing/wx/form_print.h"
#include "printing/wx/wx_canvas.h"

#include <cmath>
#include <wx/button.h>
#include <wx/dcmemory.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/print.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>

namespace ui {

namespace {

/// Screen resolution of the preview: an A4 page is about 830 pixels wide, readable without zooming.
constexpr double kPreviewDpi = 100;

wxBitmap draw_page(const printing::Layout& layout, std::size_t index)
{
    const double per_mm = kPreviewDpi / 25.4;
    const int width = static_cast<int>(std::lround(layout.page_w * per_mm));
    const int height = static_cast<int>(std::lround(layout.page_h * per_mm));
    // Created in two steps, as wxBitmap's constructor would: clang-tidy's VirtualCall check flags that constructor
    // for calling its own virtual Create.
    wxBitmap bitmap;
    bitmap.Create(std::max(width, 1), std::max(height, 1), 24);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    printing::DeviceMapping mapping;
    mapping.dots_per_mm_x = per_mm;
    mapping.dots_per_mm_y = per_mm;
    printing::WxDcCanvas canvas(dc, mapping, layout.font_family);
    printing::paint_page(layout.pages[index], canvas, printing::RenderPurpose::preview);
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

} // namespace

FormPreviewDialog::FormPreviewDialog(wxWindow* parent, printing::Layout layout, const printing::Offsets& offsets)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Preview: %s"), wxString::FromUTF8(layout.title)),
               wxDefaultPosition, wxSize(900, 860), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "form_preview"),
      m_layout(std::move(layout)), m_offsets(offsets)
{
    auto* pages = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxHSCROLL,
                                       "form_preview_pages");
    pages->SetBackgroundColour(wxColour(0x80, 0x80, 0x80));
    auto* column = new wxBoxSizer(wxVERTICAL);
    for (std::size_t i = 0; i < m_layout.pages.size(); ++i) {
        column->Add(new wxStaticBitmap(pages, wxID_ANY, draw_page(m_layout, i)), 0, wxALIGN_CENTER_HORIZONTAL | wxALL,
                    10);
    }
    pages->SetSizer(column);
    pages->SetScrollRate(20, 20);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* print_button = new wxButton(this, wxID_PRINT, _("&Print"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "form_preview_print");
    auto* close_button = new wxButton(this, wxID_CANCEL, _("Close (Esc)"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "form_preview_close");
    buttons->AddStretchSpacer();
    buttons->Add(print_button, 0, wxRIGHT, 6);
    buttons->Add(close_button, 0);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(pages, 1, wxEXPAND);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);
    SetEscapeId(wxID_CANCEL);
    print_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    close_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    print_button->SetFocus();
}

wxBitmap FormPreviewDialog::page_bitmap(std::size_t index) const
{
    return draw_page(m_layout, index);
}

void FormPreviewDialog::print()
{
    wxPrintData data;
    if (!printing::print_layout(this, m_layout, m_offsets, data, true)) {
        if (wxPrinter::GetLastError() == wxPRINTER_ERROR) {
            wxMessageBox(_("The printer reported an error. Check it is on and has paper, then print again."),
                         _("Printing"), wxOK | wxICON_ERROR, this);
        }
        return;
    }
    Destroy();
}

} // namespace ui
