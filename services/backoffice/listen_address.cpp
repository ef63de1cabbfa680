#include "services/backoffice/listen_address.h"

#include <charconv>

namespace backoffice {

std::variant<ListenAddress, std::string> parse_listen(std::string_view text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
        return std::string("expected HOST:PORT, e.g. 0.0.0.0:8443");
    }
    std::string_view host = text.substr(0, colon);
    const std::string_view port = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string_view::npos) {
        // Without brackets "::1:8443" could be the address ::1:8443 on no port, or ::1 on 8443.
        return std::string("an IPv6 address goes in brackets, e.g. [::1]:8443");
    }
    if (host.empty()) {
        return std::string("the host is missing, e.g. 0.0.0.0:8443 for every address");
    }
    unsigned long value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    // std::from_chars takes no sign, so "-1" and "+80" are refused along with "80x" and "".
    if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value > 65535) {
        return "the port is a number from 0 to 65535 (0: any free port), not \"" + std::string(port) + "\"";
    }
    return ListenAddress{std::string(host), static_cast<unsigned short>(value)};
}

} // namespace backoffice
