#pragma once
/// Sends a queued write as it was first encoded, by its operation's name: the outbox keeps bytes, the client is
/// typed, and this is where the two meet. The answer comes back encoded again for the record, and decoded (once) for
/// the answers that change something locally.

#include "client/store/outbox.h"
#include "services/bssclient/bss_client.h"
#include "services/contract/messages/customer.h"
#include "services/contract/messages/order.h"
#include "services/contract/messages/payment.h"

#include <string>
#include <variant>

namespace workflows {

/// The decoded answers whose effects write_effects applies; monostate for the others.
using WriteAnswer = std::variant<std::monostate, contract::OrderSubmitResponse, contract::PaymentCreateResponse,
                                 contract::OrderCancelResponse, contract::CustomerSaveResponse>;

struct SentWrite
{
    std::string response; ///< encoded, kept with the write
    WriteAnswer answer;
};

/// The back office's answer to a write, or why there is none.
std::variant<SentWrite, bss::CallError> send_write(bss::BssClient& client, const store::OutboxItem& item);

/// Whether `operation` names a write of the contract.
bool is_write_operation(const std::string& operation);

} // namespace workflows
