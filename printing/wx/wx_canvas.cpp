#include "printing/wx/wx_canvas.h"

#include "printing/text_metrics.h"

#include <algorithm>
#include <cmath>
#include <wx/brush.h>
#include <wx/image.h>
#include <wx/pen.h>

namespace printing {
namespace {

/// Point size at which a font's em is measured; large enough that rounding in the DC does not matter.
constexpr double kReferencePoints = 50;
/// Every CJK ideograph is one em wide, so its advance measures the em.
const wxString kEmGlyph = wxString::FromUTF8("国");

} // namespace

WxDcCanvas::WxDcCanvas(wxDC& dc, const DeviceMapping& mapping, std::string font_family)
    : m_dc(dc), m_mapping(mapping), m_family(wxString::FromUTF8(font_family))
{
    m_dc.SetBackgroundMode(wxBRUSHSTYLE_TRANSPARENT);
    m_dc.SetTextForeground(*wxBLACK);
}

int WxDcCanvas::px_x(double mm) const
{
    return static_cast<int>(std::lround(m_mapping.x(mm)));
}

int WxDcCanvas::px_y(double mm) const
{
    return static_cast<int>(std::lround(m_mapping.y(mm)));
}

int WxDcCanvas::pen_width(double mm) const
{
    return std::max(1, static_cast<int>(std::lround(mm * m_mapping.dots_per_mm_x)));
}

wxFont WxDcCanvas::font_for(double size_pt, bool bold)
{
    const auto info = [this, bold](double points) {
        wxFont font(wxFontInfo(10).FaceName(m_family).Bold(bold));
        font.SetFractionalPointSize(points);
        return font;
    };
    double& per_point = m_em_per_point[bold ? 1 : 0];
    if (per_point <= 0) {
        m_dc.SetFont(info(kReferencePoints));
        wxCoord w = 0;
        wxCoord h = 0;
        m_dc.GetTextExtent(kEmGlyph, &w, &h);
        per_point = w > 0 ? static_cast<double>(w) / kReferencePoints : m_mapping.dots_per_mm_y * kMmPerPt;
    }
    const double em_logical = em_mm(size_pt) * m_mapping.dots_per_mm_y;
    return info(em_logical / per_point);
}

void WxDcCanvas::text(const TextRun& run)
{
    const wxString text = wxString::FromUTF8(run.text);
    wxFont font = font_for(run.size_pt, run.bold);
    m_dc.SetFont(font);
    wxCoord w = 0;
    wxCoord h = 0;
    wxCoord descent = 0;
    m_dc.GetTextExtent(text, &w, &h, &descent);
    // The printer's font may run wider than the PDF font the layout measured: shrink rather than cross a box line.
    const double room = (run.box.x + run.box.w - run.x) * m_mapping.dots_per_mm_x;
    if (w > room && w > 0 && room > 0) {
        font.SetFractionalPointSize(font.GetFractionalPointSize() * room / w);
        m_dc.SetFont(font);
        m_dc.GetTextExtent(text, &w, &h, &descent);
    }
    const double baseline = m_mapping.y(run.baseline);
    m_dc.DrawText(text, px_x(run.x), static_cast<int>(std::lround(baseline - (h - descent))));
}

void WxDcCanvas::line(const LineSeg& line)
{
    wxPen pen(*wxBLACK, pen_width(line.width));
    pen.SetCap(wxCAP_BUTT);
    m_dc.SetPen(pen);
    m_dc.DrawLine(px_x(line.x1), px_y(line.y1), px_x(line.x2), px_y(line.y2));
}

void WxDcCanvas::frame(const Frame& frame)
{
    wxPen pen(*wxBLACK, pen_width(frame.width));
    pen.SetJoin(wxJOIN_MITER);
    m_dc.SetPen(pen);
    m_dc.SetBrush(*wxTRANSPARENT_BRUSH);
    const int x0 = px_x(frame.box.x);
    const int y0 = px_y(frame.box.y);
    m_dc.DrawRectangle(x0, y0, px_x(frame.box.x + frame.box.w) - x0, px_y(frame.box.y + frame.box.h) - y0);
}

void WxDcCanvas::fill(const Fill& fill)
{
    m_dc.SetPen(*wxTRANSPARENT_PEN);
    m_dc.SetBrush(*wxBLACK_BRUSH);
    for (const auto& r : fill.rects) {
        // Both edges rounded on their own, so neighbouring QR modules meet without a hairline between them.
        const int x0 = px_x(r.x);
        const int y0 = px_y(r.y);
        m_dc.DrawRectangle(x0, y0, px_x(r.x + r.w) - x0, px_y(r.y + r.h) - y0);
    }
}

void WxDcCanvas::picture(const Picture& picture)
{
    const int x0 = px_x(picture.box.x);
    const int y0 = px_y(picture.box.y);
    const int w = px_x(picture.box.x + picture.box.w) - x0;
    const int h = px_y(picture.box.y + picture.box.h) - y0;
    if (w <= 0 || h <= 0) {
        return;
    }
    const std::string key = picture.file.string() + "@" + std::to_string(w) + "x" + std::to_string(h);
    auto& bitmap = m_bitmaps[key];
    if (!bitmap.IsOk()) {
        if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
            wxImage::AddHandler(new wxPNGHandler());
        }
        wxImage image;
        if (!image.LoadFile(wxString::FromUTF8(picture.file.string()), wxBITMAP_TYPE_PNG)) {
            return; // the parser saw the file; one that vanished since prints as a blank area
        }
        bitmap = wxBitmap(image.Scale(w, h, wxIMAGE_QUALITY_HIGH));
    }
    m_dc.DrawBitmap(bitmap, x0, y0, true);
}

} // namespace printing
