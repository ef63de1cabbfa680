#pragma once
/// The vertical metrics every renderer agrees on, so a line of text sits in the same place on paper, in preview and
/// in the PDF: the ideographic em box (Noto Sans CJK: 880 units above the baseline, 120 below) is what the layout
/// places, whatever the font's own ascent says.

namespace printing {

constexpr double kMmPerPt = 25.4 / 72.0;
constexpr double kPtPerMm = 72.0 / 25.4;
/// Part of the em above the baseline.
constexpr double kEmAscent = 0.88;
/// Baseline-to-baseline distance of wrapped lines, in ems.
constexpr double kLineSpacing = 1.25;
/// Padding left and right of the text in a table cell, so it clears the grid lines.
constexpr double kCellPaddingMm = 1.0;

constexpr double em_mm(double size_pt)
{
    return size_pt * kMmPerPt;
}

} // namespace printing
