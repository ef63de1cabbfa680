// Requests from the network: the first byte picks one of the contract's operations, the rest is the body. Any bytes
// decode to the request or to a decode error, never a crash; a decoded request encodes to XML that decodes to the
// same bytes again (the reader and the writer agree). The same bytes are also read as that operation's response.
#include "services/contract/message_codec.h"
#include "services/contract/operations.h"

#include <cstdlib>
#include <tuple>

namespace {

template <typename Request> void exercise(std::string_view body)
{
    const auto decoded = contract::decode_request<Request>(body);
    if (const auto* request = std::get_if<Request>(&decoded)) {
        const auto xml = contract::encode_request(*request);
        const auto again = contract::decode_request<Request>(xml);
        const auto* request_again = std::get_if<Request>(&again);
        if (request_again == nullptr || contract::encode_request(*request_again) != xml) {
            std::abort();
        }
    }
    using Response = typename Request::Response;
    const auto answer = contract::decode_response<Response>(body);
    if (const auto* response = std::get_if<Response>(&answer)) {
        const auto xml = contract::encode_response(*response);
        const auto again = contract::decode_response<Response>(xml);
        if (!std::holds_alternative<Response>(again)) {
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    constexpr auto count = std::tuple_size_v<contract::AllOperations>;
    const std::size_t pick = data[0] % count;
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    std::size_t index = 0;
    contract::for_each_operation([&](auto request) {
        if (index++ == pick) {
            exercise<decltype(request)>(body);
        }
    });
    return 0;
}
