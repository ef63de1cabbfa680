#include "services/backoffice/http/tls_material.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using backoffice::http::ensure_tls_material;
using backoffice::http::TlsFiles;

namespace {

/// Named for this test file, so a leftover folder says where it came from.
class TempDir : public testing::TempDir
{
public:
    TempDir() : testing::TempDir("counter-tls-test") {}
};

std::string read_all(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool starts_with(const std::string& text, const std::string& prefix)
{
    return text.rfind(prefix, 0) == 0;
}

} // namespace

TEST_CASE("TLS material is made once in data_dir/tls and then reused as is", "[backoffice][tls]")
{
    TempDir dir;
    const TlsFiles first = ensure_tls_material(dir.path(), {"bo.example.test", "10.1.2.3"});

    CHECK(first.ca_cert == dir.path() / "tls" / "ca.pem");
    CHECK(first.server_cert == dir.path() / "tls" / "server.pem");
    CHECK(first.server_key == dir.path() / "tls" / "server.key");
    const std::string ca = read_all(first.ca_cert);
    const std::string cert = read_all(first.server_cert);
    const std::string key = read_all(first.server_key);
    CHECK(starts_with(ca, "-----BEGIN CERTIFICATE-----"));
    CHECK(starts_with(cert, "-----BEGIN CERTIFICATE-----"));
    CHECK(starts_with(key, "-----BEGIN PRIVATE KEY-----"));

    SECTION("the second call changes nothing, whatever the host names")
    {
        const TlsFiles second = ensure_tls_material(dir.path(), {"other.example.test"});
        CHECK(second.ca_cert == first.ca_cert);
        CHECK(read_all(second.ca_cert) == ca);
        CHECK(read_all(second.server_cert) == cert);
        CHECK(read_all(second.server_key) == key);
    }
    SECTION("no temporary file is left behind, and the CA's key is not kept")
    {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir.path() / "tls")) {
            names.push_back(entry.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        CHECK(names == std::vector<std::string>{"ca.pem", "server.key", "server.pem"});
    }
}

TEST_CASE("The server key is readable by its owner only", "[backoffice][tls]")
{
    TempDir dir;
    const TlsFiles files = ensure_tls_material(dir.path(), {});

    const auto mode = fs::status(files.server_key).permissions() & fs::perms::all;
    CHECK(mode == (fs::perms::owner_read | fs::perms::owner_write));
    const auto cert_mode = fs::status(files.server_cert).permissions();
    CHECK((cert_mode & fs::perms::group_write) == fs::perms::none);
    CHECK((cert_mode & fs::perms::others_write) == fs::perms::none);
}

TEST_CASE("TLS material is made again whole when a file is missing", "[backoffice][tls]")
{
    TempDir dir;
    const TlsFiles first = ensure_tls_material(dir.path(), {});
    const std::string ca = read_all(first.ca_cert);
    const std::string key = read_all(first.server_key);
    fs::remove(first.server_key);

    const TlsFiles second = ensure_tls_material(dir.path(), {});

    REQUIRE(fs::exists(second.server_key));
    CHECK(read_all(second.server_key) != key);
    // A new key needs a new certificate, and an old certificate must never be paired with it.
    CHECK(read_all(second.ca_cert) != ca);
}

TEST_CASE("Each data folder gets a CA of its own", "[backoffice][tls]")
{
    TempDir a;
    TempDir b;
    CHECK(read_all(ensure_tls_material(a.path(), {}).ca_cert) != read_all(ensure_tls_material(b.path(), {}).ca_cert));
}

TEST_CASE("A host name that cannot go into a certificate is refused before anything is written", "[backoffice][tls]")
{
    TempDir dir;
    for (const std::string bad : {"", "bo.example.test,DNS:evil.example", "bad name", "名字.example"}) {
        INFO("host name: \"" << bad << "\"");
        CHECK_THROWS_AS(ensure_tls_material(dir.path(), {bad}), std::runtime_error);
    }
    CHECK_FALSE(fs::exists(dir.path() / "tls" / "ca.pem"));
    CHECK_NOTHROW(ensure_tls_material(dir.path(), {"[fd00::1]", "localhost", "127.0.0.1", "BO-2.example.test"}));
}
