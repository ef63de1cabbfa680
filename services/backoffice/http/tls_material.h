#pragma once
/// The back office's TLS certificate when the operator has none of their own: a private CA made on first start and
/// a server certificate it signed. Workstations trust only that CA (they are given ca.pem), so no public CA is
/// involved. The CA's private key is thrown away once the server certificate is signed: nobody, not even someone
/// who copies the data folder, can later mint another certificate the workstations would trust.

#include <filesystem>
#include <string>
#include <vector>

namespace backoffice::http {

/// Where the PEM files are.
struct TlsFiles
{
    std::filesystem::path ca_cert;     ///< the CA certificate to hand to workstations
    std::filesystem::path server_cert; ///< the server certificate (leaf only)
    std::filesystem::path server_key;  ///< its private key, readable by the owner only
};

/// The files in `data_dir/tls/`, made there first if any of the three is missing. `host_names` are the names and
/// addresses (IP literals) workstations reach the server by, beyond localhost, 127.0.0.1 and ::1; they are read
/// only when the files are made. Throws std::runtime_error (with OpenSSL's reason) when they cannot be made.
TlsFiles ensure_tls_material(const std::filesystem::path& data_dir, const std::vector<std::string>& host_names);

} // namespace backoffice::http
