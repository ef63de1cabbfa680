#pragma once
/// What the form builders share: finding the stored order and its customer (with the typed refusals of
/// form_document.h), the hall and clerk lines, and the last step every form takes (checked against the field
/// catalog, marked 补打 when it was printed before).

#include "client/store/order_store.h"
#include "client/workflows/forms/form_document.h"
#include "services/contract/messages/customer.h"
#include "services/contract/messages/order.h"

#include <soci/soci.h>
#include <string>

namespace workflows {

struct StoredOrder
{
    store::LocalOrder row;
    contract::ProductOrder record; ///< the back office's copy, or the draft as queued
    /// The number printed: the back office's, or the local pre-accept number when it has none yet.
    std::string number;
    bool pending = true;
};

/// By the back office's order number or this workstation's local id.
printing::PrintResult<StoredOrder> find_order(soci::session& sql, const std::string& order_ref);
printing::PrintResult<contract::CustomerRecord> find_customer(soci::session& sql, const std::string& customer_id);

/// Sets a field, or records it as unfilled with `reason` when the value is empty.
void put_field(FormDocument& document, const std::string& field, const std::string& value,
               const char* reason = "not_stored");

/// hall.name and the clerk who did the business (`staff`), at `hall_id` when the counter has no hall name.
void put_counter(FormDocument& document, const PrintingCounter& counter, const std::string& staff,
                 const std::string& hall_id);
/// customer.* and agent.* from the customer's record: its main certificate, contact phone, address, grade, agent.
void put_customer(FormDocument& document, const contract::CustomerRecord& customer);

/// Checks the data against the catalog and marks a reprint when `form` was printed before under the same order
/// number (PrintDesk logs every print with the order number as subject and the form as detail).
FormResult finish(soci::session& sql, FormDocument document);

} // namespace workflows
