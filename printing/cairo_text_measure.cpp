#include "printing/cairo_text_measure.h"

#include "printing/font_set.h"
#include "printing/text_metrics.h"

namespace printing {

PrintResult<std::shared_ptr<const CairoTextMeasure>> CairoTextMeasure::create(const std::string& family)
{
    auto fonts = FontSet::shared(family);
    if (const auto* error = error_of(fonts)) {
        return *error;
    }
    return std::make_shared<const CairoTextMeasure>(std::get<std::shared_ptr<const FontSet>>(std::move(fonts)));
}

CairoTextMeasure::CairoTextMeasure(std::shared_ptr<const FontSet> fonts) : m_fonts(std::move(fonts)) {}

double CairoTextMeasure::width_mm(std::string_view text, double size_pt, bool bold) const
{
    if (text.empty()) {
        return 0;
    }
    const std::string owned(text); // cairo wants a terminated string
    cairo_text_extents_t extents{};
    cairo_scaled_font_text_extents(m_fonts->reference(bold), owned.c_str(), &extents);
    return extents.x_advance / 100.0 * size_pt * kMmPerPt;
}

} // namespace printing
