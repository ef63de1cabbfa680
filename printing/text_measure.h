#pragma once
/// How wide a piece of text is in a given font size. The layout asks this to wrap and shrink text; production uses
/// the embedded PDF font's metrics (cairo_text_measure.h), layout tests a fixed-pitch measure of their own.

#include <string_view>

namespace printing {

class TextMeasure
{
public:
    virtual ~TextMeasure() = default;
    /// The advance width in millimetres of UTF-8 `text` set in `size_pt` points.
    [[nodiscard]] virtual double width_mm(std::string_view text, double size_pt, bool bold) const = 0;
};

} // namespace printing
