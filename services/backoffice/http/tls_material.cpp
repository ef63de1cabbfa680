#include "services/backoffice/http/tls_material.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <set>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace backoffice::http {
namespace {

namespace fs = std::filesystem;

constexpr int kCaDays = 3650;
constexpr int kServerDays = 730;
// Workstation clocks run a little behind now and then; a certificate made a moment ago must already be valid there.
constexpr long kBackdateSeconds = 60L * 60L;

template <auto Free> struct Deleter
{
    template <class T> void operator()(T* p) const noexcept { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME_free>>;
using OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, Deleter<ASN1_OCTET_STRING_free>>;
using Ia5StringPtr = std::unique_ptr<ASN1_IA5STRING, Deleter<ASN1_IA5STRING_free>>;

/// Throws with every reason OpenSSL queued, so the operator sees the cause and not only our step.
[[noreturn]] void fail(const std::string& what)
{
    std::string message = "TLS material: " + what;
    char reason[256];
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, reason, sizeof reason);
        message += ": ";
        message += reason;
    }
    throw std::runtime_error(message);
}

void check(int result, const char* what)
{
    if (result <= 0) {
        fail(what);
    }
}

std::string random_hex(std::size_t bytes)
{
    std::vector<unsigned char> raw(bytes);
    check(RAND_bytes(raw.data(), static_cast<int>(raw.size())), "no random bytes");
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : raw) {
        hex += kDigits[b >> 4];
        hex += kDigits[b & 0x0f];
    }
    return hex;
}

KeyPtr make_p256_key()
{
    KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        fail("cannot make an EC P-256 key");
    }
    return key;
}

void set_random_serial(X509* cert)
{
    // 159 bits with the top one set: always positive, within RFC 5280's 20 octets, and unguessable.
    BignumPtr serial(BN_new());
    if (!serial) {
        fail("out of memory");
    }
    check(BN_rand(serial.get(), 159, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY), "cannot draw a serial number");
    if (BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) == nullptr) {
        fail("cannot set the serial number");
    }
}

/// A v3 certificate for `key` named `common_name`, valid from now for `days`; not yet signed.
CertPtr new_certificate(EVP_PKEY* key, const std::string& common_name, int days)
{
    CertPtr cert(X509_new());
    if (!cert) {
        fail("out of memory");
    }
    check(X509_set_version(cert.get(), X509_VERSION_3), "cannot set the version");
    set_random_serial(cert.get());
    if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) == nullptr ||
        X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, 0, nullptr) == nullptr) {
        fail("cannot set the validity");
    }
    check(X509_set_pubkey(cert.get(), key), "cannot set the public key");
    check(X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0),
          "cannot set the common name");
    return cert;
}

/// An extension written in openssl.cnf syntax; `issuer` is needed for the authority key identifier.
void add_extension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context{};
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension) {
        fail(std::string("cannot make the extension ") + OBJ_nid2sn(nid));
    }
    check(X509_add_ext(cert, extension.get(), -1), "cannot add an extension");
}

CertPtr make_ca(EVP_PKEY* key)
{
    CertPtr cert = new_certificate(key, "Counter back office CA " + random_hex(8), kCaDays);
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get())), "cannot set the issuer");
    add_extension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(cert.get(), key, EVP_sha256()), "cannot sign the CA certificate");
    return cert;
}

/// One subject alternative name: an IP literal ("::1", "[::1]", "10.0.0.5") as an address, anything else as DNS.
GeneralNamePtr alt_name(const std::string& host)
{
    std::string name = host;
    if (name.size() > 2 && name.front() == '[' && name.back() == ']') {
        name = name.substr(1, name.size() - 2);
    }
    GeneralNamePtr general(GENERAL_NAME_new());
    if (!general) {
        fail("out of memory");
    }
    if (OctetStringPtr address{a2i_IPADDRESS(name.c_str())}) {
        GENERAL_NAME_set0_value(general.get(), GEN_IPADD, address.release());
        return general;
    }
    const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
               c == '*';
    });
    if (!valid) {
        throw std::runtime_error("TLS material: not a host name or address: \"" + host + "\"");
    }
    Ia5StringPtr dns(ASN1_IA5STRING_new());
    if (!dns) {
        fail("out of memory");
    }
    check(ASN1_STRING_set(dns.get(), name.data(), static_cast<int>(name.size())), "cannot set a host name");
    GENERAL_NAME_set0_value(general.get(), GEN_DNS, dns.release());
    return general;
}

/// localhost and the loopback addresses first, then the configured names, each once.
GeneralNamesPtr subject_alt_names(const std::vector<std::string>& host_names)
{
    GeneralNamesPtr names(GENERAL_NAMES_new());
    if (!names) {
        fail("out of memory");
    }
    std::vector<std::string> all{"localhost", "127.0.0.1", "::1"};
    all.insert(all.end(), host_names.begin(), host_names.end());
    std::set<std::string> seen;
    for (const std::string& host : all) {
        GeneralNamePtr name = alt_name(host);
        // Compare the DER form so "::1" and "0:0:0:0:0:0:0:1" count as one.
        unsigned char* der = nullptr;
        const int length = i2d_GENERAL_NAME(name.get(), &der);
        check(length, "cannot encode a host name");
        const bool fresh = seen.emplace(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)).second;
        OPENSSL_free(der);
        if (fresh) {
            check(sk_GENERAL_NAME_push(names.get(), name.get()), "cannot add a host name");
            static_cast<void>(name.release());
        }
    }
    return names;
}

CertPtr make_server_certificate(EVP_PKEY* key, X509* ca, EVP_PKEY* ca_key, const GENERAL_NAMES* names)
{
    CertPtr cert = new_certificate(key, "localhost", kServerDays);
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(ca)), "cannot set the issuer");
    add_extension(cert.get(), ca, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), ca, NID_key_usage, "critical,digitalSignature");
    add_extension(cert.get(), ca, NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), ca, NID_subject_key_identifier, "hash");
    add_extension(cert.get(), ca, NID_authority_key_identifier, "keyid:always");
    check(X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, const_cast<GENERAL_NAMES*>(names), 0, X509V3_ADD_DEFAULT),
          "cannot add the subject alternative names");
    check(X509_sign(cert.get(), ca_key, EVP_sha256()), "cannot sign the server certificate");
    return cert;
}

std::string drain(BIO* bio)
{
    std::string out;
    char chunk[4096];
    int n = 0;
    while ((n = BIO_read(bio, chunk, sizeof chunk)) > 0) {
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
}

BioPtr memory_bio()
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio) {
        fail("out of memory");
    }
    return bio;
}

std::string certificate_pem(X509* cert)
{
    BioPtr bio = memory_bio();
    check(PEM_write_bio_X509(bio.get(), cert), "cannot write a certificate");
    return drain(bio.get());
}

std::string key_pem(EVP_PKEY* key)
{
    BioPtr bio = memory_bio();
    check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr), "cannot write a key");
    return drain(bio.get());
}

[[noreturn]] void fail_io(const std::string& what, const fs::path& path)
{
    throw std::system_error(errno, std::generic_category(), "TLS material: " + what + " " + path.string());
}

/// Writes a file that is either absent or complete, even if the machine stops half-way; the mode is set when the
/// file is created, so a key is never readable by others, not even for a moment.
void write_atomically(const fs::path& path, const std::string& contents, mode_t mode)
{
    const fs::path temp = path.parent_path() / (path.filename().string() + ".tmp-" + random_hex(6));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        fail_io("cannot create", temp);
    }
    std::size_t done = 0;
    while (done < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            errno = error;
            fail_io("cannot write", temp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        errno = error;
        fail_io("cannot flush", temp);
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        errno = ec.value();
        fail_io("cannot rename into", path);
    }
}

/// Makes the renames themselves survive a power cut.
void sync_directory(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool all_exist(const TlsFiles& files)
{
    return fs::is_regular_file(files.ca_cert) && fs::is_regular_file(files.server_cert) &&
           fs::is_regular_file(files.server_key);
}

} // namespace

TlsFiles ensure_tls_material(const std::filesystem::path& data_dir, const std::vector<std::string>& host_names)
{
    const fs::path dir = data_dir / "tls";
    TlsFiles files{dir / "ca.pem", dir / "server.pem", dir / "server.key"};
    if (all_exist(files)) {
        return files;
    }
    ERR_clear_error();
    const GeneralNamesPtr names = subject_alt_names(host_names);
    fs::create_directories(dir);

    const KeyPtr ca_key = make_p256_key();
    const CertPtr ca = make_ca(ca_key.get());
    const KeyPtr server_key = make_p256_key();
    const CertPtr server = make_server_certificate(server_key.get(), ca.get(), ca_key.get(), names.get());

    // The CA goes first and comes back last: until it is there again the set counts as missing and is made again
    // whole, so a crash half-way never pairs a new key with an old certificate.
    fs::remove(files.ca_cert);
    write_atomically(files.server_key, key_pem(server_key.get()), 0600);
    write_atomically(files.server_cert, certificate_pem(server.get()), 0644);
    write_atomically(files.ca_cert, certificate_pem(ca.get()), 0644);
    sync_directory(dir);
    return files;
}

} // namespace backoffice::http
