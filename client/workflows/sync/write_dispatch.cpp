#include "client/workflows/sync/write_dispatch.h"

#include "services/contract/operations.h"

#include <optional>
#include <type_traits>

namespace workflows {

namespace {

template <typename T, typename... Alternatives> constexpr bool kOneOf = (std::is_same_v<T, Alternatives> || ...);

template <typename Response, typename... Alternatives>
void keep_answer(std::variant<Alternatives...>& answer, Response& response)
{
    if constexpr (kOneOf<Response, Alternatives...>) {
        answer = std::move(response);
    }
}

} // namespace

std::variant<SentWrite, bss::CallError> send_write(bss::BssClient& client, const store::OutboxItem& item)
{
    std::optional<std::variant<SentWrite, bss::CallError>> result;
    contract::for_each_operation([&](auto request) {
        using Request = decltype(request);
        if constexpr (Request::kWrite) {
            if (!result && item.operation == Request::kOperation) {
                auto answer = client.call_encoded<Request>(item.body, item.idem_key);
                if (auto* response = std::get_if<typename Request::Response>(&answer)) {
                    SentWrite sent;
                    sent.response = contract::encode_response(*response);
                    keep_answer(sent.answer, *response);
                    result = std::move(sent);
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
