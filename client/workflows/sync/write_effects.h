#pragma once
/// What a write's answer changes locally, applied in the same transaction that marks the write done or refused:
/// an order takes its number and state and releases the payments that waited for it; a payment takes its id; a
/// customer opened offline takes its id and releases the orders that waited for it; a refusal marks the local record
/// so the clerk sees it beside the sync error.

#include "client/store/outbox.h"
#include "client/workflows/sync/write_dispatch.h"

#include <soci/soci.h>
#include <string>

namespace workflows {

/// The back office accepted `item` with `sent` (its answer encoded and decoded).
void apply_accepted(soci::session& sql, const store::OutboxItem& item, const SentWrite& sent, store::UtcTime now);
/// The back office refused `item` with `code`.
void apply_refused(soci::session& sql, const store::OutboxItem& item, const std::string& code, store::UtcTime now);

/// "order:ID" → ("order", "ID").
std::pair<std::string, std::string> split_subject(const std::string& subject);

} // namespace workflows
