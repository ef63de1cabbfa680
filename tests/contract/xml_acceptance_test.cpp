// Only valid XML in (issue 23, "Hostile clerks"): each finding as a row that names the reason it is refused with,
// and nothing decoded from it; what XML allows and the contract ignores (foreign namespaces, unknown elements in a
// response) still decodes.
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"
#include "services/contract/xml_text.h"

#include <catch2/catch.hpp>

using namespace contract;

namespace {

std::string login_xml(const std::string& inner, const std::string& root_attributes = {})
{
    return R"(<loginRequest xmlns="urn:counter:bss:1")" + root_attributes + ">" + inner + "</loginRequest>";
}

std::string password_xml(const std::string& password)
{
    return login_xml("<staffId>1001</staffId><password>" + password + "</password>");
}

std::string submit_xml(const std::string& inner)
{
    return R"(<orderSubmitRequest xmlns="urn:counter:bss:1"><productOrder>)"
           "<externalId>k1</externalId><orderType>install</orderType><customerId>C1</customerId>" +
           inner + "</productOrder></orderSubmitRequest>";
}

const std::string kLoginResponse = R"(<loginResponse xmlns="urn:counter:bss:1"><result code="OK"/>)"
                                   "<sessionToken>t</sessionToken><expiresAt>2026-11-23T08:30:00Z</expiresAt>"
                                   "<staff><staffId>1001</staffId><name>王</name><hallId>H1</hallId>%STAFF%</staff>"
                                   "<mustChangePassword>false</mustChangePassword>%ROOT%</loginResponse>";

std::string login_response(const std::string& in_staff, const std::string& at_root)
{
    std::string xml = kLoginResponse;
    xml.replace(xml.find("%STAFF%"), 7, in_staff);
    xml.replace(xml.find("%ROOT%"), 6, at_root);
    return xml;
}

struct Refusal
{
    const char* finding;
    std::string xml;
    std::string reason;     ///< DecodeError::reason
    std::string detail_has; ///< a part of DecodeError::detail (for "field": the field's reason, exactly)
    std::string field = {}; ///< for "field": the path
};

template <typename Request> void check_refusals(const std::vector<Refusal>& rows)
{
    for (const auto& row : rows) {
        INFO(row.finding);
        const auto decoded = decode_request<Request>(row.xml);
        REQUIRE(std::holds_alternative<DecodeError>(decoded));
        const auto& error = std::get<DecodeError>(decoded);
        INFO("reason " << error.reason << ", detail " << error.detail << ", field " << error.field);
        CHECK(error.reason == row.reason);
        if (row.reason == "field") {
            CHECK(error.detail == row.detail_has);
        } else {
            CHECK(error.detail.find(row.detail_has) != std::string::npos);
        }
        CHECK(error.field == row.field);
    }
}

} // namespace

TEST_CASE("characters XML does not allow are refused, raw or by reference", "[contract][xml]")
{
    check_refusals<LoginRequest>({
        // In a field's text the field is named; where pugixml's text hides the character (a NUL ends it) or it is
        // outside any field, the body is refused with the byte offset.
        {"&#1; in a field", password_xml("Clerk#1001&#1;"), "field", "character", "password"},
        {"raw 0x01 in a field", password_xml("Clerk#1001\x01"), "field", "character", "password"},
        {"&#0; truncating the password", password_xml("Clerk#1001&#0;anything"), "character",
         "&#0; refers to U+0000, which is not an XML character"},
        {"&#x0; as well", password_xml("Clerk#1001&#x0;anything"), "character", "refers to U+0000"},
        {"a raw NUL byte", password_xml(std::string("Clerk#1001\0anything", 19)), "character",
         "U+0000 is not an XML character"},
        {"U+FFFE raw", password_xml("a\xEF\xBF\xBE"), "field", "character", "password"},
        {"U+FFFE as &#xFFFE;", password_xml("a&#xFFFE;"), "field", "character", "password"},
        {"U+FFFF raw", password_xml("a\xEF\xBF\xBF"), "field", "character", "password"},
        {"a surrogate as &#xD800;", password_xml("a&#xD800;"), "character", "&#xD800; refers to U+D800"},
        {"a surrogate as &#55296;", password_xml("a&#55296;"), "character", "refers to U+D800"},
        {"a surrogate as raw ED A0 80", password_xml("a\xED\xA0\x80"), "field", "not_utf8", "password"},
        {"overlong C0 AF", password_xml("a\xC0\xAF"), "field", "not_utf8", "password"},
        {"overlong E0 80 AF", password_xml("a\xE0\x80\xAF"), "field", "not_utf8", "password"},
        {"past U+10FFFF as F4 90 80 80", password_xml("a\xF4\x90\x80\x80"), "field", "not_utf8", "password"},
        {"past U+10FFFF as &#x110000;", password_xml("a&#x110000;"), "character", "beyond U+10FFFF"},
        {"a huge reference", password_xml("a&#99999999999999999999;"), "character", "beyond U+10FFFF"},
        {"a truncated sequence", password_xml("a\xE4\xB8"), "field", "not_utf8", "password"},
        {"a stray continuation byte", password_xml("a\x80"), "field", "not_utf8", "password"},
        {"0x01 in an attribute", login_xml("<staffId>1001</staffId><password>p</password>", " note=\"\x01\""),
         "character", "U+0001 is not an XML character"},
        {"&#1; in an attribute", login_xml("<staffId>1001</staffId><password>p</password>", " note=\"&#1;\""),
         "character", "&#1; refers to U+0001"},
        {"overlong in an attribute", login_xml("<staffId>1001</staffId><password>p</password>", " n=\"\xC0\xAF\""),
         "not_utf8", "(overlong form)"},
        {"a surrogate in an attribute",
         login_xml("<staffId>1001</staffId><password>p</password>", " n=\"\xED\xA0\x80\""), "not_utf8",
         "not UTF-8 (UTF-16 surrogate)"},
        {"past U+10FFFF between elements", login_xml("<staffId>1001</staffId>\xF4\x90\x80\x80<password>p</password>"),
         "not_utf8", "not UTF-8 (beyond U+10FFFF)"},
        {"overlong E0 in a comment", login_xml("<staffId>1001</staffId><!--\xE0\x80\xAF--><password>p</password>"),
         "not_utf8", "not UTF-8 (overlong form)"},
        {"between elements", login_xml("<staffId>1001</staffId>\x0B<password>p</password>"), "character",
         "U+000B is not an XML character"},
        {"in a comment", login_xml("<staffId>1001</staffId><!-- \x01 --><password>p</password>"), "character",
         "U+0001"},
    });
    check_refusals<OrderSubmitRequest>({
        {"in a field that is not text", submit_xml("<appointment>2026-11-2\x01</appointment>"), "character", "U+0001"},
        {"in a list item's field", submit_xml("<fee><name>\xEF\xBF\xBF</name><amount>1</amount></fee>"), "field",
         "character", "productOrder/fee/1/name"},
    });
    // The offset counts bytes from 0: "<loginRequest" is 13, then " xmlns=\"urn:counter:bss:1\"" 26, then ">".
    const auto at = std::get<DecodeError>(decode_request<LoginRequest>(login_xml("\x01")));
    CHECK(at.detail == "at byte 40: U+0001 is not an XML character");
}

TEST_CASE("documents that are not well formed are refused as malformed", "[contract][xml]")
{
    check_refusals<LoginRequest>({
        {"two roots", password_xml("p") + password_xml("p"), "malformed", "a second root element <loginRequest>"},
        {"a second, empty root", password_xml("p") + "<x/>", "malformed", "a second root element <x>"},
        {"text after the root", password_xml("p") + "junk", "malformed", "text outside the root element"},
        {"text before the root", "junk" + password_xml("p"), "malformed", "at byte 0: text outside the root"},
        {"not XML at all", "\x01\x02garbage", "malformed", "at byte 0: text outside the root"},
        {"CDATA after the root", password_xml("p") + "<![CDATA[x]]>", "malformed", "text outside the root"},
        {"an undeclared entity", password_xml("a&foo;"), "malformed", "undeclared entity &foo;"},
        {"an undeclared entity in an attribute", login_xml("<password>p</password>", " a=\"&foo;\""), "malformed",
         "undeclared entity &foo;"},
        {"a lone ampersand", password_xml("a & b"), "malformed", "'&' that does not start a reference"},
        {"an unterminated reference", password_xml("a&amp"), "malformed", "does not start a reference"},
        {"an empty character reference", password_xml("a&#;"), "malformed", "does not start a reference"},
        {"a duplicate attribute", login_xml("<staffId>1</staffId><password>p</password>", R"( a="1" a="2")"),
         "malformed", "attribute a twice on <loginRequest>"},
        {"a duplicate namespace", login_xml("<staffId>1</staffId><password>p</password>", R"( xmlns="urn:x")"),
         "malformed", "attribute xmlns twice"},
        {"a duplicate attribute deeper down", login_xml(R"(<staffId b="1" b="1">1</staffId><password>p</password>)"),
         "malformed", "attribute b twice on <staffId>"},
        {"'<' in an attribute value", login_xml("<password>p</password>", R"( a="<")"), "malformed",
         "'<' in an attribute value"},
        {"a DOCTYPE", "<!DOCTYPE loginRequest>" + password_xml("p"), "malformed", "DOCTYPE is not accepted"},
    });
}

TEST_CASE("a request may hold no element of ours that its message does not have", "[contract][xml]")
{
    check_refusals<LoginRequest>({
        {"at the root",
         password_xml("p").insert(std::string_view(R"(<loginRequest xmlns="urn:counter:bss:1">)").size(),
                                  "<role>admin</role>"),
         "field", "unknown", "role"},
        {"at the root, after the fields", login_xml("<staffId>1</staffId><password>p</password><x/>"), "field",
         "unknown", "x"},
        {"in our namespace by a prefix",
         login_xml("<staffId>1</staffId><password>p</password><b:staffId>2</b:staffId>",
                   R"( xmlns:b="urn:counter:bss:1")"),
         "field", "unknown", "b:staffId"},
        {"with a prefix bound to nothing", login_xml("<staffId>1</staffId><password>p</password><q:x/>"), "field",
         "unknown", "q:x"},
        {"a scalar with an element inside", login_xml("<staffId>1</staffId><password>p<i/></password>"), "field",
         "invalid", "password"},
    });
    check_refusals<OrderSubmitRequest>({
        {"nested in a record", submit_xml("<bogus>1</bogus>"), "field", "unknown", "productOrder/bogus"},
        {"nested in a list item",
         submit_xml("<item><itemId>1</itemId><action>add</action><offeringId>X</offeringId>"
                    "<colour>red</colour></item>"),
         "field", "unknown", "productOrder/item/1/colour"},
    });
}

TEST_CASE("elements in a foreign namespace are extensions and are ignored", "[contract][xml]")
{
    const std::vector<std::pair<const char*, std::string>> rows{
        {"a prefixed child", login_xml(R"(<staffId>1001</staffId><password>p</password>)"
                                       R"(<ext:hint xmlns:ext="urn:example:ext">anything <ext:deep/></ext:hint>)")},
        {"a prefix bound on the root",
         login_xml(R"(<ext:hint>x</ext:hint><staffId>1001</staffId><password>p</password>)",
                   R"( xmlns:ext="urn:example:ext")")},
        {"a default namespace on the child", login_xml(R"(<staffId>1001</staffId><password>p</password>)"
                                                       R"(<hint xmlns="urn:example:ext"><role>x</role></hint>)")},
        {"no namespace at all", login_xml(R"(<staffId>1001</staffId><password>p</password><hint xmlns=""/>)")},
        {"a foreign element with one of our names",
         login_xml(
             R"(<password xmlns="urn:example:ext">not this</password><staffId>1001</staffId><password>p</password>)")},
        {"CDATA, comments and instructions as XML allows them",
         login_xml("<?app x&y?><!-- a & b --><staffId>1001</staffId><password><![CDATA[p]]></password>")},
    };
    for (const auto& [name, xml] : rows) {
        INFO(name);
        const auto decoded = decode_request<LoginRequest>(xml);
        if (const auto* error = std::get_if<DecodeError>(&decoded)) {
            FAIL(error->reason << " " << error->detail << " " << error->field);
        }
        CHECK(std::get<LoginRequest>(decoded).staff_id == "1001");
        CHECK(std::get<LoginRequest>(decoded).password == "p");
    }
    const auto cdata = decode_request<LoginRequest>(password_xml("<![CDATA[a&foo;<b>]]>"));
    CHECK(std::get<LoginRequest>(cdata).password == "a&foo;<b>");
}

TEST_CASE("a response may hold elements of ours this version does not know", "[contract][xml]")
{
    // An older workstation keeps working with a newer back office, which only ever adds optional elements.
    const auto answer = decode_response<LoginResponse>(
        login_response("<role>clerk</role><badge>7</badge>", "<newField><x>1</x></newField>"));
    REQUIRE(std::holds_alternative<LoginResponse>(answer));
    CHECK(std::get<LoginResponse>(answer).staff.roles == std::vector<std::string>{"clerk"});

    // Its characters are as strict as a request's.
    const auto bad = decode_response<LoginResponse>(login_response("", "<newField>\x01</newField>"));
    REQUIRE(std::holds_alternative<DecodeError>(bad));
    CHECK(std::get<DecodeError>(bad).reason == "character");
    const auto two = decode_response<LoginResponse>(login_response("", "") + "<x/>");
    REQUIRE(std::holds_alternative<DecodeError>(two));
    CHECK(std::get<DecodeError>(two).reason == "malformed");
}

TEST_CASE("faults are read as strictly as messages", "[contract][xml]")
{
    const std::vector<std::pair<std::string, std::string>> rows{
        {R"(<result xmlns="urn:counter:bss:1" code="E_VALIDATION"><param name="field">&#1;</param></result>)",
         "character"},
        {R"(<result xmlns="urn:counter:bss:1" code="E_VALIDATION"><param name="field">a&#0;b</param></result>)",
         "character"},
        {"<result xmlns=\"urn:counter:bss:1\" code=\"E_VALIDATION\"><param name=\"f\">\xC0\xAF</param></result>",
         "not_utf8"},
        {R"(<result xmlns="urn:counter:bss:1" code="E_VALIDATION" code="OK"/>)", "malformed"},
        {R"(<result xmlns="urn:counter:bss:1" code="E_VALIDATION"/><result/>)", "malformed"},
        {R"(<result xmlns="urn:counter:bss:1" code="E_VALIDATION">&foo;</result>)", "malformed"},
        {R"(<!DOCTYPE result><result xmlns="urn:counter:bss:1" code="E_VALIDATION"/>)", "malformed"},
    };
    for (const auto& [xml, reason] : rows) {
        INFO(xml);
        const auto decoded = decode_fault(xml);
        REQUIRE(std::holds_alternative<DecodeError>(decoded));
        CHECK(std::get<DecodeError>(decoded).reason == reason);
    }
}

TEST_CASE("the writer replaces what XML cannot carry with U+FFFD", "[contract][xml]")
{
    const std::string nul_inside("Clerk#1001\0anything", 19);
    LoginRequest request{"1001", nul_inside};
    const auto xml = encode_request(request);
    CHECK(xml.find("<password>Clerk#1001\xEF\xBF\xBD"
                   "anything</password>") != std::string::npos);

    const auto fault = encode_fault({ResultCode::validation,
                                     {{"field\x01", "a\xC0\xAF"
                                                    "b&#1;\r"}}});
    CHECK(fault.find(R"(<param name="field)"
                     "\xEF\xBF\xBD"
                     R"(">a)"
                     "\xEF\xBF\xBD\xEF\xBF\xBD"
                     "b&amp;#1;&#13;</param>") != std::string::npos);
    const auto back = decode_fault(fault);
    REQUIRE(std::holds_alternative<Fault>(back));
    CHECK(std::get<Fault>(back).params.front().second == "a\xEF\xBF\xBD\xEF\xBF\xBD"
                                                         "b&#1;\r");
}

TEST_CASE("strict UTF-8 names what is wrong with each bad sequence", "[contract][xml]")
{
    struct Row
    {
        std::string bytes;
        const char* problem; ///< null when valid
        std::size_t length;  ///< bytes taken: the character, or the maximal subpart that becomes one U+FFFD
    };
    const std::vector<Row> rows{
        {"A", nullptr, 1},
        {"\xC2\x80", nullptr, 2},
        {"\xE4\xB8\xAD", nullptr, 3},
        {"\xED\x9F\xBF", nullptr, 3},     // U+D7FF, the last before the surrogates
        {"\xEE\x80\x80", nullptr, 3},     // U+E000, the first after them
        {"\xF0\x90\x80\x80", nullptr, 4}, // U+10000
        {"\xF4\x8F\xBF\xBF", nullptr, 4}, // U+10FFFF
        {"\xC0\xAF", "overlong form", 1},
        {"\xC1\xBF", "overlong form", 1},
        {"\xE0\x80\xAF", "overlong form", 1},
        {"\xF0\x8F\xBF\xBF", "overlong form", 1},
        {"\xED\xA0\x80", "UTF-16 surrogate", 1},
        {"\xED\xBF\xBF", "UTF-16 surrogate", 1},
        {"\xF4\x90\x80\x80", "beyond U+10FFFF", 1},
        {"\xF5\x80\x80\x80", "beyond U+10FFFF", 1},
        {"\xFF", "a byte that never occurs in UTF-8", 1},
        {"\x80", "a continuation byte without a lead byte", 1},
        {"\xE4\xB8", "truncated sequence", 2},
        {"\xE4\xB8x", "truncated sequence", 2},
        {"\xF0\x9F\x98", "truncated sequence", 3},
        {"\xC3", "truncated sequence", 1},
    };
    for (const auto& row : rows) {
        INFO(Catch::Detail::stringify(row.bytes));
        const auto step = decode_utf8(row.bytes, 0);
        CHECK(step.length == row.length);
        if (row.problem == nullptr) {
            CHECK(step.problem == nullptr);
        } else {
            REQUIRE(step.problem != nullptr);
            CHECK(std::string(step.problem) == row.problem);
        }
    }
    CHECK(decode_utf8("\xF4\x8F\xBF\xBF", 0).code_point == 0x10FFFF);
    CHECK(utf8_length("\xED\xA0\x80") == std::nullopt);
    CHECK(utf8_length("\xC0\xAF") == std::nullopt);
    CHECK(utf8_length("a\xF0\x9F\x98\x80") == 2U);
}
