#pragma once
/// The `--listen` flag: "HOST:PORT", with IPv6 hosts in brackets ("[::1]:8443"), port 0 for any free port.

#include <string>
#include <string_view>
#include <variant>

namespace backoffice {

struct ListenAddress
{
    std::string host; ///< without the brackets of an IPv6 literal
    unsigned short port = 0;
};

/// The parts of `text`, or why it is not an address to listen on (one sentence, for the command line).
std::variant<ListenAddress, std::string> parse_listen(std::string_view text);

} // namespace backoffice
