#include "client/workflows/sync/delta_sync.h"

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/store/write_transaction.h"
#include "client/workflows/forms/record_documents.h"

#include <optional>

namespace workflows {

std::variant<DeltaSyncResult, bss::CallError> delta_sync(soci::session& sql, bss::BssClient& client,
                                                         const std::string& scope, int page_size,
                                                         const std::function<void(int customers)>& progress)
{
    store::SyncState state(sql);
    store::CustomerCache cache(sql);
    store::OrderStore orders(sql);
    DeltaSyncResult result;
    result.cursor = state.cursor(scope);
    // A first sync brings everything: index its text once at the end rather than row by row.
    std::optional<store::CustomerCache::BulkLoad> bulk;
    if (result.cursor.cursor == 0) {
        bulk.emplace(cache);
    }
    for (;;) {
        contract::SyncChangesRequest request;
        request.cursor = result.cursor.cursor;
        request.limit = page_size;
        auto answer = client.call(request);
        if (auto* error = std::get_if<bss::CallError>(&answer)) {
            return std::move(*error);
        }
        const auto& page = std::get<contract::SyncChangesResponse>(answer);
        {
            store::WriteTransaction tx(sql);
            for (const auto& customer : page.customers) {
                cache.put(cached_customer(customer), page.as_of);
            }
            for (const auto& order : page.orders) {
                orders.apply_remote(order.draft.external_id, order.order_id, order.draft.customer_id,
                                    order.draft.order_type, order.state, order.total.fen(), order.staff_id,
                                    order_document(order), order_events(order), page.as_of);
            }
            state.advance(scope, page.cursor, page.as_of);
            tx.commit();
        }
        ++result.pages;
        result.customers += static_cast<int>(page.customers.size());
        result.orders += static_cast<int>(page.orders.size());
        result.cursor = state.cursor(scope);
        if (progress) {
            progress(result.customers);
        }
        if (!page.has_more) {
            return result;
        }
    }
}

} // namespace workflows
