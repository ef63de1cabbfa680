#pragma once
/// Fitting text into a box: breaking it into lines (between ideographs, at spaces, never before closing punctuation)
/// and lowering the font size until it fits, as the template's fit policy says.

#include "printing/form_template.h"
#include "printing/text_measure.h"

#include <string>
#include <string_view>
#include <vector>

namespace printing {

struct FittedText
{
    double size_pt = 0;
    std::vector<std::string> lines;
    bool cut = false; ///< even the minimum size did not fit: the text ends in …
};

/// Splits UTF-8 text into the pieces a line may break between (trailing spaces stay with their piece).
std::vector<std::string> break_units(std::string_view text);

/// Fits `text` (line breaks in it are kept) into `box` following `style.fit`.
FittedText fit_text(std::string_view text, const BoxMm& box, const TextStyle& style, const TextMeasure& measure);

} // namespace printing
