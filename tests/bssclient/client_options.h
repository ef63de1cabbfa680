#pragma once
/// Client options for the tests: the given server, trusting only its CA, with short back-off so retries do not slow
/// the suite, and time-outs generous enough for a shared, busy machine.

#include "services/bssclient/bss_client.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>

namespace testing {

inline bss::ClientOptions client_options(const std::string& url, const std::filesystem::path& ca_file)
{
    auto endpoint = bss::parse_endpoint(url, false);
    REQUIRE(std::holds_alternative<bss::Endpoint>(endpoint));
    bss::ClientOptions options;
    options.endpoint = std::get<bss::Endpoint>(endpoint);
    options.ca_file = ca_file;
    options.connect_timeout = std::chrono::seconds(10);
    options.total_timeout = std::chrono::seconds(30);
    options.attempts = 3;
    options.backoff = std::chrono::milliseconds(20);
    options.max_backoff = std::chrono::milliseconds(100);
    return options;
}

} // namespace testing
