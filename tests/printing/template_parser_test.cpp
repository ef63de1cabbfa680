#include "printing/template_parser.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

using printing::FormTemplate;
using printing::PrintError;

namespace {

const std::filesystem::path kForms = FORMS_DIR;

/// A template with `body` after a valid header (the body starts on line 3).
std::string with_page(const std::string& body)
{
    return "<form name=\"t\">\n<page size=\"A4\"/>\n" + body + "\n</form>\n";
}

} // namespace

TEST_CASE("every form in forms/ is a valid template", "[template]")
{
    for (const char* name :
         {"acceptance", "receipt", "billing_receipt", "move_request", "group_opening", "calibration"}) {
        INFO(name);
        const auto parsed = printing::load_template(kForms / (std::string(name) + ".xml"));
        const auto* error = printing::error_of(parsed);
        INFO((error ? error->to_string() : std::string("ok")));
        REQUIRE(error == nullptr);
        const auto& form = std::get<FormTemplate>(parsed);
        CHECK(form.name == name);
        CHECK_FALSE(form.title.empty());
        CHECK_FALSE(form.items.empty());
    }
}

TEST_CASE("page sizes: named, landscape and custom", "[template]")
{
    const auto a5 =
        printing::parse_template("<form name='r'><page size='A5' orientation='landscape'/></form>", "r", ".");
    REQUIRE(std::holds_alternative<FormTemplate>(a5));
    CHECK(std::get<FormTemplate>(a5).page_w == 210);
    CHECK(std::get<FormTemplate>(a5).page_h == 148);
    const auto custom = printing::parse_template("<form name='b'><page width='241mm' height='14cm'/></form>", "b", ".");
    REQUIRE(std::holds_alternative<FormTemplate>(custom));
    CHECK(std::get<FormTemplate>(custom).page_w == 241);
    CHECK(std::get<FormTemplate>(custom).page_h == Approx(140));
}

TEST_CASE("font sizes in points or millimetres, positions in millimetres", "[template]")
{
    const auto parsed = printing::parse_template(
        with_page("<text x='10' y='20mm' w='3cm' h='8' size='3.5mm' align='right' fit='wrap'>受理</text>"), "t", ".");
    REQUIRE(std::holds_alternative<FormTemplate>(parsed));
    const auto& item = std::get<printing::TextItem>(std::get<FormTemplate>(parsed).items.at(0).what);
    CHECK(item.box.x == 10);
    CHECK(item.box.y == 20);
    CHECK(item.box.w == 30);
    CHECK(item.style.size_pt == Approx(3.5 * 72 / 25.4));
    CHECK(item.style.align == printing::Align::right);
    CHECK(item.style.fit == printing::Fit::wrap);
    CHECK(item.text == "受理");
    CHECK(std::get<FormTemplate>(parsed).items.at(0).line == 3);
}

TEST_CASE("bad templates are refused with file, line and reason", "[template][errors]")
{
    struct Row
    {
        const char* what;
        std::string xml;
        const char* code;
        int line;
        const char* param;
        const char* value;
    };
    const Row rows[] = {
        {"malformed XML", "<form name='t'>\n<page size='A4'>\n</form>\n", "E_TEMPLATE_SYNTAX", 3, "reason",
         "Start-end tags mismatch"},
        {"not a form", "<receipt/>", "E_TEMPLATE_ELEMENT", 1, "element", "receipt"},
        {"no page", "<form name='t'>\n<text x='1' y='1' w='1' h='1'/>\n</form>", "E_TEMPLATE_MISSING", 1, "element",
         "page"},
        {"page without size", "<form name='t'>\n<page/>\n</form>", "E_TEMPLATE_MISSING", 2, "attribute", "size"},
        {"unknown paper", "<form name='t'>\n<page size='A9'/>\n</form>", "E_TEMPLATE_VALUE", 2, "reason",
         "unknown_paper"},
        {"two pages", with_page("<page size='A5'/>"), "E_TEMPLATE_DUPLICATE", 3, "element", "page"},
        {"no form name", "<form>\n<page size='A4'/>\n</form>", "E_TEMPLATE_MISSING", 1, "attribute", "name"},
        {"unknown field", with_page("<field name='customer.nmae' x='1' y='1' w='10' h='5'/>"), "E_TEMPLATE_FIELD", 3,
         "field", "customer.nmae"},
        {"unknown QR field", with_page("<qr field='order.numbr' x='1' y='1' size='20'/>"), "E_TEMPLATE_FIELD", 3,
         "field", "order.numbr"},
        {"unknown table",
         with_page("<table name='itemz' x='1' y='1' w='50' h='30'><column field='service' w='10'/>"
                   "</table>"),
         "E_TEMPLATE_FIELD", 3, "field", "itemz"},
        {"unknown column",
         with_page("<table name='fees' x='1' y='1' w='50' h='30'>\n<column field='price' w='10'/>"
                   "</table>"),
         "E_TEMPLATE_FIELD", 4, "field", "fees.price"},
        {"unknown element", with_page("<circle x='1' y='1'/>"), "E_TEMPLATE_ELEMENT", 3, "element", "circle"},
        {"unknown attribute", with_page("<box x='1' y='1' w='10' widht='5' h='5'/>"), "E_TEMPLATE_ATTRIBUTE", 3,
         "attribute", "widht"},
        {"negative size", with_page("<box x='1' y='1' w='-5' h='5'/>"), "E_TEMPLATE_VALUE", 3, "reason",
         "not_positive"},
        {"zero size", with_page("<box x='1' y='1' w='0' h='5'/>"), "E_TEMPLATE_VALUE", 3, "reason", "not_positive"},
        {"negative position", with_page("<box x='-1' y='1' w='5' h='5'/>"), "E_TEMPLATE_VALUE", 3, "reason",
         "negative"},
        {"not a number", with_page("<box x='ten' y='1' w='5' h='5'/>"), "E_TEMPLATE_VALUE", 3, "reason",
         "not_a_number"},
        {"unknown length unit", with_page("<box x='1in' y='1' w='5' h='5'/>"), "E_TEMPLATE_UNIT", 3, "value", "1in"},
        {"unknown font size unit", with_page("<text x='1' y='1' w='5' h='5' size='10px'>a</text>"), "E_TEMPLATE_UNIT",
         3, "value", "10px"},
        {"font too small", with_page("<text x='1' y='1' w='5' h='5' size='1pt'>a</text>"), "E_TEMPLATE_VALUE", 3,
         "reason", "font_size_range"},
        {"bad alignment", with_page("<text x='1' y='1' w='5' h='5' align='justify'>a</text>"), "E_TEMPLATE_VALUE", 3,
         "value", "justify"},
        {"off the page", with_page("\n<box x='200' y='1' w='20' h='5'/>"), "E_TEMPLATE_OUTSIDE", 4, "right", "220"},
        {"missing attribute", with_page("<line x1='1' y1='1' x2='5'/>"), "E_TEMPLATE_MISSING", 3, "attribute", "y2"},
        {"money format on text", with_page("<field name='customer.name' format='upper' x='1' y='1' w='5' h='5'/>"),
         "E_TEMPLATE_VALUE", 3, "reason", "not_money"},
        {"missing image", with_page("<image src='nowhere.png' x='1' y='1' w='5' h='5'/>"), "E_TEMPLATE_IMAGE", 3, "src",
         "nowhere.png"},
        {"table too short",
         with_page("<table name='fees' x='1' y='1' w='50' h='8' header-h='7' row-h='6'>"
                   "<column field='item' w='10'/></table>"),
         "E_TEMPLATE_VALUE", 3, "reason", "no_room_for_a_row"},
        {"columns too wide",
         with_page("<table name='fees' x='1' y='1' w='50' h='30'><column field='item' w='40'/>"
                   "<column field='amount' w='20'/></table>"),
         "E_TEMPLATE_VALUE", 3, "reason", "columns_wider_than_table"},
        {"stray text", with_page("hello"), "E_TEMPLATE_ELEMENT", 3, "element", "#text"},
    };
    for (const auto& row : rows) {
        INFO(row.what << ":\n" << row.xml);
        const auto parsed = printing::parse_template(row.xml, "bad.xml", kForms);
        const auto* error = printing::error_of(parsed);
        REQUIRE(error != nullptr);
        INFO(error->to_string());
        CHECK(error->code == row.code);
        CHECK(error->param("file") == "bad.xml");
        CHECK(error->param("line") == std::to_string(row.line));
        CHECK(error->param(row.param) == row.value);
    }
}

TEST_CASE("a template file that cannot be read", "[template][errors]")
{
    const auto parsed = printing::load_template(kForms / "no_such_form.xml");
    REQUIRE(printing::error_of(parsed) != nullptr);
    CHECK(printing::error_of(parsed)->code == "E_FILE_READ");
}

TEST_CASE("images are found next to the template", "[template]")
{
    const auto parsed = printing::load_template(kForms / "receipt.xml");
    REQUIRE(std::holds_alternative<FormTemplate>(parsed));
    bool background = false;
    for (const auto& item : std::get<FormTemplate>(parsed).items) {
        if (const auto* image = std::get_if<printing::ImageItem>(&item.what)) {
            background = background || image->background;
            CHECK(image->file.is_absolute());
            CHECK(std::filesystem::exists(image->file));
            CHECK(image->box.w == 148 + 62); // a background covers the whole A5 landscape sheet
        }
    }
    CHECK(background);
}
