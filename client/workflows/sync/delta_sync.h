#pragma once
/// Delta sync for a field laptop: asks the back office what changed among the caller's customers since the stored
/// cursor, page by page, and stores each page with the new cursor in one transaction (a crash mid-sync resumes
/// after the last stored page). The back office owns customers and orders: what it sends replaces older copies;
/// orders accepted here and still provisional are never overwritten by a copy that does not know them.

#include "client/store/sync_state.h"
#include "services/bssclient/bss_client.h"

#include <functional>
#include <soci/soci.h>
#include <string>
#include <variant>

namespace workflows {

struct DeltaSyncResult
{
    int pages = 0;
    int customers = 0;
    int orders = 0;
    store::SyncCursor cursor; ///< where the next sync starts, and "data as of"
};

/// Pulls every page since the cursor stored for `scope` (the staff number). Stops at the first failure, keeping
/// the pages already stored.
std::variant<DeltaSyncResult, bss::CallError> delta_sync(soci::session& sql, bss::BssClient& client,
                                                         const std::string& scope, int page_size = 500,
                                                         const std::function<void(int customers)>& progress = {});

} // namespace workflows
