#include "services/backoffice/password_hasher.h"

#include <catch2/catch.hpp>

using backoffice::PasswordHasher;

TEST_CASE("passwords are stored as Argon2id hashes and verified", "[password]")
{
    const PasswordHasher hasher(PasswordHasher::minimum());
    const auto hash = hasher.hash("营业员-Passw0rd");
    REQUIRE(hash);
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("Passw0rd") == std::string::npos);
    CHECK(hasher.verify("营业员-Passw0rd", *hash));
    CHECK_FALSE(hasher.verify("营业员-passw0rd", *hash));
    CHECK_FALSE(hasher.verify("", *hash));
    CHECK(hasher.hash("营业员-Passw0rd") != hash); // salted
}

TEST_CASE("malformed hashes never verify", "[password]")
{
    const PasswordHasher hasher(PasswordHasher::minimum());
    CHECK_FALSE(hasher.verify("x", ""));
    CHECK_FALSE(hasher.verify("x", "$argon2id$v=19$m=8,t=1,p=1$garbage"));
}

TEST_CASE("hashes made with other costs are flagged for rehash", "[password]")
{
    const PasswordHasher cheap(PasswordHasher::minimum());
    const PasswordHasher stronger({PasswordHasher::minimum().ops + 1, PasswordHasher::minimum().mem_bytes});
    const auto hash = cheap.hash("secret");
    REQUIRE(hash);
    CHECK_FALSE(cheap.needs_rehash(*hash));
    CHECK(stronger.needs_rehash(*hash));
}
