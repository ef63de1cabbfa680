#include "services/contract/message_codec.h"
#include "services/contract/operations.h"
#include "services/contract/xml_schema.h"

#include <catch2/catch.hpp>

using namespace contract;
using namespace std::chrono_literals;

namespace {

OrderDraft sample_draft()
{
    OrderDraft draft;
    draft.external_id = "ws-7f3a";
    draft.order_type = "install";
    draft.customer_id = "C000042";
    draft.items.push_back({"1", "add", "PSTN-BASIC", "88451234", {{"callerId", "on"}}, std::nullopt});
    draft.items.push_back({"2", "add", "VAS-CLIP", std::nullopt, {}, std::nullopt});
    draft.address_id = "B110105001001";
    draft.appointment = domain::make_date(2026, 11, 25);
    draft.fees.push_back({"安装调测费", domain::Money::from_fen(10000)});
    draft.note = "客户要求上午安装 & <尽快>";
    return draft;
}

template <typename T> T decoded(const std::variant<T, DecodeError>& result)
{
    if (const auto* error = std::get_if<DecodeError>(&result)) {
        FAIL(error->reason << " " << error->detail << " " << error->field);
    }
    return std::get<T>(result);
}

DecodeError refused(const std::string& xml)
{
    const auto result = decode_request<OrderSubmitRequest>(xml);
    REQUIRE(std::holds_alternative<DecodeError>(result));
    return std::get<DecodeError>(result);
}

std::string submit_xml(const std::string& inner)
{
    return R"(<orderSubmitRequest xmlns="urn:counter:bss:1"><productOrder>)" + inner +
           "</productOrder></orderSubmitRequest>";
}

const std::string kMinimalOrder =
    "<externalId>k1</externalId><orderType>install</orderType><customerId>C1</customerId>";

} // namespace

TEST_CASE("an order request survives the trip to XML and back field for field", "[contract]")
{
    const OrderSubmitRequest request{sample_draft()};
    const auto xml = encode_request(request);
    CHECK(xml.find(R"(<orderSubmitRequest xmlns="urn:counter:bss:1">)") != std::string::npos);

    const auto back = decoded(decode_request<OrderSubmitRequest>(xml));
    CHECK(back.order.external_id == "ws-7f3a");
    CHECK(back.order.items.size() == 2);
    CHECK(back.order.items[0].characteristics.at(0).value == "on");
    CHECK_FALSE(back.order.items[1].service_number.has_value());
    CHECK(back.order.appointment == domain::make_date(2026, 11, 25));
    CHECK(back.order.fees.at(0).amount == domain::Money::from_fen(10000));
    CHECK(back.order.note == request.order.note);
    CHECK(encode_request(back) == xml);
}

TEST_CASE("every operation's empty request and response encode and decode to the same bytes", "[contract]")
{
    for_each_operation([](auto request) {
        using Request = decltype(request);
        using Response = typename Request::Response;
        INFO(Request::kOperation);
        const auto request_xml = encode_request(Request{});
        const auto response_xml = encode_response(Response{});
        CHECK(request_xml.find(Request::kRoot) != std::string::npos);
        CHECK(response_xml.find(R"(<result code="OK"/>)") != std::string::npos);
        // Defaults leave required texts empty, which a reader refuses; that is the point of the next case.
        const auto back = decode_response<Response>(response_xml);
        if (const auto* message = std::get_if<Response>(&back)) {
            CHECK(encode_response(*message) == response_xml);
        } else {
            CHECK(std::get<DecodeError>(back).reason == "field");
        }
    });
}

TEST_CASE("a response carries its data, and a fault comes back as the fault", "[contract]")
{
    LoginResponse login;
    login.session_token = "tok";
    login.expires_at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 8h + 30min;
    login.staff = {"1001", "张三", "H01", {"clerk"}, {"order.submit", "customer.create"}};
    const auto xml = encode_response(login);
    CHECK(xml.find("<expiresAt>2026-11-23T08:30:00Z</expiresAt>") != std::string::npos);
    const auto back = decode_response<LoginResponse>(xml);
    REQUIRE(std::holds_alternative<LoginResponse>(back));
    CHECK(std::get<LoginResponse>(back).staff.permissions.size() == 2);

    const auto fault = decode_response<LoginResponse>(encode_fault({ResultCode::permission, {{"operation", "x"}}}));
    REQUIRE(std::holds_alternative<Fault>(fault));
    CHECK(std::get<Fault>(fault).code == ResultCode::permission);

    const auto not_ok = decode_response<LoginResponse>(
        R"(<loginResponse xmlns="urn:counter:bss:1"><result code="E_INTERNAL"/></loginResponse>)");
    CHECK(std::get<DecodeError>(not_ok).reason == "code");
}

TEST_CASE("bad requests are refused with the field and the reason", "[contract]")
{
    struct Case
    {
        std::string xml;
        std::string reason;
        std::string detail;
        std::string field;
    };
    const std::string long_id(65, 'k');
    const std::vector<Case> cases{
        {"<orderSubmitRequest", "malformed", "", ""},
        {"", "malformed", "", ""},
        {R"(<orderGetRequest xmlns="urn:counter:bss:1"/>)", "element", "orderGetRequest", ""},
        {R"(<orderSubmitRequest xmlns="urn:counter:bss:2"/>)", "namespace", "urn:counter:bss:2", ""},
        {R"(<orderSubmitRequest/>)", "namespace", "", ""},
        {R"(<!DOCTYPE x [<!ENTITY e "boom">]><orderSubmitRequest xmlns="urn:counter:bss:1"/>)", "malformed", "", ""},
        {R"(<orderSubmitRequest xmlns="urn:counter:bss:1"/>)", "field", "missing", "productOrder"},
        {submit_xml(""), "field", "missing", "productOrder/externalId"},
        {submit_xml("<externalId></externalId>"), "field", "empty", "productOrder/externalId"},
        {submit_xml("<externalId>" + long_id + "</externalId>"), "field", "too_long", "productOrder/externalId"},
        {submit_xml("<externalId>\xff\xfe</externalId>"), "field", "not_utf8", "productOrder/externalId"},
        {submit_xml("<externalId>a</externalId><externalId>b</externalId>"), "field", "duplicate",
         "productOrder/externalId"},
        {submit_xml("<externalId><x/></externalId>"), "field", "invalid", "productOrder/externalId"},
        {submit_xml(kMinimalOrder + "<item><itemId>1</itemId></item>"), "field", "missing",
         "productOrder/item/1/action"},
        {submit_xml(kMinimalOrder + "<appointment>2026-02-30</appointment>"), "field", "invalid",
         "productOrder/appointment"},
        {submit_xml(kMinimalOrder + "<fee><name>f</name><amount>¥1</amount></fee>"), "field", "invalid",
         "productOrder/fee/1/amount"},
        {submit_xml(kMinimalOrder + "<fee><name>f</name><amount>1.234</amount></fee>"), "field", "invalid",
         "productOrder/fee/1/amount"},
    };
    for (const auto& c : cases) {
        INFO(c.xml);
        const auto error = refused(c.xml);
        CHECK(error.reason == c.reason);
        if (!c.detail.empty()) {
            CHECK(error.detail == c.detail);
        }
        CHECK(error.field == c.field);
    }
}

TEST_CASE("numbers, flags and lists are read strictly", "[contract]")
{
    const auto list = [](const std::string& inner) {
        return decode_request<OrderListRequest>(R"(<orderListRequest xmlns="urn:counter:bss:1">)" + inner +
                                                "</orderListRequest>");
    };
    CHECK(std::get<OrderListRequest>(list("<limit>7</limit>")).limit == 7);
    for (const auto* bad : {"<limit>+7</limit>", "<limit>7 </limit>", "<limit>0x7</limit>",
                            "<limit>99999999999999999999</limit>", "<openOnly>yes</openOnly>"}) {
        INFO(bad);
        CHECK(std::get<DecodeError>(list(bad)).reason == "field");
    }

    std::string many = kMinimalOrder;
    for (std::size_t i = 0; i <= XmlReader::kMaxListItems; ++i) {
        many += "<fee><name>f</name><amount>1</amount></fee>";
    }
    CHECK(refused(submit_xml(many)).detail == "too_many");
}

TEST_CASE("unknown elements are ignored in responses, so a newer back office can add optional fields", "[contract]")
{
    // A request holds only what its message has (issue 23); a response may carry more (docs/CONTRACT.md §1.3).
    const auto request = decode_request<OrderSubmitRequest>(submit_xml(kMinimalOrder + "<futureField>1</futureField>"));
    REQUIRE(std::holds_alternative<DecodeError>(request));
    CHECK(std::get<DecodeError>(request).detail == "unknown");
    CHECK(std::get<DecodeError>(request).field == "productOrder/futureField");

    OrderGetResponse newer;
    newer.order = {"O1", "acknowledged", sample_draft(), domain::Money::from_fen(10000), {}, {}, "1001", "H1", {}};
    std::string xml = encode_response(newer);
    xml.insert(xml.find("<productOrder>") + std::string_view("<productOrder>").size(), "<futureField>1</futureField>");
    const auto response = decode_response<OrderGetResponse>(xml);
    REQUIRE(std::holds_alternative<OrderGetResponse>(response));
    CHECK(std::get<OrderGetResponse>(response).order.draft.customer_id == "C000042");
}

TEST_CASE("timestamps and amounts have one wire form", "[contract]")
{
    CHECK(parse_timestamp("2026-11-23T08:30:00Z").has_value());
    for (const auto* bad : {"2026-11-23T08:30:00", "2026-11-23 08:30:00Z", "2026-13-01T00:00:00Z",
                            "2026-11-23T24:00:00Z", "2026-11-23T08:30:00+08:00", ""}) {
        INFO(bad);
        CHECK_FALSE(parse_timestamp(bad).has_value());
    }
    const auto at = *parse_timestamp("2024-02-29T23:59:59Z");
    CHECK(format_timestamp(at) == "2024-02-29T23:59:59Z");
    CHECK(utf8_length("营业厅") == 3u);
    CHECK_FALSE(utf8_length("\xe8\x90").has_value());
}

TEST_CASE("no response has a field called result, which the envelope's result code already is", "[contract]")
{
    for_each_operation([](auto request) {
        using Response = typename decltype(request)::Response;
        const auto xsd = xsd_for_response<Response>();
        INFO(Response::kRoot);
        std::size_t count = 0;
        for (auto at = xsd.find(R"(name="result")"); at != std::string::npos;
             at = xsd.find(R"(name="result")", at + 1)) {
            ++count;
        }
        CHECK(count == 1);
    });
}
