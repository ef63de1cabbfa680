#pragma once
/// Whether a failed call means "the back office did not answer" (then the workflow falls back to the cache or
/// accepts provisionally) rather than "the back office said no" (then the clerk is told why). One rule for every
/// workflow.

#include "services/bssclient/bss_client.h"

namespace workflows {

/// Transport failure, time-out, a 5xx without a contract answer, or E_INTERNAL after the client's retries.
bool no_answer(const bss::CallError& error);

} // namespace workflows
