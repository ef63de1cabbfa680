#include "services/bssclient/endpoint.h"

#include <curl/curl.h>
#include <memory>

namespace bss {
namespace {

struct UrlDeleter
{
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlStringDeleter
{
    void operator()(char* s) const { curl_free(s); }
};

/// A URL part as a string, or empty if the URL has none.
std::string part(CURLU* url, CURLUPart which)
{
    char* raw = nullptr;
    if (curl_url_get(url, which, &raw, 0) != CURLUE_OK || raw == nullptr) {
        return {};
    }
    std::unique_ptr<char, CurlStringDeleter> owned(raw);
    return owned.get();
}

} // namespace

std::string Endpoint::url_for(std::string_view operation) const
{
    const bool ipv6 = host.find(':') != std::string::npos;
    std::string url = scheme + "://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + base_path;
    url += '/';
    url += operation;
    return url;
}

bool is_loopback_host(std::string_view host)
{
    return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

std::variant<Endpoint, EndpointError> parse_endpoint(std::string_view text, bool allow_loopback_http)
{
    std::unique_ptr<CURLU, UrlDeleter> url(curl_url());
    const std::string owned(text);
    if (!url || curl_url_set(url.get(), CURLUPART_URL, owned.c_str(), 0) != CURLUE_OK) {
        return EndpointError{"E_URL_SYNTAX", owned};
    }
    Endpoint ep;
    ep.scheme = part(url.get(), CURLUPART_SCHEME);
    ep.host = part(url.get(), CURLUPART_HOST);
    if (ep.host.size() > 2 && ep.host.front() == '[' && ep.host.back() == ']') {
        ep.host = ep.host.substr(1, ep.host.size() - 2);
    }
    if (!part(url.get(), CURLUPART_USER).empty() || !part(url.get(), CURLUPART_PASSWORD).empty()) {
        // Credentials in a settings file leak into logs and screenshots; staff log in instead.
        return EndpointError{"E_URL_CREDENTIALS", ep.host};
    }
    if (ep.scheme == "http") {
        if (!allow_loopback_http || !is_loopback_host(ep.host)) {
            return EndpointError{"E_URL_INSECURE", ep.host};
        }
    } else if (ep.scheme != "https") {
        return EndpointError{"E_URL_SCHEME", ep.scheme};
    }
    const std::string port = part(url.get(), CURLUPART_PORT);
    ep.port = port.empty() ? (ep.scheme == "https" ? 443 : 80) : std::stoi(port);
    ep.base_path = part(url.get(), CURLUPART_PATH);
    while (!ep.base_path.empty() && ep.base_path.back() == '/') {
        ep.base_path.pop_back();
    }
    return ep;
}

} // namespace bss
