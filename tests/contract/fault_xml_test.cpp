#include "services/contract/fault_xml.h"

#include <catch2/catch.hpp>

using namespace contract;

TEST_CASE("every result code has a stable name that round-trips", "[contract]")
{
    for (int i = 0; i <= static_cast<int>(ResultCode::internal); ++i) {
        const auto code = static_cast<ResultCode>(i);
        INFO(to_string(code));
        CHECK(result_code_from_string(to_string(code)) == code);
    }
    CHECK(to_string(ResultCode::blacklisted) == "E_BLACKLISTED");
    CHECK_FALSE(result_code_from_string("E_NOPE"));
}

TEST_CASE("faults round-trip through XML with their parameters", "[contract]")
{
    const Fault fault{ResultCode::validation,
                      {{"field", "idNumber"}, {"reason", "E_ID_CHECK_CHAR"}, {"note", "<&>\""}}};
    const std::string xml = encode_fault(fault);
    CHECK(xml.find("urn:counter:bss:1") != std::string::npos);
    const auto decoded = decode_fault(xml);
    REQUIRE(std::holds_alternative<Fault>(decoded));
    CHECK(std::get<Fault>(decoded) == fault);
}

TEST_CASE("bad fault XML is refused with a reason", "[contract]")
{
    struct Row
    {
        const char* xml;
        const char* reason;
    };
    const Row rows[] = {
        {"", "malformed"},
        {"<result", "malformed"},
        {"<result xmlns=\"urn:counter:bss:1\" code=\"OK\"></reslt>", "malformed"},
        {"<answer xmlns=\"urn:counter:bss:1\" code=\"OK\"/>", "element"},
        {"<result xmlns=\"urn:counter:bss:2\" code=\"OK\"/>", "namespace"},
        {"<result code=\"OK\"/>", "namespace"},
        {"<result xmlns=\"urn:counter:bss:1\" code=\"E_WHATEVER\"/>", "code"},
        // As for messages, a DOCTYPE is refused (before, it was skipped and "&a;" read as an unknown code).
        {"<!DOCTYPE x [<!ENTITY a \"b\">]><result xmlns=\"urn:counter:bss:1\" code=\"&a;\"/>", "malformed"},
    };
    for (const auto& row : rows) {
        INFO(row.xml);
        const auto decoded = decode_fault(row.xml);
        REQUIRE(std::holds_alternative<DecodeError>(decoded));
        CHECK(std::get<DecodeError>(decoded).reason == row.reason);
    }
}
