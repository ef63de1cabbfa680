#pragma once
/// Sends a queued write as it was first encoded, by its operation's name: the outbox keeps bytes, the client is
/// typed, and this is where the two meet. The answer comes back encoded again, for the record and for the effects.

#include "client/store/outbox.h"
#include "services/client/bss_client.h"

#include <string>
#include <variant>

namespace workflows {

/// The back office's answer to a write (encoded), or why there is none.
std::variant<std::string, bss::CallError> send_write(bss::BssClient& client, const store::OutboxItem& item);

/// Whether `operation` names a write of the contract.
bool is_write_operation(const std::string& operation);

} // namespace workflows
