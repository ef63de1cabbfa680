#include "services/backoffice/password_hasher.h"

#include <sodium.h>
#include <stdexcept>

namespace backoffice {
namespace {

void ensure_sodium()
{
    // sodium_init is idempotent and thread-safe; it fails only when no entropy source exists.
    static const int ready = sodium_init();
    if (ready < 0) {
        throw std::runtime_error("libsodium could not initialise");
    }
}

} // namespace

PasswordHasher::Cost PasswordHasher::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Cost PasswordHasher::minimum()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(Cost cost) : m_cost(cost)
{
    ensure_sodium();
}

std::optional<std::string> PasswordHasher::hash(std::string_view password) const
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), m_cost.ops, m_cost.mem_bytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return std::nullopt;
    }
    return std::string(out);
}

bool PasswordHasher::verify(std::string_view password, const std::string& encoded) const
{
    return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(const std::string& encoded) const
{
    return crypto_pwhash_str_needs_rehash(encoded.c_str(), m_cost.ops, m_cost.mem_bytes) != 0;
}

} // namespace backoffice
