#include "printing/pdf_canvas.h"

#include "printing/font_set.h"
#include "printing/text_metrics.h"

#include <string>

namespace printing {

PdfCanvas::PdfCanvas(cairo_t* cr, std::shared_ptr<const FontSet> fonts) : m_cr(cr), m_fonts(std::move(fonts))
{
    cairo_scale(m_cr, kPtPerMm, kPtPerMm);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(m_cr, options);
    cairo_font_options_destroy(options);
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_SQUARE);
}

PdfCanvas::~PdfCanvas()
{
    for (auto& [path, surface] : m_images) {
        cairo_surface_destroy(surface);
    }
}

void PdfCanvas::text(const TextRun& run)
{
    const std::string owned(run.text);
    cairo_set_font_face(m_cr, m_fonts->face(run.bold));
    cairo_set_font_size(m_cr, em_mm(run.size_pt));
    cairo_move_to(m_cr, run.x, run.baseline);
    cairo_show_text(m_cr, owned.c_str());
    cairo_new_path(m_cr);
}

void PdfCanvas::line(const LineSeg& line)
{
    cairo_set_line_width(m_cr, line.width);
    cairo_move_to(m_cr, line.x1, line.y1);
    cairo_line_to(m_cr, line.x2, line.y2);
    cairo_stroke(m_cr);
}

void PdfCanvas::frame(const Frame& frame)
{
    cairo_set_line_width(m_cr, frame.width);
    cairo_rectangle(m_cr, frame.box.x, frame.box.y, frame.box.w, frame.box.h);
    cairo_stroke(m_cr);
}

void PdfCanvas::fill(const Fill& fill)
{
    for (const auto& r : fill.rects) {
        cairo_rectangle(m_cr, r.x, r.y, r.w, r.h);
    }
    cairo_fill(m_cr);
}

void PdfCanvas::picture(const Picture& picture)
{
    auto& surface = m_images[picture.file];
    if (surface == nullptr) {
        surface = cairo_image_surface_create_from_png(picture.file.string().c_str());
    }
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        return; // the parser saw the file; one that vanished since prints as a blank area, not a failed form
    }
    const int w = cairo_image_surface_get_width(surface);
    const int h = cairo_image_surface_get_height(surface);
    if (w <= 0 || h <= 0) {
        return;
    }
    cairo_save(m_cr);
    cairo_translate(m_cr, picture.box.x, picture.box.y);
    cairo_scale(m_cr, picture.box.w / w, picture.box.h / h);
    cairo_set_source_surface(m_cr, surface, 0, 0);
    cairo_paint(m_cr);
    cairo_restore(m_cr);
}

} // namespace printing
