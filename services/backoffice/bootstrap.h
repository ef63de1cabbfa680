#pragma once
/// What every back office has from its first start: the built-in roles with their permissions, a first hall and
/// the built-in administrator (who cannot be deleted and must change the first password).

#include "services/backoffice/password_hasher.h"

#include <soci/soci.h>

#include <string>

namespace backoffice {

/// Creates what is missing. Returns true when it created the administrator with `admin_password`.
bool ensure_built_ins(soci::session& sql, const PasswordHasher& hasher, const std::string& admin_password);

} // namespace backoffice
