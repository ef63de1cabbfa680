#include "printing/layout_engine.h"

#include "printing/field_catalog.h"
#include "printing/field_value.h"
#include "printing/qr_code.h"
#include "printing/text_fit.h"
#include "printing/text_metrics.h"

#include <algorithm>

namespace printing {

double TextRun::top() const
{
    return baseline - kEmAscent * em_mm(size_pt);
}

double TextRun::bottom() const
{
    return top() + em_mm(size_pt);
}

namespace {

/// Modules of white around a QR symbol, as the standard asks.
constexpr int kQrQuietZone = 4;

/// Thrown inside the engine only, caught by lay_out.
struct Refusal
{
    PrintError error;
};

class LayoutEngine
{
public:
    LayoutEngine(const FormTemplate& form, const FormData& data, const TextMeasure& measure,
                 const LayoutOptions& options)
        : m_form(form), m_data(data), m_measure(measure), m_options(options)
    {
    }

    Layout run()
    {
        Layout layout;
        layout.form = m_form.name;
        layout.title = m_form.title;
        layout.font_family = m_form.font_family;
        layout.page_w = m_form.page_w;
        layout.page_h = m_form.page_h;
        layout.reprint = m_options.reprint;
        if (const auto* number = m_data.field("order.number")) {
            layout.order_number = *number;
        }
        m_page_count = page_count();
        for (int page = 0; page < m_page_count; ++page) {
            m_page = page;
            LayoutPage out;
            // Backgrounds first, whatever their place in the template: everything else is drawn over them.
            for (const bool background_pass : {true, false}) {
                for (const auto& item : m_form.items) {
                    const auto* image = std::get_if<ImageItem>(&item.what);
                    if ((image != nullptr && image->background) == background_pass && on_this_page(item.scope)) {
                        emit(item, out);
                    }
                }
            }
            if (m_options.reprint) {
                place_text(m_form.reprint_mark.text, m_form.reprint_mark.box, m_form.reprint_mark.style, "", out);
            }
            layout.pages.push_back(std::move(out));
        }
        return layout;
    }

private:
    [[nodiscard]] bool on_this_page(PageScope scope) const
    {
        return scope == PageScope::all || (scope == PageScope::first && m_page == 0) ||
               (scope == PageScope::last && m_page == m_page_count - 1);
    }

    [[nodiscard]] const std::vector<FormRow>& rows_of(const std::string& table) const
    {
        static const std::vector<FormRow> kNone;
        const auto it = m_data.tables.find(table);
        return it == m_data.tables.end() ? kNone : it->second;
    }

    /// Enough sheets for the longest table, at least one. A table on the first or last sheet only has that one
    /// sheet: more rows than it holds are refused rather than dropped from a receipt.
    [[nodiscard]] int page_count() const
    {
        std::size_t pages = 1;
        for (const auto& item : m_form.items) {
            if (const auto* table = std::get_if<TableItem>(&item.what)) {
                const auto per_page = static_cast<std::size_t>(table->rows_per_page());
                const auto rows = rows_of(table->table).size();
                if (item.scope == PageScope::all) {
                    pages = std::max(pages, (rows + per_page - 1) / per_page);
                } else if (rows > per_page) {
                    throw Refusal{print_error("E_DATA_TOO_MANY_ROWS", {{"form", m_form.name},
                                                                       {"table", table->table},
                                                                       {"rows", std::to_string(rows)},
                                                                       {"limit", std::to_string(per_page)},
                                                                       {"line", std::to_string(item.line)}})};
                }
            }
        }
        return static_cast<int>(pages);
    }

    /// The text printed for a bound field, or nothing for an optional field without a value.
    std::optional<std::string> value_of(const std::string& field, MoneyFormat money, bool optional, int line) const
    {
        if (field == "page.number") {
            return std::to_string(m_page + 1);
        }
        if (field == "page.count") {
            return std::to_string(m_page_count);
        }
        const auto* value = m_data.field(field);
        if (value == nullptr || value->empty()) {
            if (optional) {
                return std::nullopt;
            }
            throw Refusal{print_error("E_DATA_MISSING",
                                      {{"form", m_form.name}, {"field", field}, {"line", std::to_string(line)}})};
        }
        const auto kind = field_kind(field).value_or(FieldKind::text);
        if (auto error = check_value(kind, field, *value)) {
            throw Refusal{*error};
        }
        return display_value(kind, *value, money, m_options.mask_personal_data);
    }

    void place_text(const std::string& text, const BoxMm& box, const TextStyle& style, const std::string& field,
                    LayoutPage& out) const
    {
        const auto fitted = fit_text(text, box, style, m_measure);
        if (fitted.lines.empty()) {
            return;
        }
        const double em = em_mm(fitted.size_pt);
        const double block = em * (1 + kLineSpacing * static_cast<double>(fitted.lines.size() - 1));
        double top = box.y;
        if (style.valign == VAlign::middle) {
            top = box.y + (box.h - block) / 2;
        } else if (style.valign == VAlign::bottom) {
            top = box.y + box.h - block;
        }
        for (const auto& line : fitted.lines) {
            TextRun run;
            run.size_pt = fitted.size_pt;
            run.bold = style.bold;
            run.width = m_measure.width_mm(line, fitted.size_pt, style.bold);
            run.x = box.x;
            if (style.align == Align::center) {
                run.x = box.x + (box.w - run.width) / 2;
            } else if (style.align == Align::right) {
                run.x = box.x + box.w - run.width;
            }
            run.baseline = top + kEmAscent * em;
            run.text = line;
            run.field = field;
            run.box = box;
            if (!line.empty()) {
                out.items.emplace_back(std::move(run));
            }
            top += kLineSpacing * em;
        }
    }

    void emit(const TemplateItem& item, LayoutPage& out) const
    {
        if (const auto* table = std::get_if<TableItem>(&item.what)) {
            // A table on every sheet continues from sheet to sheet; one on a single sheet starts at its first row.
            emit_table(*table, item.scope == PageScope::all ? m_page : 0, out);
            return;
        }
        std::visit([&](const auto& what) { emit_one(what, item.line, out); }, item.what);
    }

    void emit_one(const TextItem& text, int line, LayoutPage& out) const
    {
        if (text.field.empty()) {
            place_text(text.text, text.box, text.style, "", out);
            return;
        }
        if (const auto value = value_of(text.field, text.money, text.optional, line)) {
            place_text(text.text + *value + text.suffix, text.box, text.style, text.field, out);
        }
    }

    static void emit_one(const LineItem& line, int /*line*/, LayoutPage& out)
    {
        out.items.emplace_back(LineSeg{line.x1, line.y1, line.x2, line.y2, line.width_mm});
    }

    static void emit_one(const BoxItem& box, int /*line*/, LayoutPage& out)
    {
        out.items.emplace_back(Frame{box.box, box.width_mm});
    }

    static void emit_one(const ImageItem& image, int /*line*/, LayoutPage& out)
    {
        out.items.emplace_back(Picture{image.box, image.file, image.background});
    }

    void emit_one(const QrItem& qr, int line, LayoutPage& out) const
    {
        const auto value = value_of(qr.field, MoneyFormat::plain, false, line);
        const auto matrix = QrMatrix::encode(*value);
        if (!matrix) {
            throw Refusal{print_error("E_DATA_VALUE", {{"field", qr.field}, {"value", *value}, {"reason", "qr"}})};
        }
        const int n = matrix->size();
        const double module = qr.size / (n + 2 * kQrQuietZone);
        const double x0 = qr.x + kQrQuietZone * module;
        const double y0 = qr.y + kQrQuietZone * module;
        Fill fill;
        for (int y = 0; y < n; ++y) {
            for (int x = 0; x < n;) {
                if (!matrix->dark(x, y)) {
                    ++x;
                    continue;
                }
                const int start = x;
                while (x < n && matrix->dark(x, y)) {
                    ++x;
                }
                fill.rects.push_back({x0 + start * module, y0 + y * module, (x - start) * module, module});
            }
        }
        out.items.emplace_back(std::move(fill));
    }

    void emit_one(const SignatureItem& signature, int /*line*/, LayoutPage& out) const
    {
        out.items.emplace_back(Frame{signature.box, 0.3});
        if (!signature.label.empty()) {
            TextStyle style = m_form.defaults;
            style.size_pt = signature.size_pt;
            style.min_size_pt = std::min(style.min_size_pt, style.size_pt);
            style.valign = VAlign::top;
            style.align = Align::left;
            style.fit = Fit::shrink;
            const BoxMm label{signature.box.x + 1.5, signature.box.y + 1.5, signature.box.w - 3,
                              em_mm(signature.size_pt) * 1.2};
            place_text(signature.label, label, style, "", out);
        }
        out.signature = signature.box;
    }

    static void emit_one(const CrossItem& cross, int /*line*/, LayoutPage& out)
    {
        const double half = cross.size / 2;
        out.items.emplace_back(LineSeg{cross.x - half, cross.y, cross.x + half, cross.y, cross.width_mm});
        out.items.emplace_back(LineSeg{cross.x, cross.y - half, cross.x, cross.y + half, cross.width_mm});
    }

    static void emit_one(const TableItem& /*table*/, int /*line*/, LayoutPage& /*out*/) {} // see emit()

    void emit_table(const TableItem& table, int sheet, LayoutPage& out) const
    {
        const auto& rows = rows_of(table.table);
        const auto per_page = static_cast<std::size_t>(table.rows_per_page());
        const std::size_t first = static_cast<std::size_t>(sheet) * per_page;
        const std::size_t last = std::min(rows.size(), first + per_page);
        const BoxMm& box = table.box;
        const double body_top = box.y + table.header_h;

        if (table.grid) {
            out.items.emplace_back(Frame{box, 0.3});
            out.items.emplace_back(LineSeg{box.x, body_top, box.x + box.w, body_top, 0.3});
            double x = box.x;
            for (std::size_t c = 0; c + 1 < table.columns.size(); ++c) {
                x += table.columns[c].w;
                out.items.emplace_back(LineSeg{x, box.y, x, box.y + box.h, 0.2});
            }
            for (std::size_t r = first; r < last; ++r) {
                const double y = body_top + static_cast<double>(r - first + 1) * table.row_h;
                if (y < box.y + box.h - 1.0) { // a rule just above the frame's own would read as a double line
                    out.items.emplace_back(LineSeg{box.x, y, box.x + box.w, y, 0.1});
                }
            }
        }

        double x = box.x;
        for (const auto& column : table.columns) {
            TextStyle header = column.style;
            header.bold = true;
            header.align = Align::center;
            header.fit = Fit::shrink;
            const BoxMm cell{x + kCellPaddingMm, box.y, column.w - 2 * kCellPaddingMm, table.header_h};
            place_text(column.title, cell, header, "", out);
            x += column.w;
        }

        for (std::size_t r = first; r < last; ++r) {
            const double y = body_top + static_cast<double>(r - first) * table.row_h;
            x = box.x;
            for (const auto& column : table.columns) {
                std::string name = table.table;
                name.append(".").append(column.field);
                const auto found = rows[r].find(column.field);
                if (found != rows[r].end() && !found->second.empty()) {
                    const auto kind = column_kind(table.table, column.field).value_or(FieldKind::text);
                    if (auto error = check_value(kind, name, found->second)) {
                        error->params.emplace_back("row", std::to_string(r + 1));
                        throw Refusal{*error};
                    }
                    const BoxMm cell{x + kCellPaddingMm, y, column.w - 2 * kCellPaddingMm, table.row_h};
                    place_text(display_value(kind, found->second, column.money, m_options.mask_personal_data), cell,
                               column.style, name, out);
                }
                x += column.w;
            }
        }
    }

    const FormTemplate& m_form;
    const FormData& m_data;
    const TextMeasure& m_measure;
    const LayoutOptions& m_options;
    int m_page = 0;
    int m_page_count = 1;
};

} // namespace

PrintResult<Layout> lay_out(const FormTemplate& form, const FormData& data, const TextMeasure& measure,
                            const LayoutOptions& options)
{
    try {
        return LayoutEngine(form, data, measure, options).run();
    } catch (const Refusal& refusal) {
        return refusal.error;
    }
}

} // namespace printing
