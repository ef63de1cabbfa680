#include "services/bssclient/endpoint.h"

#include <catch2/catch.hpp>

using namespace bss;

TEST_CASE("https back-office URLs are accepted", "[endpoint]")
{
    const auto parsed = parse_endpoint("https://bss.example.cn:8443/bss/v1/", false);
    REQUIRE(std::holds_alternative<Endpoint>(parsed));
    const auto& ep = std::get<Endpoint>(parsed);
    CHECK(ep.host == "bss.example.cn");
    CHECK(ep.port == 8443);
    CHECK(ep.base_path == "/bss/v1");
    CHECK(ep.url_for("customerFind") == "https://bss.example.cn:8443/bss/v1/customerFind");
    CHECK(std::get<Endpoint>(parse_endpoint("https://bss.example.cn", false)).port == 443);
}

TEST_CASE("plain http only to loopback, and only when allowed", "[endpoint]")
{
    CHECK(std::get<EndpointError>(parse_endpoint("http://127.0.0.1:8080/bss/v1", false)).code == "E_URL_INSECURE");
    CHECK(std::holds_alternative<Endpoint>(parse_endpoint("http://127.0.0.1:8080/bss/v1", true)));
    CHECK(std::holds_alternative<Endpoint>(parse_endpoint("http://[::1]:8080/", true)));
    CHECK(std::get<Endpoint>(parse_endpoint("http://[::1]:8080/", true)).url_for("x") == "http://[::1]:8080/x");
    CHECK(std::get<EndpointError>(parse_endpoint("http://10.0.0.5/bss", true)).code == "E_URL_INSECURE");
}

TEST_CASE("bad back-office URLs get a specific code", "[endpoint]")
{
    CHECK(std::get<EndpointError>(parse_endpoint("ftp://bss.example.cn/", true)).code == "E_URL_SCHEME");
    CHECK(std::get<EndpointError>(parse_endpoint("https://user:pw@bss.example.cn/", true)).code == "E_URL_CREDENTIALS");
    CHECK(std::get<EndpointError>(parse_endpoint("", true)).code == "E_URL_SYNTAX");
    CHECK(std::get<EndpointError>(parse_endpoint("https://bss example/", true)).code == "E_URL_SYNTAX");
    CHECK(is_loopback_host("127.0.0.2"));
    CHECK(is_loopback_host("localhost"));
    CHECK_FALSE(is_loopback_host("192.168.1.1"));
}
