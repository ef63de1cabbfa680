#pragma once
/// What every back office has from its first start: the built-in roles with their permissions, a first hall and
/// the built-in administrator (who cannot be deleted and must change the first password).

#include "services/backoffice/password_hasher.h"

#include <soci/soci.h>
#include <string>

namespace backoffice {

/// Creates what is missing. Returns true when it created the administrator with `admin_password`, which must be
/// changed at first login when `must_change` (a generated password shown on the console).
bool ensure_built_ins(soci::session& sql, const PasswordHasher& hasher, const std::string& admin_password,
                      bool must_change = true);

} // namespace backoffice

namespace backoffice {

/// `backoffice reset-admin`, run on the server by whoever may read its database: the built-in administrator gets
/// `password` (to be changed at first login), is enabled, unlocked and undeleted, holds the built-in admin role
/// again, and its sessions end. Written to the audit log as resetAdmin by "system" at `at` (ISO text). This is the
/// recovery the contract itself never offers: nobody can take administration over through it.
void reset_admin(soci::session& sql, const PasswordHasher& hasher, const std::string& password, const std::string& at);

} // namespace backoffice
