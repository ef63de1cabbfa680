#pragma once
/// Failed password checks, counted so that guessing is slow but nobody can lock someone else out.
///
/// NIST SP 800-63B (5.2.2) asks for throttling that limits guesses without handing an attacker a switch to lock
/// accounts. A hard lock per staff id did exactly that: any clerk could lock the administrator with five guesses, or
/// a supervisor with five refund approvals naming them. So failures count per (source, staff id):
///   - the source of a login is the peer's address; of a refund approval, the clerk asking ("staff:1001");
///   - after `lockout_failures` (5) consecutive failures of one pair, that pair waits 1, 2, 4 … minutes, at most
///     `lockout_minutes` (15), before its next try; other sources are not affected;
///   - across all sources, `lockout_ceiling` (100, NIST's limit) consecutive failures lock the staff id itself for
///     `lockout_minutes`: the ceiling that stops a distributed guess, too high to be a clerk's prank.
/// A successful check clears its pair and the ceiling count; saving the staff record clears everything.

#include "services/backoffice/op_context.h"

#include <optional>
#include <string>

namespace backoffice {

/// When this pair (or the staff id as a whole) may try again, as ISO text, if it must still wait.
std::optional<std::string> blocked_until(OpContext& ctx, const std::string& source, const std::string& staff_id);

/// Counts a failure of the pair; returns the time it must wait until, when this failure makes it wait.
std::optional<std::string> record_failure(OpContext& ctx, const std::string& source, const std::string& staff_id);

/// A successful check: the pair and the staff id's consecutive count start again.
void clear_failures(OpContext& ctx, const std::string& source, const std::string& staff_id);

/// Everything counted against a staff id, from every source (saving the staff record unlocks it).
void clear_all_failures(OpContext& ctx, const std::string& staff_id);

} // namespace backoffice
