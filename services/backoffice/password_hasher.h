#pragma once
/// Staff passwords stored as Argon2id hashes (libsodium's crypto_pwhash_str), never in any form that can be
/// reversed. The cost parameters are stored inside each hash, so raising them later only needs needs_rehash().

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace backoffice {

class PasswordHasher
{
public:
    /// Interactive limits by default: a login costs tens of milliseconds and 64 MiB, which is what a counter
    /// login can afford. Tests pass the minimum to stay fast.
    struct Cost
    {
        unsigned long long ops;
        std::size_t mem_bytes;
    };
    static Cost interactive();
    static Cost minimum();

    explicit PasswordHasher(Cost cost = interactive());

    /// The encoded hash ("$argon2id$v=19$m=…"), or nothing if the machine is out of memory.
    [[nodiscard]] std::optional<std::string> hash(std::string_view password) const;
    /// Constant-time check of a password against an encoded hash; false for a malformed hash.
    [[nodiscard]] bool verify(std::string_view password, const std::string& encoded) const;
    /// True when the hash was made with other cost parameters than ours.
    [[nodiscard]] bool needs_rehash(const std::string& encoded) const;

private:
    Cost m_cost;
};

} // namespace backoffice
