#pragma once
/// The standard address (标准地址) as the clerk picks it: down the tree (province → city → district → street →
/// building) or by typing part of the building's full name. Online, the back office answers and every node it sends
/// is kept in the cache, so the same choices work offline (an install accepted provisionally) and the paper can
/// print an order's full address from its id. Offline, the cache answers and says so.

#include "client/store/reference_cache.h"
#include "client/workflows/workstation/desk.h"
#include "services/bssclient/bss_client.h"

#include <functional>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

struct AddressChoices
{
    std::vector<contract::AddressNode> addresses;
    bool from_cache = false;               ///< the back office did not answer: what this counter has seen before
    std::optional<bss::CallError> offline; ///< why it did not answer
};

/// Why a search was not asked: E_ADDRESS_TEXT_SHORT {minimum} (fewer than two characters match too much to be a
/// choice, and the cache's index needs three).
struct AddressTextProblem
{
    std::string code;
    int minimum = 0;
};

class AddressPicker
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    explicit AddressPicker(Desk& desk);
    /// `client` may be null (no back office configured or signed out): the cache answers.
    AddressPicker(soci::session& sql, bss::BssClient* client);

    /// The children of `parent_id`; the provinces when empty.
    std::variant<AddressChoices, bss::CallError> children(const std::string& parent_id = {});
    /// Buildings whose full name contains `text` (trimmed), at most `limit`.
    std::variant<AddressChoices, AddressTextProblem, bss::CallError> search(const std::string& text, int limit = 50);

private:
    void keep(const std::vector<contract::AddressNode>& nodes);
    /// The back office's answer to `request` (kept in the cache), or the cache's when it does not answer.
    std::variant<AddressChoices, bss::CallError>
    ask(const contract::AddressSearchRequest& request,
        const std::function<std::vector<store::CachedAddress>(store::ReferenceCache&)>& from_cache);

    soci::session& m_sql;
    bss::BssClient* m_client;
};

} // namespace workflows
