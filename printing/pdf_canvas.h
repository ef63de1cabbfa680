#pragma once
/// The PDF backend of FormCanvas: a cairo PDF surface, millimetres mapped to points, text in the form font, which
/// cairo subsets and embeds (so the archive reads the same on any machine). Needs no display.

#include "printing/form_canvas.h"
#include "printing/print_error.h"

#include <cairo.h>
#include <map>
#include <memory>

namespace printing {

class FontSet;

class PdfCanvas final : public FormCanvas
{
public:
    /// Draws on `cr`, whose user space is points from the top-left paper edge.
    PdfCanvas(cairo_t* cr, std::shared_ptr<const FontSet> fonts);
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;
    ~PdfCanvas() override;

    void text(const TextRun& run) override;
    void line(const LineSeg& line) override;
    void frame(const Frame& frame) override;
    void fill(const Fill& fill) override;
    void picture(const Picture& picture) override;

private:
    cairo_t* m_cr;
    std::shared_ptr<const FontSet> m_fonts;
    std::map<std::filesystem::path, cairo_surface_t*> m_images;
};

} // namespace printing
