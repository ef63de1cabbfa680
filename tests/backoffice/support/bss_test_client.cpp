#include "bss_test_client.h"

#include <algorithm>
#include <random>
#include <stdexcept>

namespace testing {

namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* target)
{
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

} // namespace

BssTestClient::BssTestClient(std::string base_url, std::filesystem::path ca_file)
    : m_curl(curl_easy_init()), m_base(std::move(base_url)), m_ca(std::move(ca_file))
{
    if (m_curl == nullptr) {
        throw std::runtime_error("curl_easy_init failed");
    }
}

BssTestClient::~BssTestClient()
{
    curl_easy_cleanup(m_curl);
}

std::string BssTestClient::fresh_key()
{
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    return "test-" + std::to_string(random()) + "-" + std::to_string(++counter);
}

RawAnswer BssTestClient::post(const std::string& operation, const std::string& body,
                              const std::vector<std::string>& extra_headers, const std::string& method)
{
    RawAnswer answer;
    curl_slist* headers = nullptr;
    const bool own_type = std::any_of(extra_headers.begin(), extra_headers.end(),
                                      [](const auto& h) { return h.starts_with("Content-Type:"); });
    if (!own_type) {
        headers = curl_slist_append(headers, "Content-Type: application/xml; charset=utf-8");
    }
    if (!m_token.empty()) {
        headers = curl_slist_append(headers, ("Authorization: Bearer " + m_token).c_str());
    }
    for (const auto& header : extra_headers) {
        headers = curl_slist_append(headers, header.c_str());
    }
    const auto url = m_base + operation;
    curl_easy_setopt(m_curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(m_curl, CURLOPT_CAINFO, m_ca.c_str());
    curl_easy_setopt(m_curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(m_curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(m_curl, CURLOPT_TIMEOUT, 30L);
    if (!m_local_address.empty()) {
        // "host!" binds to this address, which the server then sees as the peer.
        const auto local = "host!" + m_local_address;
        curl_easy_setopt(m_curl, CURLOPT_INTERFACE, local.c_str());
    }
    curl_easy_setopt(m_curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "POST") {
        curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(m_curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    } else {
        curl_easy_setopt(m_curl, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(m_curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &answer.body);
    const auto result = curl_easy_perform(m_curl);
    curl_slist_free_all(headers);
    if (result != CURLE_OK) {
        answer.error = curl_easy_strerror(result);
        return answer;
    }
    curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &answer.status);
    curl_easy_getinfo(m_curl, CURLINFO_NUM_CONNECTS, &m_new_connections);
    return answer;
}

Typed<contract::LoginResponse> BssTestClient::login(const std::string& staff_id, const std::string& password)
{
    m_token.clear();
    auto answer = call(contract::LoginRequest{staff_id, password});
    if (answer.ok()) {
        m_token = answer.value().session_token;
    }
    return answer;
}

} // namespace testing
