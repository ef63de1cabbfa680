#pragma once
/// Money taken at this counter. The idempotency key (also the payment's correlator at the back office) is chosen
/// when the clerk takes the money, so however often it is sent it is taken once. A payment for an order the back
/// office has not yet numbered waits (awaitingOrder) and is queued when the order is acknowledged.

#include "client/store/utc_text.h"

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace store {

struct LocalPayment
{
    std::string local_id;
    std::optional<std::string> payment_id; ///< the back office's, once accepted
    std::string order_local_id;            ///< empty for a payment to an account
    std::string account_id;
    std::int64_t amount_fen = 0;
    std::string method;
    std::string state; ///< awaitingOrder | queued | accepted | rejected
    std::string idem_key;
    std::string staff;
    std::string created_at;
    std::string document; ///< the back office's record once accepted
};

class PaymentStore
{
public:
    explicit PaymentStore(soci::session& sql) : m_sql(sql) {}

    void add(const LocalPayment& payment, UtcTime now);
    void set_state(const std::string& local_id, const std::string& state);
    void accepted(const std::string& local_id, const std::string& payment_id, const std::string& document);
    [[nodiscard]] std::optional<LocalPayment> by_local_id(const std::string& local_id) const;
    [[nodiscard]] std::vector<LocalPayment> for_order(const std::string& order_local_id) const;

private:
    soci::session& m_sql;
};

} // namespace store
