#pragma once
/// Small helpers every handler uses: ids from counters, settings, time as text, the audit record.

#include "common/sql/column.h"
#include "domain/money_limit.h"
#include "services/backoffice/op_context.h"

#include <soci/soci.h>
#include <string>
#include <string_view>

namespace backoffice {

/// The next value of counter `name` (atomic on both databases: UPDATE … RETURNING).
long long next_value(OpContext& ctx, const std::string& name);
/// "O2026112300000042": a prefix, the business day and the counter, readable over the phone and sortable.
std::string next_id(OpContext& ctx, const std::string& counter, std::string_view prefix);

/// A setting as a number, cached for a few seconds (see sql_util.cpp).
long long setting_int(soci::session& sql, const std::string& name, long long fallback);
/// The same, straight from the database.
long long setting_int_uncached(soci::session& sql, const std::string& name, long long fallback);

std::string iso(contract::Timestamp at);
contract::Timestamp from_iso(const std::string& text);
/// The business day in China (UTC+8) as "2026-11-23": what a clerk calls "today".
std::string business_day(contract::Timestamp at);

/// Records the write in the audit log (操作流水) and returns its serial.
long long audit(OpContext& ctx, const std::string& operation, const std::string& subject);

/// `text` as a LIKE pattern that matches it literally inside anything: "%" + escaped + "%", for `LIKE :p ESCAPE '\'`.
std::string contains_pattern(const std::string& text);
/// The same, anchored at the end ("%" + escaped).
std::string ends_with_pattern(const std::string& text);

using sql::column_int;

/// The next change sequence number, stamped on customers and orders so a laptop can ask for what changed.
long long next_change(OpContext& ctx);

} // namespace backoffice

namespace backoffice {

/// The largest amount one payment, refund or fee line may carry: the `max_amount_fen` setting, default
/// domain::kDefaultMaxAmount (¥1,000,000.00).
domain::Money max_amount(soci::session& sql);

/// Refuses `amount` at `field` unless domain::check_amount allows it: {field, reason: notPositive} or
/// {field, reason: tooLarge, max}.
void check_amount_field(soci::session& sql, const std::string& field, domain::Money amount);

/// Refuses with the wire form of a money_limit.h problem at `field`: notPositive, negative, or tooLarge {max}.
[[noreturn]] void refuse_amount(const std::string& field, const domain::Problem& problem, domain::Money max);

} // namespace backoffice
