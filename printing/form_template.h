#pragma once
/// A form template as read from forms/NAME.xml: every position and size in millimetres from the top-left paper edge,
/// font sizes in points. Plain data; template_parser.h reads it and layout_engine.h turns it into pages.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace printing {

enum class Align
{
    left,
    center,
    right
};
enum class VAlign
{
    top,
    middle,
    bottom
};

/// What happens to text wider than its box: shrink keeps one line and lowers the font size (down to the minimum,
/// then cuts with …); wrap breaks into lines and shrinks only when the lines do not fit the box's height.
enum class Fit
{
    shrink,
    wrap
};

/// Which pages an item appears on when a table overflows onto more sheets of the same stationery.
enum class PageScope
{
    all,
    first,
    last
};

/// How a money value is written: ¥1,234.50, 壹仟贰佰叁拾肆元伍角整 or 1234.50.
enum class MoneyFormat
{
    symbol,
    upper,
    plain
};

struct BoxMm
{
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
};

struct TextStyle
{
    double size_pt = 10;
    double min_size_pt = 6;
    bool bold = false;
    Align align = Align::left;
    VAlign valign = VAlign::middle;
    Fit fit = Fit::shrink;
};

/// Fixed text or a bound field inside a box.
struct TextItem
{
    BoxMm box;
    TextStyle style;
    std::string text;   ///< fixed text; with a field, printed before the value (e.g. "¥")
    std::string suffix; ///< with a field, printed after the value (e.g. "页")
    std::string field;  ///< empty for fixed text
    bool optional = false;
    MoneyFormat money = MoneyFormat::symbol;
};

struct LineItem
{
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width_mm = 0.3;
};

struct BoxItem
{
    BoxMm box;
    double width_mm = 0.3;
};

/// A PNG. Backgrounds (scans of the pre-printed stationery) are never sent to the printer (form_canvas.h).
struct ImageItem
{
    BoxMm box;
    std::filesystem::path file; ///< absolute: resolved against the template's folder when loaded
    bool background = false;
};

/// A QR symbol of a field's value, quiet zone included in `size`.
struct QrItem
{
    double x = 0, y = 0, size = 20;
    std::string field;
};

/// The box the customer signs in; its label sits in the top-left corner.
struct SignatureItem
{
    BoxMm box;
    std::string label;
    double size_pt = 9;
};

/// Calibration crosshair: two lines of `size` mm crossing at (x, y).
struct CrossItem
{
    double x = 0, y = 0, size = 10;
    double width_mm = 0.2;
};

struct TableColumn
{
    std::string field; ///< column name within the table
    std::string title;
    double w = 0;
    TextStyle style;
    MoneyFormat money = MoneyFormat::symbol;
};

/// Rows of order data (items, fees, …) in a fixed area; rows that do not fit continue in the same area of the next
/// sheet, under a repeated header.
struct TableItem
{
    std::string table;
    BoxMm box;
    double header_h = 7;
    double row_h = 6;
    double size_pt = 9;
    bool grid = true;
    std::vector<TableColumn> columns;

    /// Rows that fit on one sheet under the header (the parser guarantees at least one).
    [[nodiscard]] int rows_per_page() const
    {
        return std::max(1, static_cast<int>(std::floor((box.h - header_h) / row_h + 1e-6)));
    }
};

/// One drawable element of the template, with the pages it appears on and the line it came from (for errors).
struct TemplateItem
{
    std::variant<TextItem, LineItem, BoxItem, ImageItem, QrItem, SignatureItem, CrossItem, TableItem> what;
    PageScope scope = PageScope::all;
    int line = 0;
};

struct FormTemplate
{
    std::string name;  ///< "acceptance"
    std::string title; ///< "营业受理单", for the PDF's metadata
    std::string file;  ///< where it was read from, for errors
    double page_w = 210;
    double page_h = 297;
    std::string font_family = "Noto Sans CJK SC";
    TextStyle defaults;
    /// Where 补打 goes on a reprint, and the words.
    TextItem reprint_mark;
    std::vector<TemplateItem> items;
};

} // namespace printing
