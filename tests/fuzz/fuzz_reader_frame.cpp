// The reader's byte stream: parse frames one after another as the serial transport will, resynchronising on errors.
// Every step must consume bytes or ask for more; a parsed frame's data must lie inside the input.
#include "idcard/frame.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> rest(data, size);
    while (!rest.empty()) {
        const auto parsed = idcard::parse_response(rest);
        if (parsed.error == idcard::FrameError::incomplete) {
            break;
        }
        if (parsed.consumed == 0 || parsed.consumed > rest.size()) {
            std::abort();
        }
        if (parsed.response && parsed.response->data.size() + 11 != parsed.consumed) {
            std::abort();
        }
        rest = rest.subspan(parsed.consumed);
    }
    return 0;
}
