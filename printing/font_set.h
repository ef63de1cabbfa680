#pragma once
/// The regular and bold faces of the form font (Noto Sans CJK SC from fonts-noto-cjk by default), found through
/// fontconfig; bold is the regular face emboldened (font_set.cpp says why). Refused with E_FONT_MISSING when fontconfig
/// would substitute another family: a PDF set in a fallback font without Chinese glyphs is worse than no PDF. Used by
/// the PDF canvas and the text measure, never by callers.

#include "printing/print_error.h"

#include <cairo.h>
#include <memory>
#include <string>

namespace printing {

class FontSet
{
public:
    /// The faces of `family`, loaded once per process and shared.
    static PrintResult<std::shared_ptr<const FontSet>> shared(const std::string& family);

    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet();

    [[nodiscard]] cairo_font_face_t* face(bool bold) const { return bold ? m_bold : m_regular; }
    /// Unhinted and scaled by 100 pt: widths at any size are this font's advance × size / 100.
    [[nodiscard]] cairo_scaled_font_t* reference(bool bold) const { return bold ? m_bold_ref : m_regular_ref; }
    [[nodiscard]] const std::string& family() const { return m_family; }

private:
    FontSet() = default;

    std::string m_family;
    cairo_font_face_t* m_regular = nullptr;
    cairo_font_face_t* m_bold = nullptr;
    cairo_scaled_font_t* m_regular_ref = nullptr;
    cairo_scaled_font_t* m_bold_ref = nullptr;
};

} // namespace printing
