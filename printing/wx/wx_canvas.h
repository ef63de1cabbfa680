#pragma once
/// The wxDC backend of FormCanvas, for the printer and the preview. Millimetres from the paper edge become the DC's
/// logical units through a DeviceMapping: the paper's top-left corner where the printout says it is (the DC's origin
/// is the printable area, not the paper), the printer's resolution, and the calibration offset. Nothing is scaled to
/// fit: 10 mm on the template is 10 mm on paper.

#include "printing/calibration.h"
#include "printing/form_canvas.h"

#include <map>
#include <string>
#include <wx/bitmap.h>
#include <wx/dc.h>
#include <wx/font.h>

namespace printing {

/// How millimetres from the paper edge map to the DC's logical coordinates.
struct DeviceMapping
{
    double dots_per_mm_x = 96 / 25.4;
    double dots_per_mm_y = 96 / 25.4;
    /// Logical position of the paper's top-left edge: wxPrintout::GetPaperRectPixels().GetTopLeft(), ≤ 0 on a
    /// printer whose printable area starts inside the sheet.
    double paper_x = 0;
    double paper_y = 0;
    /// Calibration, already included in the mapping (zero for preview).
    Offsets offsets;

    [[nodiscard]] double x(double mm) const { return paper_x + (mm + offsets.x_mm) * dots_per_mm_x; }
    [[nodiscard]] double y(double mm) const { return paper_y + (mm + offsets.y_mm) * dots_per_mm_y; }
};

class WxDcCanvas final : public FormCanvas
{
public:
    WxDcCanvas(wxDC& dc, const DeviceMapping& mapping, std::string font_family);

    void text(const TextRun& run) override;
    void line(const LineSeg& line) override;
    void frame(const Frame& frame) override;
    void fill(const Fill& fill) override;
    void picture(const Picture& picture) override;

private:
    /// A font whose em is `size_pt` on paper on this DC: its point size is found by measuring, because printer DCs
    /// differ in how they scale point sizes (GTK scales by the screen's resolution, MSW by the printer's).
    wxFont font_for(double size_pt, bool bold);
    [[nodiscard]] int px_x(double mm) const;
    [[nodiscard]] int px_y(double mm) const;
    [[nodiscard]] int pen_width(double mm) const;

    wxDC& m_dc;
    DeviceMapping m_mapping;
    wxString m_family;
    double m_em_per_point[2] = {0, 0}; ///< logical em width of one font point, regular and bold
    std::map<std::string, wxBitmap> m_bitmaps;
};

} // namespace printing
