// --listen: what is taken, what is refused and why (found by hand: "127.0.0.1:80x" used to listen on 80, and
// "127.0.0.1:abc" stopped the back office with the bare word "stoul").

#include "services/backoffice/listen_address.h"

#include <catch2/catch.hpp>
#include <random>

namespace {

std::string problem_of(std::string_view text)
{
    const auto parsed = backoffice::parse_listen(text);
    const auto* problem = std::get_if<std::string>(&parsed);
    return problem != nullptr ? *problem : std::string();
}

} // namespace

TEST_CASE("listen addresses are split into host and port", "[backoffice][listen]")
{
    struct Case
    {
        const char* text;
        const char* host;
        unsigned short port;
    };
    const Case cases[] = {
        {"127.0.0.1:8443", "127.0.0.1", 8443},
        {"0.0.0.0:0", "0.0.0.0", 0},
        {"[::1]:443", "::1", 443},
        {"[::]:65535", "::", 65535},
        {"bss.example.cn:8443", "bss.example.cn", 8443},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto parsed = backoffice::parse_listen(c.text);
        REQUIRE(std::holds_alternative<backoffice::ListenAddress>(parsed));
        CHECK(std::get<backoffice::ListenAddress>(parsed).host == c.host);
        CHECK(std::get<backoffice::ListenAddress>(parsed).port == c.port);
    }
}

TEST_CASE("a listen address that is not HOST:PORT is refused with the reason", "[backoffice][listen]")
{
    struct Case
    {
        const char* text;
        const char* reason; ///< a part of the sentence that must be there
    };
    const Case cases[] = {
        {"8443", "expected HOST:PORT"},
        {"", "expected HOST:PORT"},
        {":8443", "the host is missing"},
        {"[]:8443", "the host is missing"},
        {"::1:8443", "brackets"},
        {"127.0.0.1:", "not \"\""},
        {"127.0.0.1:abc", "not \"abc\""},
        {"127.0.0.1:80x", "not \"80x\""},
        {"127.0.0.1:-1", "not \"-1\""},
        {"127.0.0.1:+80", "not \"+80\""},
        {"127.0.0.1:65536", "not \"65536\""},
        {"127.0.0.1:99999999999999999999", "0 to 65535"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK_THAT(problem_of(c.text), Catch::Contains(c.reason));
    }
}

TEST_CASE("every valid port is taken, and spoilt by a stray character is refused", "[backoffice][listen][property]")
{
    std::mt19937 random(20261204);
    std::uniform_int_distribution<unsigned> port(0, 65535);
    const std::string strays = "x -+.:/#";
    std::uniform_int_distribution<std::size_t> stray(0, strays.size() - 1);
    for (int i = 0; i < 500; ++i) {
        const auto value = static_cast<unsigned short>(port(random));
        const auto text = "10.0.0.1:" + std::to_string(value);
        const auto parsed = backoffice::parse_listen(text);
        REQUIRE(std::holds_alternative<backoffice::ListenAddress>(parsed));
        CHECK(std::get<backoffice::ListenAddress>(parsed).port == value);
        const auto spoilt = text + strays[stray(random)];
        INFO(spoilt);
        CHECK_FALSE(problem_of(spoilt).empty());
    }
}
