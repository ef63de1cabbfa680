#pragma once
/// The one drawing interface every renderer implements (PDF through cairo here; printer and preview through a wxDC in
/// printing/wx). Everything is in millimetres from the top-left paper edge; a backend maps that to its device and,
/// for a printer, adds the calibration offset.

#include "printing/layout.h"

namespace printing {

/// Why a page is drawn: it decides what is left out. Backgrounds (scans of the pre-printed stationery) are never sent
/// to the printer, which prints on that stationery; preview shows them so the clerk sees the values in their boxes,
/// and the archive keeps them so the PDF reads like the paper the customer took home. Calibration offsets apply to
/// print only (the wx backend takes them).
enum class RenderPurpose
{
    print,
    preview,
    archive
};

class FormCanvas
{
public:
    virtual ~FormCanvas() = default;
    virtual void text(const TextRun& run) = 0;
    virtual void line(const LineSeg& line) = 0;
    virtual void frame(const Frame& frame) = 0;
    virtual void fill(const Fill& fill) = 0;
    virtual void picture(const Picture& picture) = 0;
};

/// Draws one page on a canvas, leaving out what `purpose` does not show.
void paint_page(const LayoutPage& page, FormCanvas& canvas, RenderPurpose purpose);

} // namespace printing
