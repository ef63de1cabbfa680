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
