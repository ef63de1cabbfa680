#include "client/workflows/write_dispatch.h"

#include "services/contract/operations.h"

#include <optional>

namespace workflows {

std::variant<std::string, bss::CallError> send_write(bss::BssClient& client, const store::OutboxItem& item)
{
    std::optional<std::variant<std::string, bss::CallError>> result;
    contract::for_each_operation([&](auto request) {
        using Request = decltype(request);
        if constexpr (Request::kWrite) {
            if (!result && item.operation == Request::kOperation) {
                auto answer = client.call_encoded<Request>(item.body, item.idem_key);
                if (auto* response = std::get_if<typename Request::Response>(&answer)) {
                    result = contract::encode_response(*response);
                } else {
                    result = std::get<bss::CallError>(std::move(answer));
                }
            }
        }
    });
    if (!result) {
        // A queued write this program cannot send (written by a newer version?): refuse it, never guess.
        bss::CallError error;
        error.kind = bss::FailureKind::malformed;
        error.detail = "unknown write operation " + item.operation;
        return error;
    }
    return std::move(*result);
}

bool is_write_operation(const std::string& operation)
{
    bool found = false;
    contract::for_each_operation([&](auto request) {
        using Request = decltype(request);
        found = found || (Request::kWrite && operation == Request::kOperation);
    });
    return found;
}

} // namespace workflows
