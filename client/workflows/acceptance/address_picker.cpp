#include "client/workflows/acceptance/address_picker.h"

#include "client/store/reference_cache.h"
#include "client/store/write_transaction.h"
#include "client/workflows/workstation/no_answer.h"
#include "domain/input_text.h"

#include <algorithm>

namespace workflows {
namespace {

contract::AddressNode node_from(const store::CachedAddress& cached)
{
    contract::AddressNode node;
    node.address_id = cached.address_id;
    node.level = cached.level;
    node.name = cached.name;
    node.full_name = cached.full_name;
    if (!cached.parent_id.empty()) {
        node.parent_id = cached.parent_id;
    }
    return node;
}

std::string trimmed(const std::string& text)
{
    // ASCII white space only: a byte-wise set with a full-width space's bytes would cut Chinese characters.
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

} // namespace

AddressPicker::AddressPicker(Desk& desk) : AddressPicker(desk.sql(), desk.client()) {}

AddressPicker::AddressPicker(soci::session& sql, bss::BssClient* client) : m_sql(sql), m_client(client) {}

void AddressPicker::keep(const std::vector<contract::AddressNode>& nodes)
{
    store::ReferenceCache cache(m_sql);
    store::WriteTransaction tx(m_sql);
    for (const auto& node : nodes) {
        cache.put_address({node.address_id, node.parent_id.value_or(""), node.level, node.name, node.full_name});
    }
    tx.commit();
}

std::variant<AddressChoices, bss::CallError>
AddressPicker::ask(const contract::AddressSearchRequest& request,
                   const std::function<std::vector<store::CachedAddress>(store::ReferenceCache&)>& from_cache)
{
    AddressChoices choices;
    if (m_client != nullptr) {
        auto answer = m_client->call(request);
        if (auto* response = std::get_if<contract::AddressSearchResponse>(&answer)) {
            keep(response->addresses);
            choices.addresses = std::move(response->addresses);
            return choices;
        }
        auto& error = std::get<bss::CallError>(answer);
        if (!no_answer(error)) {
            return std::move(error);
        }
        choices.offline = std::move(error);
    }
    choices.from_cache = true;
    store::ReferenceCache cache(m_sql);
    for (const auto& cached : from_cache(cache)) {
        choices.addresses.push_back(node_from(cached));
    }
    return choices;
}

std::variant<AddressChoices, bss::CallError> AddressPicker::children(const std::string& parent_id)
{
    contract::AddressSearchRequest request;
    if (!parent_id.empty()) {
        request.parent_id = parent_id;
    }
    request.limit = 500;
    return ask(request, [&](store::ReferenceCache& cache) { return cache.address_children(parent_id); });
}

std::variant<AddressChoices, AddressTextProblem, bss::CallError> AddressPicker::search(const std::string& text,
                                                                                       int limit)
{
    const auto wanted = trimmed(text);
    if (domain::character_count(wanted) < 2) {
        return AddressTextProblem{"E_ADDRESS_TEXT_SHORT", 2};
    }
    limit = std::clamp(limit, 1, 500);
    contract::AddressSearchRequest request;
    request.text = wanted;
    request.limit = limit;
    auto answer = ask(request, [&](store::ReferenceCache& cache) { return cache.search_addresses(wanted, limit); });
    if (auto* error = std::get_if<bss::CallError>(&answer)) {
        return std::move(*error);
    }
    return std::get<AddressChoices>(std::move(answer));
}

} // namespace workflows
