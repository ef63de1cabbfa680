#include "client/workflows/workstation/no_answer.h"

namespace workflows {

bool no_answer(const bss::CallError& error)
{
    return error.kind == bss::FailureKind::transport || error.kind == bss::FailureKind::timeout ||
           (error.kind == bss::FailureKind::http && error.http_status >= 500) ||
           (error.kind == bss::FailureKind::fault && error.retryable()); // E_INTERNAL after the client's retries
}

} // namespace workflows
