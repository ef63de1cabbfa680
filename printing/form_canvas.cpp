#include "printing/form_canvas.h"

namespace printing {

void paint_page(const LayoutPage& page, FormCanvas& canvas, RenderPurpose purpose)
{
    for (const auto& item : page.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) {
            canvas.text(*run);
        } else if (const auto* line = std::get_if<LineSeg>(&item)) {
            canvas.line(*line);
        } else if (const auto* frame = std::get_if<Frame>(&item)) {
            canvas.frame(*frame);
        } else if (const auto* fill = std::get_if<Fill>(&item)) {
            canvas.fill(*fill);
        } else if (const auto* picture = std::get_if<Picture>(&item)) {
            if (!picture->background || purpose != RenderPurpose::print) {
                canvas.picture(*picture);
            }
        }
    }
}

} // namespace printing
