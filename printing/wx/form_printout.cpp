#include "printing/wx/form_printout.h"

#include <wx/dc.h>

namespace printing {

FormPrintout::FormPrintout(Layout layout, RenderPurpose purpose, const Offsets& offsets)
    : wxPrintout(wxString::FromUTF8(layout.title.empty() ? layout.form : layout.title)), m_layout(std::move(layout)),
      m_purpose(purpose), m_offsets(purpose == RenderPurpose::print ? offsets : Offsets{})
{
}

DeviceMapping FormPrintout::device_mapping() const
{
    int ppi_x = 0;
    int ppi_y = 0;
    GetPPIPrinter(&ppi_x, &ppi_y);
    const wxRect paper = GetPaperRectPixels();
    DeviceMapping mapping;
    mapping.dots_per_mm_x = ppi_x / 25.4;
    mapping.dots_per_mm_y = ppi_y / 25.4;
    mapping.paper_x = paper.x;
    mapping.paper_y = paper.y;
    mapping.offsets = m_offsets;
    return mapping;
}

bool FormPrintout::OnPrintPage(int page)
{
    wxDC* dc = GetDC();
    if (dc == nullptr || !HasPage(page)) {
        return false;
    }
    WxDcCanvas canvas(*dc, device_mapping(), m_layout.font_family);
    paint_page(m_layout.pages[static_cast<std::size_t>(page - 1)], canvas, m_purpose);
    return true;
}

bool FormPrintout::HasPage(int page)
{
    return page >= 1 && static_cast<std::size_t>(page) <= m_layout.pages.size();
}

void FormPrintout::GetPageInfo(int* min_page, int* max_page, int* page_from, int* page_to)
{
    const int pages = static_cast<int>(m_layout.pages.size());
    *min_page = 1;
    *max_page = pages;
    *page_from = 1;
    *page_to = pages;
}

} // namespace printing
