#pragma once
/// A form laid out: every piece of ink on every page, in millimetres from the top-left paper edge. Renderers only
/// draw what is here (layout_engine.h makes it), so the PDF, the preview and the printer agree, and the tests check
/// positions without drawing anything.

#include "printing/form_template.h"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace printing {

/// One line of text, drawn from its baseline's left end.
struct TextRun
{
    double x = 0;        ///< left end of the baseline
    double baseline = 0; ///< distance of the baseline from the top edge
    double width = 0;    ///< advance width as the layout measured it
    double size_pt = 10;
    bool bold = false;
    std::string text;
    std::string field; ///< the bound field ("customer.name", "fees.amount"); empty for fixed text
    BoxMm box;         ///< the box the text was fitted into

    [[nodiscard]] double top() const;    ///< top of the em box
    [[nodiscard]] double bottom() const; ///< bottom of the em box
};

struct LineSeg
{
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.3;
};

/// A stroked rectangle.
struct Frame
{
    BoxMm box;
    double width = 0.3;
};

/// Solid black rectangles (QR modules, merged into runs along each row).
struct Fill
{
    std::vector<BoxMm> rects;
};

struct Picture
{
    BoxMm box;
    std::filesystem::path file;
    bool background = false; ///< a scan of the stationery: drawn in preview only
};

using LayoutItem = std::variant<TextRun, LineSeg, Frame, Fill, Picture>;

struct LayoutPage
{
    std::vector<LayoutItem> items;
    std::optional<BoxMm> signature; ///< where a captured signature image goes
};

struct Layout
{
    std::string form;         ///< "acceptance"
    std::string title;        ///< "营业受理单"
    std::string order_number; ///< empty when the form has none (calibration)
    std::string font_family;
    double page_w = 210;
    double page_h = 297;
    bool reprint = false;
    std::vector<LayoutPage> pages;
};

} // namespace printing
