// The archive PDF as a reader finds it: every form rendered from its sample without a display, its text extracted
// with pdftotext -bbox, and each value looked for in the box the template gives it.
#include "pdf_words.h"
#include "printing/cairo_text_measure.h"
#include "printing/field_value.h"
#include "printing/form_library.h"
#include "printing/pdf_writer.h"
#include "printing/text_metrics.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using printing::Layout;

namespace {

const fs::path kForms = FORMS_DIR;

std::string without_spaces(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

printing::FormData sample(const std::string& name)
{
    auto data = printing::load_form_data(kForms / "samples" / (name + ".xml"));
    REQUIRE(std::holds_alternative<printing::FormData>(data));
    return std::get<printing::FormData>(std::move(data));
}

Layout render(printing::FormLibrary& library, const std::string& name, const printing::LayoutOptions& options = {})
{
    auto layout = library.lay_out(name, sample(name), options);
    INFO((printing::error_of(layout) ? printing::error_of(layout)->to_string() : ""));
    REQUIRE(std::holds_alternative<Layout>(layout));
    return std::get<Layout>(std::move(layout));
}

std::string read_file(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool on_page(printing::PageScope scope, int page, int pages)
{
    return scope == printing::PageScope::all || (scope == printing::PageScope::first && page == 1) ||
           (scope == printing::PageScope::last && page == pages);
}

/// Checks every bound field and table cell of `form` against the words pdftotext found.
void check_fields(const printing::FormTemplate& form, const printing::FormData& data, const Layout& layout,
                  const std::vector<testing::PdfWord>& words)
{
    const int pages = static_cast<int>(layout.pages.size());
    for (int page = 1; page <= pages; ++page) {
        for (const auto& item : form.items) {
            if (!on_page(item.scope, page, pages)) {
                continue;
            }
            if (const auto* text = std::get_if<printing::TextItem>(&item.what); text && !text->field.empty()) {
                std::string value;
                if (text->field == "page.number") {
                    value = std::to_string(page);
                } else if (text->field == "page.count") {
                    value = std::to_string(pages);
                } else if (const auto* raw = data.field(text->field)) {
                    value = printing::display_value(*printing::field_kind(text->field), *raw, text->money, true);
                } else {
                    CHECK(text->optional);
                    continue;
                }
                const auto& box = text->box;
                INFO(form.name << " page " << page << " line " << item.line << " field " << text->field);
                CHECK(testing::text_in_box(words, page, box.x, box.y, box.w, box.h) ==
                      without_spaces(text->text + value + text->suffix));
                if (text->style.align == printing::Align::left) {
                    double left = 1e9;
                    for (const auto& w : words) {
                        if (w.page == page && w.centre_x() > box.x && w.centre_x() < box.x + box.w &&
                            w.centre_y() > box.y && w.centre_y() < box.y + box.h) {
                            left = std::min(left, w.x_min);
                        }
                    }
                    CHECK(left == Approx(box.x).margin(0.3));
                }
            }
            if (const auto* table = std::get_if<printing::TableItem>(&item.what)) {
                const auto found = data.tables.find(table->table);
                const std::size_t per_page = static_cast<std::size_t>(table->rows_per_page());
                const std::size_t first = static_cast<std::size_t>(page - 1) * per_page;
                for (std::size_t r = first;
                     found != data.tables.end() && r < found->second.size() && r < first + per_page; ++r) {
                    double x = table->box.x;
                    const double y = table->box.y + table->header_h + static_cast<double>(r - first) * table->row_h;
                    for (const auto& column : table->columns) {
                        INFO(form.name << " page " << page << " " << table->table << " row " << r + 1 << " "
                                       << column.field);
                        const auto cell = found->second[r].find(column.field);
                        const std::string expected =
                            cell == found->second[r].end()
                                ? std::string()
                                : printing::display_value(*printing::column_kind(table->table, column.field),
                                                          cell->second, column.money, true);
                        CHECK(testing::text_in_box(words, page, x + printing::kCellPaddingMm, y,
                                                   column.w - 2 * printing::kCellPaddingMm, table->row_h,
                                                   0.2) == without_spaces(expected));
                        x += column.w;
                    }
                }
            }
        }
    }
}

} // namespace

TEST_CASE("every form renders from its sample to a PDF whose text sits in the template's boxes", "[pdf]")
{
    testing::TempDir dir("printing-pdf");
    printing::FormLibrary library(kForms);
    for (const char* name :
         {"acceptance", "receipt", "billing_receipt", "move_request", "group_opening", "calibration"}) {
        INFO(name);
        const auto layout = render(library, name);
        const auto pdf = dir.path() / (std::string(name) + ".pdf");
        const auto error = printing::write_pdf(layout, pdf);
        INFO((error ? error->to_string() : ""));
        REQUIRE_FALSE(error);
        const auto words = testing::pdf_words(pdf);
        REQUIRE_FALSE(words.empty());
        int pages = 0;
        for (const auto& w : words) {
            pages = std::max(pages, w.page);
        }
        CHECK(static_cast<std::size_t>(pages) == layout.pages.size());
        const auto form = library.form(name);
        REQUIRE(std::holds_alternative<std::shared_ptr<const printing::FormTemplate>>(form));
        check_fields(*std::get<std::shared_ptr<const printing::FormTemplate>>(form), sample(name), layout, words);
    }
}

TEST_CASE("the acceptance form reads correctly in Chinese, with the ID and phone masked", "[pdf]")
{
    testing::TempDir dir("printing-pdf");
    printing::FormLibrary library(kForms);
    const auto pdf = dir.path() / "acceptance.pdf";
    REQUIRE_FALSE(printing::write_pdf(render(library, "acceptance"), pdf));
    const auto words = testing::pdf_words(pdf);
    const auto text = testing::all_text(words);
    for (const char* expected : {"营业受理单", "北京朝阳区建国路营业厅", "张三", "110105********002X", "138****5678",
                                 "市话基本业务", "来电显示", "叁佰陆拾元整", "¥360.00", "客户签名：", "客户须知"}) {
        INFO(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    CHECK(text.find("11010519491231002X") == std::string::npos);
    CHECK(text.find("13812345678") == std::string::npos);
    // The title is centred on the sheet (A4: 105 mm) as the template's box (55 + 100 / 2) says.
    for (const auto& w : words) {
        if (w.text == "营业受理单") {
            CHECK(w.centre_x() == Approx(105).margin(0.3));
        }
    }
}

TEST_CASE("the font is embedded, so the archive reads the same anywhere", "[pdf]")
{
    printing::FormLibrary library(kForms);
    const auto bytes = printing::pdf_bytes(render(library, "acceptance"));
    REQUIRE(std::holds_alternative<std::string>(bytes));
    const auto& pdf = std::get<std::string>(bytes);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("NotoSansCJKsc-Regular") != std::string::npos);
    CHECK(pdf.find("/FontFile3") != std::string::npos); // the CFF outlines themselves, not a reference by name
    CHECK(pdf.find("营业受理单") == std::string::npos); // text is glyph ids with a ToUnicode map, not raw UTF-8
}

TEST_CASE("the stationery scan is in the archive and the preview, never sent to the printer", "[pdf]")
{
    printing::FormLibrary library(kForms);
    const auto layout = render(library, "receipt");
    const auto has_image = [&](printing::RenderPurpose purpose) {
        const auto bytes = printing::pdf_bytes(layout, purpose);
        REQUIRE(std::holds_alternative<std::string>(bytes));
        return std::get<std::string>(bytes).find("/Subtype /Image") != std::string::npos;
    };
    CHECK(has_image(printing::RenderPurpose::archive));
    CHECK(has_image(printing::RenderPurpose::preview));
    CHECK_FALSE(has_image(printing::RenderPurpose::print));
}

TEST_CASE("the archive copy is named by order number and a reprint never overwrites it", "[pdf][archive]")
{
    testing::TempDir dir("printing-archive");
    const auto folder = dir.path() / "archive" / "2026-11";
    printing::FormLibrary library(kForms);
    const auto first = printing::archive_pdf(render(library, "acceptance"), folder);
    REQUIRE(std::holds_alternative<fs::path>(first));
    CHECK(std::get<fs::path>(first) == folder / "DD20261123000123_acceptance.pdf");
    const auto original = read_file(std::get<fs::path>(first));

    printing::LayoutOptions reprint;
    reprint.reprint = true;
    const auto second = printing::archive_pdf(render(library, "acceptance", reprint), folder);
    const auto third = printing::archive_pdf(render(library, "acceptance", reprint), folder);
    REQUIRE(std::holds_alternative<fs::path>(second));
    REQUIRE(std::holds_alternative<fs::path>(third));
    CHECK(std::get<fs::path>(second).filename() == "DD20261123000123_acceptance_reprint2.pdf");
    CHECK(std::get<fs::path>(third).filename() == "DD20261123000123_acceptance_reprint3.pdf");
    CHECK(read_file(std::get<fs::path>(first)) == original);
    CHECK(testing::all_text(testing::pdf_words(std::get<fs::path>(second))).find("补打") != std::string::npos);
    CHECK(testing::all_text(testing::pdf_words(std::get<fs::path>(first))).find("补打") == std::string::npos);
    for (const auto& entry : fs::directory_iterator(folder)) {
        CHECK(entry.path().extension() == ".pdf"); // no partial file left behind
    }
}

TEST_CASE("an archive needs an order number that can name a file", "[pdf][archive][errors]")
{
    testing::TempDir dir("printing-archive");
    printing::FormLibrary library(kForms);
    const auto calibration = printing::archive_pdf(render(library, "calibration"), dir.path());
    REQUIRE(printing::error_of(calibration) != nullptr);
    CHECK(printing::error_of(calibration)->code == "E_ARCHIVE_NAME");

    auto layout = render(library, "receipt");
    layout.order_number = "../../etc/DD1";
    const auto escaped = printing::archive_pdf(layout, dir.path());
    REQUIRE(printing::error_of(escaped) != nullptr);
    CHECK(printing::error_of(escaped)->param("order") == "../../etc/DD1");
}

TEST_CASE("a missing font or an unwritable file is an error, not a PDF in a fallback font", "[pdf][errors]")
{
    const auto measure = printing::CairoTextMeasure::create("No Such Font Family 123");
    REQUIRE(printing::error_of(measure) != nullptr);
    CHECK(printing::error_of(measure)->code == "E_FONT_MISSING");

    printing::FormLibrary library(kForms);
    const auto error = printing::write_pdf(render(library, "calibration"), "/nonexistent-folder/x.pdf");
    REQUIRE(error);
    CHECK(error->code == "E_PDF_WRITE");
}
