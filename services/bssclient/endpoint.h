#pragma once
/// Where the back office is, checked before any request: https only, except plain http to a loopback host when a
/// setting allows it (development and tests). URLs are parsed by libcurl's own parser, the same one that will use
/// them, so what we check is what curl connects to.

#include <string>
#include <string_view>
#include <variant>

namespace bss {

struct Endpoint
{
    std::string scheme; ///< "https" or "http"
    std::string host;
    int port = 0;
    std::string base_path; ///< without a trailing slash, e.g. "/bss/v1"

    /// "https://host:port/bss/v1/<operation>"
    [[nodiscard]] std::string url_for(std::string_view operation) const;
};

/// Why a configured URL was refused: a stable code for the settings screen to translate.
struct EndpointError
{
    std::string code; ///< E_URL_SYNTAX, E_URL_SCHEME, E_URL_INSECURE, E_URL_CREDENTIALS
    std::string detail;
};

std::variant<Endpoint, EndpointError> parse_endpoint(std::string_view url, bool allow_loopback_http);

/// 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(std::string_view host);

} // namespace bss
