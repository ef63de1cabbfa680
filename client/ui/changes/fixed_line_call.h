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
    workflows::OrderDesk orders(backend);
    workflows::FixedLineInstall install(backend, orders);
    return work(install);
}

} // namespace ui
