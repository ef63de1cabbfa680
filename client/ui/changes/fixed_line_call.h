#pragma once
/// The fixed-line workflow (catalog, ports, numbers, the install's acceptance) as the page's clerk, set up the one
/// way every step of the install and the value-added change needs it. On the page's worker thread.

#include "client/ui/base/page_services.h"
#include "client/workflows/changes/fixed_line_install.h"
#include "client/workflows/orders/order_desk.h"

namespace ui {

/// `work(install)` with the workflow open on the page's cache and back office; returns what `work` returns.
template <typename Work> auto with_fixed_line(PageBackend& backend, Work&& work)
{
    const auto& services = backend.services();
    workflows::OrderDesk desk(backend.sql(), services.workstation_id, services.clock);
    workflows::FixedLineInstall install(backend.sql(), backend.client(), desk, services.staff);
    return work(install);
}

} // namespace ui
