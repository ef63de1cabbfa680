#include "printing/template_parser.h"

#include "printing/field_catalog.h"
#include "printing/xml_position.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <pugixml.hpp>

namespace printing {
namespace {

/// Anything larger is a typo (a metre-wide form), not stationery.
constexpr double kMaxLengthMm = 2000;
constexpr double kPtPerMm = 72.0 / 25.4;
/// Rounding slack when checking that an item stays on the page.
constexpr double kEdgeSlackMm = 0.001;

/// Thrown inside the parser only, caught by parse_template: keeps every check one line long.
struct Refusal
{
    PrintError error;
};

struct PaperSize
{
    std::string_view name;
    double w;
    double h;
};

constexpr std::array<PaperSize, 6> kPaperSizes{{
    {"A3", 297, 420},
    {"A4", 210, 297},
    {"A5", 148, 210},
    {"A6", 105, 148},
    {"B5", 176, 250},
    {"Letter", 215.9, 279.4},
}};

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string format_number(double value)
{
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

class TemplateParser
{
public:
    TemplateParser(std::string_view xml, std::string file, std::filesystem::path base_dir)
        : m_xml(xml), m_file(std::move(file)), m_base_dir(std::move(base_dir))
    {
    }

    FormTemplate parse()
    {
        pugi::xml_document doc;
        const auto parsed = doc.load_buffer(m_xml.data(), m_xml.size(), pugi::parse_default, pugi::encoding_utf8);
        if (!parsed) {
            throw Refusal{print_error("E_TEMPLATE_SYNTAX", {{"file", m_file},
                                                            {"line", std::to_string(line_at(m_xml, parsed.offset))},
                                                            {"reason", parsed.description()}})};
        }
        const auto root = doc.document_element();
        if (std::string_view(root.name()) != "form") {
            refuse(root, "E_TEMPLATE_ELEMENT", {{"element", root.name()}});
        }
        allow(root, {"name", "title"});
        m_form.file = m_file;
        m_form.name = required(root, "name");
        m_form.title = root.attribute("title").as_string();

        const auto page = root.child("page");
        if (!page) {
            refuse(root, "E_TEMPLATE_MISSING", {{"element", "page"}, {"attribute", "size"}});
        }
        read_page(page);
        if (const auto defaults = root.child("defaults")) {
            read_defaults(defaults);
        }
        m_form.reprint_mark.box = {m_form.page_w - 38, 6, 30, 10};
        m_form.reprint_mark.style = m_form.defaults;
        m_form.reprint_mark.style.size_pt = 16;
        m_form.reprint_mark.style.bold = true;
        m_form.reprint_mark.style.align = Align::right;
        m_form.reprint_mark.text = "补打";

        int pages_seen = 0;
        int defaults_seen = 0;
        for (const auto node : root.children()) {
            if (node.type() != pugi::node_element) {
                const std::string_view text = node.value();
                if (node.type() == pugi::node_pcdata && !trimmed(text).empty()) {
                    // Report the line of the text itself, not of the line break before it.
                    const auto skip = static_cast<std::ptrdiff_t>(text.find_first_not_of(" \t\r\n"));
                    throw Refusal{print_error("E_TEMPLATE_ELEMENT",
                                              {{"file", m_file},
                                               {"line", std::to_string(line_at(m_xml, node.offset_debug() + skip))},
                                               {"element", "#text"}})};
                }
                continue;
            }
            const std::string_view name = node.name();
            if (name == "page") {
                if (++pages_seen > 1) {
                    refuse(node, "E_TEMPLATE_DUPLICATE", {{"element", "page"}});
                }
            } else if (name == "defaults") {
                if (++defaults_seen > 1) {
                    refuse(node, "E_TEMPLATE_DUPLICATE", {{"element", "defaults"}});
                }
            } else if (name == "reprint") {
                m_form.reprint_mark = read_text(node, false);
            } else {
                m_form.items.push_back(read_item(node));
            }
        }
        return std::move(m_form);
    }

private:
    [[noreturn]] void refuse(const pugi::xml_node& node, const char* code,
                             std::vector<std::pair<std::string, std::string>> params) const
    {
        params.insert(params.begin(), {{"file", m_file}, {"line", std::to_string(line_of(node))}});
        throw Refusal{print_error(code, std::move(params))};
    }

    [[nodiscard]] int line_of(const pugi::xml_node& node) const { return line_at(m_xml, node.offset_debug()); }

    /// Refuses attributes the element does not take: a misspelt "widht" would otherwise be silently ignored.
    void allow(const pugi::xml_node& node, std::initializer_list<std::string_view> names) const
    {
        for (const auto attr : node.attributes()) {
            if (std::find(names.begin(), names.end(), std::string_view(attr.name())) == names.end()) {
                refuse(node, "E_TEMPLATE_ATTRIBUTE", {{"element", node.name()}, {"attribute", attr.name()}});
            }
        }
    }

    std::string required(const pugi::xml_node& node, const char* name) const
    {
        const auto attr = node.attribute(name);
        if (!attr) {
            refuse(node, "E_TEMPLATE_MISSING", {{"element", node.name()}, {"attribute", name}});
        }
        return attr.value();
    }

    /// A number with an optional unit suffix from `units` (the first is the default), converted by `scale`.
    double number(const pugi::xml_node& node, const char* name, std::string_view text,
                  std::initializer_list<std::pair<std::string_view, double>> units) const
    {
        double value = 0;
        const auto* begin = text.data();
        const auto* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(begin, end, value);
        if (ec != std::errc() || text.empty() || !std::isfinite(value)) {
            refuse(node, "E_TEMPLATE_VALUE",
                   {{"attribute", name}, {"value", std::string(text)}, {"reason", "not_a_number"}});
        }
        const std::string_view suffix(stop, static_cast<std::size_t>(end - stop));
        for (const auto& [unit, scale] : units) {
            if (suffix == unit || suffix.empty()) {
                return value * (suffix.empty() ? units.begin()->second : scale);
            }
        }
        refuse(node, "E_TEMPLATE_UNIT", {{"attribute", name}, {"value", std::string(text)}});
    }

    /// A length in millimetres ("12.5" or "12.5mm"); sizes must be positive, positions not negative.
    double length(const pugi::xml_node& node, const char* name, bool positive) const
    {
        const std::string text = required(node, name);
        const double value = number(node, name, text, {{"mm", 1.0}, {"cm", 10.0}});
        if (positive ? value <= 0 : value < 0) {
            refuse(node, "E_TEMPLATE_VALUE",
                   {{"attribute", name}, {"value", text}, {"reason", positive ? "not_positive" : "negative"}});
        }
        if (value > kMaxLengthMm) {
            refuse(node, "E_TEMPLATE_VALUE", {{"attribute", name}, {"value", text}, {"reason", "too_large"}});
        }
        return value;
    }

    double length_or(const pugi::xml_node& node, const char* name, bool positive, double fallback) const
    {
        return node.attribute(name) ? length(node, name, positive) : fallback;
    }

    /// A font size in points ("10", "10pt" or "3.5mm"), between 2 and 200 pt.
    double font_size(const pugi::xml_node& node, const char* name, double fallback) const
    {
        if (!node.attribute(name)) {
            return fallback;
        }
        const std::string text = node.attribute(name).value();
        const double value = number(node, name, text, {{"pt", 1.0}, {"mm", kPtPerMm}});
        if (value < 2 || value > 200) {
            refuse(node, "E_TEMPLATE_VALUE", {{"attribute", name}, {"value", text}, {"reason", "font_size_range"}});
        }
        return value;
    }

    template <typename E>
    E choice(const pugi::xml_node& node, const char* name, E fallback,
             std::initializer_list<std::pair<std::string_view, E>> options) const
    {
        const auto attr = node.attribute(name);
        if (!attr) {
            return fallback;
        }
        for (const auto& [text, value] : options) {
            if (text == attr.value()) {
                return value;
            }
        }
        refuse(node, "E_TEMPLATE_VALUE", {{"attribute", name}, {"value", attr.value()}, {"reason", "unknown_choice"}});
    }

    bool flag(const pugi::xml_node& node, const char* name, bool fallback) const
    {
        return choice(node, name, fallback, {{"true", true}, {"false", false}});
    }

    void read_page(const pugi::xml_node& page)
    {
        allow(page, {"size", "orientation", "width", "height"});
        if (page.attribute("size")) {
            if (page.attribute("width") || page.attribute("height")) {
                refuse(
                    page, "E_TEMPLATE_VALUE",
                    {{"attribute", "size"}, {"value", page.attribute("size").value()}, {"reason", "size_and_width"}});
            }
            const std::string_view size = page.attribute("size").value();
            const auto* paper = std::find_if(kPaperSizes.begin(), kPaperSizes.end(),
                                             [size](const PaperSize& p) { return p.name == size; });
            if (paper == kPaperSizes.end()) {
                refuse(page, "E_TEMPLATE_VALUE",
                       {{"attribute", "size"}, {"value", std::string(size)}, {"reason", "unknown_paper"}});
            }
            const bool landscape = choice(page, "orientation", false, {{"portrait", false}, {"landscape", true}});
            m_form.page_w = landscape ? paper->h : paper->w;
            m_form.page_h = landscape ? paper->w : paper->h;
        } else if (page.attribute("width") || page.attribute("height")) {
            if (page.attribute("orientation")) {
                refuse(page, "E_TEMPLATE_ATTRIBUTE", {{"element", "page"}, {"attribute", "orientation"}});
            }
            m_form.page_w = length(page, "width", true);
            m_form.page_h = length(page, "height", true);
        } else {
            refuse(page, "E_TEMPLATE_MISSING", {{"element", "page"}, {"attribute", "size"}});
        }
    }

    void read_defaults(const pugi::xml_node& node)
    {
        allow(node, {"family", "size", "min-size", "bold", "align", "valign", "fit"});
        if (node.attribute("family")) {
            m_form.font_family = node.attribute("family").value();
            if (m_form.font_family.empty()) {
                refuse(node, "E_TEMPLATE_VALUE", {{"attribute", "family"}, {"value", ""}, {"reason", "empty"}});
            }
        }
        m_form.defaults = read_style(node, m_form.defaults);
    }

    TextStyle read_style(const pugi::xml_node& node, TextStyle style) const
    {
        style.size_pt = font_size(node, "size", style.size_pt);
        style.min_size_pt = std::min(font_size(node, "min-size", style.min_size_pt), style.size_pt);
        style.bold = flag(node, "bold", style.bold);
        style.align = choice(node, "align", style.align,
                             {{"left", Align::left}, {"center", Align::center}, {"right", Align::right}});
        style.valign = choice(node, "valign", style.valign,
                              {{"top", VAlign::top}, {"middle", VAlign::middle}, {"bottom", VAlign::bottom}});
        style.fit = choice(node, "fit", style.fit, {{"shrink", Fit::shrink}, {"wrap", Fit::wrap}});
        return style;
    }

    BoxMm read_box(const pugi::xml_node& node) const
    {
        BoxMm box{length(node, "x", false), length(node, "y", false), length(node, "w", true), length(node, "h", true)};
        on_page(node, box.x + box.w, box.y + box.h);
        return box;
    }

    /// Refuses an item reaching past the paper's right or bottom edge: it would never print.
    void on_page(const pugi::xml_node& node, double right, double bottom) const
    {
        if (right > m_form.page_w + kEdgeSlackMm || bottom > m_form.page_h + kEdgeSlackMm) {
            refuse(node, "E_TEMPLATE_OUTSIDE",
                   {{"element", node.name()}, {"right", format_number(right)}, {"bottom", format_number(bottom)}});
        }
    }

    /// A field the catalog knows; `kind_out` receives its kind.
    std::string bound_field(const pugi::xml_node& node, FieldKind& kind_out) const
    {
        std::string field = required(node, "name");
        const auto kind = field_kind(field);
        if (!kind) {
            refuse(node, "E_TEMPLATE_FIELD", {{"field", field}});
        }
        kind_out = *kind;
        return field;
    }

    MoneyFormat money_format(const pugi::xml_node& node, FieldKind kind) const
    {
        const auto format =
            choice(node, "format", MoneyFormat::symbol,
                   {{"symbol", MoneyFormat::symbol}, {"upper", MoneyFormat::upper}, {"plain", MoneyFormat::plain}});
        if (node.attribute("format") && kind != FieldKind::money) {
            refuse(node, "E_TEMPLATE_VALUE",
                   {{"attribute", "format"}, {"value", node.attribute("format").value()}, {"reason", "not_money"}});
        }
        return format;
    }

    TextItem read_text(const pugi::xml_node& node, bool is_field) const
    {
        if (is_field) {
            allow(node, {"name", "x", "y", "w", "h", "size", "min-size", "bold", "align", "valign", "fit", "on",
                         "optional", "format", "prefix", "suffix"});
        } else {
            allow(node, {"x", "y", "w", "h", "size", "min-size", "bold", "align", "valign", "fit", "on"});
        }
        for (const auto child : node.children()) {
            if (child.type() == pugi::node_element) {
                refuse(child, "E_TEMPLATE_ELEMENT", {{"element", child.name()}});
            }
        }
        TextItem item;
        item.box = read_box(node);
        item.style = read_style(node, m_form.defaults);
        if (is_field) {
            FieldKind kind{};
            item.field = bound_field(node, kind);
            item.optional = flag(node, "optional", false);
            item.money = money_format(node, kind);
            item.text = node.attribute("prefix").value();
            item.suffix = node.attribute("suffix").value();
            if (!trimmed(node.child_value()).empty()) {
                refuse(node, "E_TEMPLATE_VALUE",
                       {{"attribute", "#text"}, {"value", trimmed(node.child_value())}, {"reason", "field_has_text"}});
            }
        } else {
            item.text = trimmed(node.child_value());
        }
        return item;
    }

    ImageItem read_image(const pugi::xml_node& node, bool background) const
    {
        allow(node, {"src", "x", "y", "w", "h", "on"});
        ImageItem item;
        item.background = background;
        if (background && !node.attribute("x") && !node.attribute("y") && !node.attribute("w") &&
            !node.attribute("h")) {
            item.box = {0, 0, m_form.page_w, m_form.page_h};
        } else {
            item.box = read_box(node);
        }
        const std::string src = required(node, "src");
        const std::filesystem::path file = m_base_dir / std::filesystem::path(src);
        std::error_code ec;
        if (src.empty() || file.extension() != ".png" || !std::filesystem::is_regular_file(file, ec)) {
            refuse(node, "E_TEMPLATE_IMAGE", {{"src", src}});
        }
        item.file = std::filesystem::absolute(file, ec).lexically_normal();
        return item;
    }

    TableItem read_table(const pugi::xml_node& node) const
    {
        allow(node, {"name", "x", "y", "w", "h", "header-h", "row-h", "size", "grid", "on"});
        TableItem table;
        table.table = required(node, "name");
        if (!is_table(table.table)) {
            refuse(node, "E_TEMPLATE_FIELD", {{"field", table.table}});
        }
        table.box = read_box(node);
        table.header_h = length_or(node, "header-h", true, table.header_h);
        table.row_h = length_or(node, "row-h", true, table.row_h);
        table.size_pt = font_size(node, "size", table.size_pt);
        table.grid = flag(node, "grid", true);
        if (table.header_h + table.row_h > table.box.h + kEdgeSlackMm) {
            refuse(node, "E_TEMPLATE_VALUE",
                   {{"attribute", "h"}, {"value", format_number(table.box.h)}, {"reason", "no_room_for_a_row"}});
        }
        double used = 0;
        TextStyle cell = m_form.defaults;
        cell.size_pt = table.size_pt;
        cell.min_size_pt = std::min(cell.min_size_pt, cell.size_pt);
        cell.valign = VAlign::middle;
        for (const auto child : node.children()) {
            if (child.type() != pugi::node_element) {
                continue;
            }
            if (std::string_view(child.name()) != "column") {
                refuse(child, "E_TEMPLATE_ELEMENT", {{"element", child.name()}});
            }
            allow(child, {"field", "title", "w", "align", "fit", "size", "min-size", "bold", "format"});
            TableColumn column;
            column.field = required(child, "field");
            const auto kind = column_kind(table.table, column.field);
            if (!kind) {
                refuse(child, "E_TEMPLATE_FIELD", {{"field", table.table + "." + column.field}});
            }
            column.title = child.attribute("title").value();
            column.w = length(child, "w", true);
            column.style = read_style(child, cell);
            column.money = money_format(child, *kind);
            used += column.w;
            table.columns.push_back(std::move(column));
        }
        if (table.columns.empty()) {
            refuse(node, "E_TEMPLATE_MISSING", {{"element", "column"}, {"attribute", "field"}});
        }
        if (used > table.box.w + kEdgeSlackMm) {
            refuse(node, "E_TEMPLATE_VALUE",
                   {{"attribute", "w"}, {"value", format_number(used)}, {"reason", "columns_wider_than_table"}});
        }
        return table;
    }

    TemplateItem read_item(const pugi::xml_node& node) const
    {
        TemplateItem item;
        item.line = line_of(node);
        item.scope = choice(node, "on", PageScope::all,
                            {{"all", PageScope::all}, {"first", PageScope::first}, {"last", PageScope::last}});
        const std::string_view name = node.name();
        if (name == "text" || name == "field") {
            item.what = read_text(node, name == "field");
        } else if (name == "line") {
            allow(node, {"x1", "y1", "x2", "y2", "width", "on"});
            LineItem line{length(node, "x1", false), length(node, "y1", false), length(node, "x2", false),
                          length(node, "y2", false), length_or(node, "width", true, 0.3)};
            on_page(node, std::max(line.x1, line.x2), std::max(line.y1, line.y2));
            item.what = line;
        } else if (name == "box") {
            allow(node, {"x", "y", "w", "h", "width", "on"});
            item.what = BoxItem{read_box(node), length_or(node, "width", true, 0.3)};
        } else if (name == "image" || name == "background") {
            item.what = read_image(node, name == "background");
        } else if (name == "qr") {
            allow(node, {"field", "x", "y", "size", "on"});
            QrItem qr{length(node, "x", false), length(node, "y", false), length(node, "size", true),
                      required(node, "field")};
            if (!field_kind(qr.field)) {
                refuse(node, "E_TEMPLATE_FIELD", {{"field", qr.field}});
            }
            on_page(node, qr.x + qr.size, qr.y + qr.size);
            item.what = qr;
        } else if (name == "signature") {
            allow(node, {"x", "y", "w", "h", "label", "size", "on"});
            item.what = SignatureItem{read_box(node), node.attribute("label").value(), font_size(node, "size", 9)};
        } else if (name == "cross") {
            allow(node, {"x", "y", "size", "width", "on"});
            CrossItem cross{length(node, "x", false), length(node, "y", false), length_or(node, "size", true, 10),
                            length_or(node, "width", true, 0.2)};
            on_page(node, cross.x + cross.size / 2, cross.y + cross.size / 2);
            item.what = cross;
        } else if (name == "table") {
            item.what = read_table(node);
        } else {
            refuse(node, "E_TEMPLATE_ELEMENT", {{"element", node.name()}});
        }
        return item;
    }

    std::string_view m_xml;
    std::string m_file;
    std::filesystem::path m_base_dir;
    FormTemplate m_form;
};

} // namespace

PrintResult<FormTemplate> parse_template(std::string_view xml, const std::string& file,
                                         const std::filesystem::path& base_dir)
{
    try {
        return TemplateParser(xml, file, base_dir).parse();
    } catch (const Refusal& refusal) {
        return refusal.error;
    }
}

PrintResult<FormTemplate> load_template(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return print_error("E_FILE_READ", {{"file", file.string()}});
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_template(text, file.filename().string(), file.parent_path());
}

} // namespace printing
