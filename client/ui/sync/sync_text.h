#pragma once
/// The sync error queue and the outbox in the clerk's words: what each refusal means and what to do, the kinds of
/// writes, the link's state, and why a step on the queue was not taken.

#include "client/workflows/sync/sync_queue.h"
#include "client/workflows/sync/sync_worker.h"

#include <string>
#include <wx/string.h>

namespace ui {

/// What the refusal means and what to do (the number is taken: retry later or edit it; a cancellation refused).
wxString sync_problem_text(const workflows::SyncProblem& problem);
/// A write's kind in the clerk's words (订单, 缴费, 客户, 撤单).
wxString sync_kind_text(const std::string& kind);
/// The sync worker's link in the clerk's words.
wxString sync_link_text(workflows::SyncStatus::Link link);
/// Why a step on the queue (retry, edit, discard) was not taken.
wxString refusal_text(const workflows::SyncDeskRefusal& refusal);

} // namespace ui
