#pragma once
/// Text widths from the font the PDF embeds (unhinted, so they scale exactly with the size): the layout is measured
/// with the same metrics the archive copy is drawn with.

#include "printing/print_error.h"
#include "printing/text_measure.h"

#include <memory>
#include <string>

namespace printing {

class FontSet;

class CairoTextMeasure final : public TextMeasure
{
public:
    /// A measure for `family` (E_FONT_MISSING when it is not installed).
    static PrintResult<std::shared_ptr<const CairoTextMeasure>> create(const std::string& family);

    explicit CairoTextMeasure(std::shared_ptr<const FontSet> fonts);
    [[nodiscard]] double width_mm(std::string_view text, double size_pt, bool bold) const override;

private:
    std::shared_ptr<const FontSet> m_fonts;
};

} // namespace printing
