#include "fixed_measure.h"
#include "printing/form_data.h"
#include "printing/layout_engine.h"
#include "printing/qr_code.h"
#include "printing/template_parser.h"
#include "printing/text_fit.h"
#include "printing/text_metrics.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

using printing::Layout;
using printing::TextRun;

namespace {

const std::filesystem::path kForms = FORMS_DIR;
constexpr double kTolerance = 0.1; // mm

printing::FormTemplate parse(const std::string& body)
{
    auto parsed = printing::parse_template("<form name='t'><page size='A4'/>" + body + "</form>", "t.xml", kForms);
    INFO((printing::error_of(parsed) ? printing::error_of(parsed)->to_string() : ""));
    REQUIRE(std::holds_alternative<printing::FormTemplate>(parsed));
    return std::get<printing::FormTemplate>(std::move(parsed));
}

printing::FormTemplate load(const char* name)
{
    auto parsed = printing::load_template(kForms / (std::string(name) + ".xml"));
    REQUIRE(std::holds_alternative<printing::FormTemplate>(parsed));
    return std::get<printing::FormTemplate>(std::move(parsed));
}

printing::FormData sample(const char* name)
{
    auto data = printing::load_form_data(kForms / "samples" / (std::string(name) + ".xml"));
    REQUIRE(std::holds_alternative<printing::FormData>(data));
    return std::get<printing::FormData>(std::move(data));
}

Layout lay_out(const printing::FormTemplate& form, const printing::FormData& data,
               const printing::LayoutOptions& options = {})
{
    auto layout = printing::lay_out(form, data, testing::FixedMeasure{}, options);
    INFO((printing::error_of(layout) ? printing::error_of(layout)->to_string() : ""));
    REQUIRE(std::holds_alternative<Layout>(layout));
    return std::get<Layout>(std::move(layout));
}

std::vector<TextRun> runs(const printing::LayoutPage& page, const std::string& field = "*")
{
    std::vector<TextRun> out;
    for (const auto& item : page.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) {
            if (field == "*" || run->field == field) {
                out.push_back(*run);
            }
        }
    }
    return out;
}

std::string page_text(const printing::LayoutPage& page)
{
    std::string text;
    for (const auto& run : runs(page)) {
        text += run.text + "|";
    }
    return text;
}

} // namespace

TEST_CASE("text lands where the template says, within 0.1 mm", "[layout]")
{
    const auto form = parse("<text x='20' y='30' w='60' h='8' size='10pt'>受理单</text>"
                            "<text x='20' y='40' w='60' h='8' size='10pt' align='center'>受理单</text>"
                            "<text x='20' y='50' w='60' h='8' size='10pt' align='right' valign='bottom'>受理单</text>"
                            "<text x='20' y='60' w='60' h='8' size='10pt' valign='top'>受理单</text>");
    const auto layout = lay_out(form, {});
    const auto r = runs(layout.pages.at(0));
    REQUIRE(r.size() == 4);
    const double em = printing::em_mm(10);
    const double width = 3 * em;
    for (const auto& run : r) {
        CHECK(run.width == Approx(width));
        CHECK(run.size_pt == 10);
    }
    CHECK(r[0].x == Approx(20).margin(kTolerance));
    CHECK(r[0].top() == Approx(30 + (8 - em) / 2).margin(kTolerance));
    CHECK(r[1].x == Approx(20 + (60 - width) / 2).margin(kTolerance));
    CHECK(r[2].x + r[2].width == Approx(80).margin(kTolerance));
    CHECK(r[2].bottom() == Approx(58).margin(kTolerance));
    CHECK(r[3].top() == Approx(60).margin(kTolerance));
    CHECK(r[3].baseline == Approx(60 + printing::kEmAscent * em).margin(kTolerance));
}

TEST_CASE("lines, boxes and crosshairs keep their millimetres", "[layout]")
{
    const auto form = parse("<line x1='10' y1='20' x2='110' y2='20' width='0.5'/>"
                            "<box x='30' y='200' w='150' h='50'/>"
                            "<cross x='105' y='148.5' size='20'/>");
    const auto page = lay_out(form, {}).pages.at(0);
    REQUIRE(page.items.size() == 4);
    const auto& line = std::get<printing::LineSeg>(page.items[0]);
    CHECK(line.x1 == 10);
    CHECK(line.x2 == 110);
    CHECK(line.width == 0.5);
    const auto& frame = std::get<printing::Frame>(page.items[1]);
    CHECK(frame.box.x == 30);
    CHECK(frame.box.y == 200);
    CHECK(frame.box.w == 150);
    const auto& across = std::get<printing::LineSeg>(page.items[2]);
    const auto& down = std::get<printing::LineSeg>(page.items[3]);
    CHECK(across.x1 == 95);
    CHECK(across.y1 == 148.5);
    CHECK(down.y1 == 138.5);
    CHECK(down.x1 == 105);
}

TEST_CASE("every field of every sample lies inside its template box", "[layout]")
{
    for (const char* name :
         {"acceptance", "receipt", "billing_receipt", "move_request", "group_opening", "calibration"}) {
        INFO(name);
        const auto layout = lay_out(load(name), sample(name));
        for (const auto& page : layout.pages) {
            for (const auto& run : runs(page)) {
                INFO(run.field << " \"" << run.text << "\"");
                CHECK(run.x >= run.box.x - kTolerance);
                CHECK(run.x + run.width <= run.box.x + run.box.w + kTolerance);
                CHECK(run.top() >= run.box.y - kTolerance);
                CHECK(run.bottom() <= run.box.y + run.box.h + kTolerance);
                CHECK(run.x + run.width <= layout.page_w);
                CHECK(run.bottom() <= layout.page_h);
            }
        }
    }
}

TEST_CASE("text too wide for its box is shrunk, down to the minimum size, then cut", "[layout][fit]")
{
    const testing::FixedMeasure measure;
    printing::TextStyle style;
    style.size_pt = 10;
    style.min_size_pt = 6;
    const double em10 = printing::em_mm(10);

    SECTION("fits as it is")
    {
        const auto fitted = printing::fit_text("张三", {0, 0, 10 * em10, 8}, style, measure);
        CHECK(fitted.size_pt == 10);
        CHECK(fitted.lines == std::vector<std::string>{"张三"});
    }
    SECTION("shrinks to the box's width")
    {
        const auto fitted = printing::fit_text("北京市朝阳区建国路", {0, 0, 8 * em10, 8}, style, measure);
        CHECK(fitted.size_pt == Approx(10.0 * 8 / 9).margin(0.1));
        CHECK(fitted.size_pt < 10);
        CHECK(measure.width_mm(fitted.lines.at(0), fitted.size_pt, false) <= 8 * em10 + 1e-6);
        CHECK_FALSE(fitted.cut);
    }
    SECTION("never below the minimum: cut with an ellipsis")
    {
        const auto fitted =
            printing::fit_text("北京市朝阳区建国路八十八号现代城小区", {0, 0, 4 * em10, 8}, style, measure);
        CHECK(fitted.size_pt == 6);
        CHECK(fitted.cut);
        const auto& line = fitted.lines.at(0);
        CHECK(line.substr(line.size() - 3) == "…");
        CHECK(measure.width_mm(line, 6, false) <= 4 * em10 + 1e-6);
    }
    SECTION("shrinks to the box's height too")
    {
        const auto fitted = printing::fit_text("受理", {0, 0, 50, 2.5}, style, measure);
        CHECK(printing::em_mm(fitted.size_pt) <= 2.5 + 1e-6);
    }
}

TEST_CASE("wrapped text breaks between ideographs and at spaces, and shrinks only when lines do not fit",
          "[layout][fit]")
{
    const testing::FixedMeasure measure;
    printing::TextStyle style;
    style.size_pt = 10;
    style.min_size_pt = 6;
    style.fit = printing::Fit::wrap;
    const double em = printing::em_mm(10);

    SECTION("breaks into lines of the box's width")
    {
        const auto fitted = printing::fit_text("北京市朝阳区建国路88号现代城", {0, 0, 6 * em, 20}, style, measure);
        CHECK(fitted.size_pt == 10);
        CHECK(fitted.lines == std::vector<std::string>{"北京市朝阳区", "建国路88号现", "代城"});
    }
    SECTION("closing punctuation stays on its line, opening punctuation moves with what follows")
    {
        const auto fitted = printing::fit_text("一二三四五，六（七）", {0, 0, 5 * em, 20}, style, measure);
        CHECK(fitted.lines == std::vector<std::string>{"一二三四", "五，六", "（七）"});
    }
    SECTION("Latin words are not split unless longer than the line")
    {
        const auto fitted = printing::fit_text("call waiting 呼叫等待", {0, 0, 4 * em, 20}, style, measure);
        CHECK(fitted.lines == std::vector<std::string>{"call", "waiting", "呼叫等待"});
        const auto long_word = printing::fit_text("ABCDEFGHIJKL", {0, 0, 3 * em, 20}, style, measure);
        CHECK(long_word.lines == std::vector<std::string>{"ABCDEF", "GHIJKL"});
    }
    SECTION("line breaks in the template are kept")
    {
        const auto fitted = printing::fit_text("  1. 甲\n  2. 乙  \n", {0, 0, 50, 20}, style, measure);
        CHECK(fitted.lines == std::vector<std::string>{"1. 甲", "2. 乙"});
    }
    SECTION("lines that do not fit the height make the text smaller")
    {
        const std::string text = "北京市朝阳区建国路八十八号现代城小区五号楼二单元";
        const auto fitted = printing::fit_text(text, {0, 0, 10 * em, 2 * em}, style, measure);
        CHECK(fitted.size_pt < 10);
        CHECK(fitted.size_pt >= 6);
        const double height =
            printing::em_mm(fitted.size_pt) * (1 + printing::kLineSpacing * (fitted.lines.size() - 1));
        CHECK(height <= 2 * em + 1e-6);
        CHECK_FALSE(fitted.cut);
    }
}

TEST_CASE("a table longer than its area continues on the next sheet", "[layout][table]")
{
    const auto form = load("acceptance");
    auto data = sample("acceptance");
    auto& items = data.tables["items"];
    items.clear();
    for (int i = 1; i <= 20; ++i) {
        items.push_back({{"service", "市话新装"}, {"product", "产品" + std::to_string(i)}, {"quantity", "1"}});
    }
    const auto layout = lay_out(form, data);
    REQUIRE(layout.pages.size() == 3); // 8 rows a sheet

    const auto products = [](const printing::LayoutPage& page) {
        std::vector<std::string> out;
        for (const auto& run : runs(page, "items.product")) {
            out.push_back(run.text);
        }
        return out;
    };
    CHECK(products(layout.pages[0]).size() == 8);
    CHECK(products(layout.pages[0]).front() == "产品1");
    CHECK(products(layout.pages[1]).front() == "产品9");
    CHECK(products(layout.pages[2]) == std::vector<std::string>{"产品17", "产品18", "产品19", "产品20"});

    // Rows start under the header at the same place on every sheet.
    const auto first_row_2 = runs(layout.pages[1], "items.product").front();
    const auto first_row_1 = runs(layout.pages[0], "items.product").front();
    CHECK(first_row_2.baseline == Approx(first_row_1.baseline).margin(kTolerance));
    CHECK(first_row_1.top() >= 88 + 7 - kTolerance);

    // The header repeats; fees and the total appear on the last sheet only; every sheet has its number.
    for (std::size_t p = 0; p < layout.pages.size(); ++p) {
        const auto text = page_text(layout.pages[p]);
        INFO("page " << p + 1 << ": " << text);
        CHECK(text.find("|产品|") != std::string::npos);
        CHECK(text.find("第 " + std::to_string(p + 1) + " 页") != std::string::npos);
        CHECK(text.find("共 3 页") != std::string::npos);
        CHECK(text.find("DD20261123000123") != std::string::npos);
        CHECK((text.find("叁佰陆拾元整") != std::string::npos) == (p == 2));
        CHECK((runs(layout.pages[p], "fees.amount").size() == 3) == (p == 2));
    }
}

TEST_CASE("a table on the last sheet only refuses more rows than it holds", "[layout][table][errors]")
{
    auto data = sample("acceptance");
    auto& fees = data.tables["fees"];
    for (int i = 0; i < 3; ++i) {
        fees.push_back({{"item", "其他"}, {"amount", "0.00"}});
    }
    const auto layout = printing::lay_out(load("acceptance"), data, testing::FixedMeasure{});
    const auto* error = printing::error_of(layout);
    REQUIRE(error != nullptr);
    CHECK(error->code == "E_DATA_TOO_MANY_ROWS");
    CHECK(error->param("table") == "fees");
    CHECK(error->param("rows") == "6");
    CHECK(error->param("limit") == "5");
}

TEST_CASE("ID and phone numbers are masked unless the caller asks otherwise", "[layout][masking]")
{
    const auto form = load("acceptance");
    const auto data = sample("acceptance");
    const auto masked = page_text(lay_out(form, data).pages.at(0));
    CHECK(masked.find("110105********002X") != std::string::npos);
    CHECK(masked.find("11010519491231002X") == std::string::npos);
    CHECK(masked.find("138****5678") != std::string::npos);
    CHECK(masked.find("13812345678") == std::string::npos);

    printing::LayoutOptions full;
    full.mask_personal_data = false;
    const auto unmasked = page_text(lay_out(form, data, full).pages.at(0));
    CHECK(unmasked.find("11010519491231002X") != std::string::npos);
    CHECK(unmasked.find("13812345678") != std::string::npos);
}

TEST_CASE("a reprint says 补打 on every sheet, a first print does not", "[layout][reprint]")
{
    const auto form = load("billing_receipt");
    const auto data = sample("billing_receipt");
    printing::LayoutOptions reprint;
    reprint.reprint = true;
    const auto again = lay_out(form, data, reprint);
    REQUIRE(again.pages.size() == 2);
    CHECK(again.reprint);
    for (const auto& page : again.pages) {
        CHECK(page_text(page).find("|补打|") != std::string::npos);
    }
    CHECK(page_text(lay_out(form, data).pages.at(0)).find("补打") == std::string::npos);
}

TEST_CASE("money: ¥ with grouping, 大写 for the total", "[layout]")
{
    const auto layout = lay_out(load("receipt"), sample("receipt"));
    const auto totals = runs(layout.pages.at(0), "fees.total");
    REQUIRE(totals.size() == 2);
    CHECK(totals[0].text == "叁佰陆拾元整");
    CHECK(totals[1].text == "¥360.00");
}

TEST_CASE("a QR code of the order number fills its square, quiet zone inside", "[layout]")
{
    const auto layout = lay_out(load("acceptance"), sample("acceptance"));
    const printing::Fill* fill = nullptr;
    for (const auto& item : layout.pages.at(0).items) {
        fill = fill ? fill : std::get_if<printing::Fill>(&item);
    }
    REQUIRE(fill != nullptr);
    double min_x = 1e9, max_x = 0, min_y = 1e9, max_y = 0;
    for (const auto& r : fill->rects) {
        min_x = std::min(min_x, r.x);
        min_y = std::min(min_y, r.y);
        max_x = std::max(max_x, r.x + r.w);
        max_y = std::max(max_y, r.y + r.h);
    }
    const auto symbol = printing::QrMatrix::encode("DD20261123000123");
    REQUIRE(symbol);
    const double module = 22.0 / (symbol->size() + 8); // 4 modules of quiet zone on each side
    CHECK(min_x == Approx(176 + 4 * module).margin(kTolerance));
    CHECK(min_y == Approx(6 + 4 * module).margin(kTolerance));
    CHECK(max_x == Approx(176 + 22 - 4 * module).margin(kTolerance));
    CHECK(max_y == Approx(6 + 22 - 4 * module).margin(kTolerance));
}

TEST_CASE("the signature box is kept for the captured signature", "[layout]")
{
    const auto layout = lay_out(load("acceptance"), sample("acceptance"));
    REQUIRE(layout.pages.at(0).signature);
    CHECK(layout.pages.at(0).signature->w == 64); // the last one on the sheet: the clerk's
}

TEST_CASE("missing data is refused by name, and optional fields are left blank", "[layout][errors]")
{
    const auto form = load("acceptance");
    auto data = sample("acceptance");
    data.fields.erase("customer.id_number");
    auto layout = printing::lay_out(form, data, testing::FixedMeasure{});
    const auto* error = printing::error_of(layout);
    REQUIRE(error != nullptr);
    CHECK(error->code == "E_DATA_MISSING");
    CHECK(error->param("field") == "customer.id_number");
    CHECK(error->param("form") == "acceptance");
    CHECK(error->param("line") == "43");

    data = sample("acceptance");
    data.fields.erase("service.deadline");
    const auto without = lay_out(form, data);
    CHECK(runs(without.pages.at(0), "service.deadline").empty());
}
