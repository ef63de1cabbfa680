#include "printing/form_data.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

using printing::FormData;

namespace {

const std::filesystem::path kForms = FORMS_DIR;

} // namespace

TEST_CASE("every sample in forms/samples is valid order data", "[data]")
{
    for (const auto& entry : std::filesystem::directory_iterator(kForms / "samples")) {
        INFO(entry.path().filename().string());
        const auto data = printing::load_form_data(entry.path());
        const auto* error = printing::error_of(data);
        INFO((error ? error->to_string() : std::string("ok")));
        CHECK(error == nullptr);
    }
}

TEST_CASE("fields and table rows are read as text", "[data]")
{
    const auto data = printing::parse_form_data(R"(<form-data>
  <field name="order.number">DD1</field>
  <field name="customer.name">张三</field>
  <table name="fees"><row item="安装调测费" amount="100.00"/><row item="预存话费" amount="200"/></table>
  <field name="fees.total">300.00</field>
</form-data>)",
                                                "d.xml");
    REQUIRE(std::holds_alternative<FormData>(data));
    const auto& d = std::get<FormData>(data);
    CHECK(*d.field("customer.name") == "张三");
    CHECK(d.field("customer.phone") == nullptr);
    REQUIRE(d.tables.at("fees").size() == 2);
    CHECK(d.tables.at("fees")[1].at("item") == "预存话费");
}

TEST_CASE("bad order data is refused with the field and the reason", "[data][errors]")
{
    struct Row
    {
        const char* what;
        const char* xml;
        const char* code;
        const char* param;
        const char* value;
    };
    const Row rows[] = {
        {"malformed", "<form-data>\n<field name='order.number'>1</field>\n<field>", "E_DATA_SYNTAX", "line", "3"},
        {"not form data", "<order/>", "E_DATA_ELEMENT", "element", "order"},
        {"unknown element", "<form-data>\n<value name='x'/></form-data>", "E_DATA_ELEMENT", "line", "2"},
        {"field without name", "<form-data><field>1</field></form-data>", "E_DATA_ELEMENT", "element", "field"},
        {"unknown field", "<form-data><field name='customer.nmae'>张三</field></form-data>", "E_DATA_FIELD", "field",
         "customer.nmae"},
        {"built-in field", "<form-data><field name='page.count'>3</field></form-data>", "E_DATA_FIELD", "field",
         "page.count"},
        {"duplicate field",
         "<form-data><field name='order.number'>1</field>\n<field name='order.number'>2</field>"
         "</form-data>",
         "E_DATA_DUPLICATE", "line", "2"},
        {"unknown table", "<form-data><table name='itemz'/></form-data>", "E_DATA_FIELD", "field", "itemz"},
        {"unknown column", "<form-data><table name='fees'><row price='1'/></table></form-data>", "E_DATA_FIELD",
         "field", "fees.price"},
        {"money with three decimals", "<form-data><field name='fees.total'>12.345</field></form-data>", "E_DATA_VALUE",
         "reason", "E_MONEY_PRECISION"},
        {"money that is not a number", "<form-data><field name='payment.amount'>三百元</field></form-data>",
         "E_DATA_VALUE", "reason", "E_MONEY_FORMAT"},
        {"money in a row",
         "<form-data><table name='fees'><row item='a' amount='1'/><row item='b' amount='x'/>"
         "</table></form-data>",
         "E_DATA_VALUE", "row", "2"},
        {"bad date and time", "<form-data><field name='order.time'>2026-13-01 10:00</field></form-data>",
         "E_DATA_VALUE", "reason", "datetime"},
        {"bad date", "<form-data><field name='move.date'>26/11/2026</field></form-data>", "E_DATA_VALUE", "reason",
         "date"},
        {"bad quantity", "<form-data><table name='items'><row quantity='一'/></table></form-data>", "E_DATA_VALUE",
         "reason", "integer"},
        {"total not the sum",
         "<form-data><field name='fees.total'>100.00</field><table name='fees'>"
         "<row item='a' amount='60'/><row item='b' amount='50'/></table></form-data>",
         "E_DATA_TOTAL", "expected", "110.00"},
    };
    for (const auto& row : rows) {
        INFO(row.what << ": " << row.xml);
        const auto data = printing::parse_form_data(row.xml, "d.xml");
        const auto* error = printing::error_of(data);
        REQUIRE(error != nullptr);
        INFO(error->to_string());
        CHECK(error->code == row.code);
        CHECK(error->param("file") == "d.xml");
        CHECK(error->param(row.param) == row.value);
    }
}
