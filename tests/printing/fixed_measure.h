#pragma once
/// A text measure with round numbers for layout tests: ideographs one em wide, everything else half an em, so the
/// expected positions can be worked out by hand.

#include "printing/text_measure.h"
#include "printing/text_metrics.h"

namespace testing {

class FixedMeasure final : public printing::TextMeasure
{
public:
    [[nodiscard]] double width_mm(std::string_view text, double size_pt, bool /*bold*/) const override
    {
        double ems = 0;
        for (std::size_t i = 0; i < text.size();) {
            const auto lead = static_cast<unsigned char>(text[i]);
            const std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            ems += len >= 3 ? 1.0 : 0.5;
            i += len;
        }
        return ems * printing::em_mm(size_pt);
    }
};

} // namespace testing
