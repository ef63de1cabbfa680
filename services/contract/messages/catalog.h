#pragma once
/// Catalog (TMF620), standard addresses (TMF673), resources at an address (TMF645) and the number pool.

#include "services/contract/messages/auth.h"

namespace contract {

struct OfferingAttribute
{
    std::string name;
    std::vector<std::string> values; ///< allowed values; empty means free text
    std::optional<std::string> default_value;

    template <class V> void visit(V& v)
    {
        v("name", name, kShortText);
        v("value", values, kShortText);
        v("defaultValue", default_value, kShortText);
    }
};

struct Offering
{
    std::string offering_id;
    std::string name;
    std::string kind;             ///< basic | vas
    std::string lifecycle_status; ///< only Launched offerings are sold
    domain::Date valid_from{};
    std::optional<domain::Date> valid_to;
    domain::Money one_off_fee;
    domain::Money monthly_fee;
    std::vector<OfferingAttribute> attributes;

    template <class V> void visit(V& v)
    {
        v("offeringId", offering_id, kShortText);
        v("name", name);
        v("kind", kind, kShortText);
        v("lifecycleStatus", lifecycle_status, kShortText);
        v("validFrom", valid_from);
        v("validTo", valid_to);
        v("oneOffFee", one_off_fee);
        v("monthlyFee", monthly_fee);
        v("attribute", attributes);
    }
};

struct CatalogGetResponse
{
    static constexpr const char* kRoot = "catalogGetResponse";
    std::int64_t version = 0;
    bool unchanged = false; ///< the client's version is current: no offerings follow
    std::vector<Offering> offerings;

    template <class V> void visit(V& v)
    {
        v("version", version);
        v("unchanged", unchanged);
        v("offering", offerings);
    }
};

/// The sellable catalog today: Launched offerings inside their validity window.
struct CatalogGetRequest
{
    static constexpr const char* kRoot = "catalogGetRequest";
    static constexpr const char* kOperation = "catalogGet";
    static constexpr bool kWrite = false;
    using Response = CatalogGetResponse;
    std::optional<std::int64_t> known_version;

    template <class V> void visit(V& v) { v("knownVersion", known_version); }
};

struct AddressNode
{
    std::string address_id;
    std::string level; ///< province | city | district | street | building
    std::string name;
    std::string full_name;
    std::optional<std::string> parent_id;

    template <class V> void visit(V& v)
    {
        v("addressId", address_id, kShortText);
        v("level", level, kShortText);
        v("name", name);
        v("fullName", full_name, Limit{400});
        v("parentId", parent_id, kShortText);
    }
};

struct AddressSearchResponse
{
    static constexpr const char* kRoot = "addressSearchResponse";
    std::vector<AddressNode> addresses;

    template <class V> void visit(V& v) { v("address", addresses); }
};

/// The children of `parentId` (provinces when absent), or, with `text`, buildings whose full name contains it.
struct AddressSearchRequest
{
    static constexpr const char* kRoot = "addressSearchRequest";
    static constexpr const char* kOperation = "addressSearch";
    static constexpr bool kWrite = false;
    using Response = AddressSearchResponse;
    std::optional<std::string> parent_id;
    std::optional<std::string> text;
    std::optional<std::int64_t> limit; ///< default 50, at most 500

    template <class V> void visit(V& v)
    {
        v("parentId", parent_id, kShortText);
        v("text", text, kShortText);
        v("limit", limit);
    }
};

struct AlternativeAddress
{
    std::string address_id;
    std::string full_name;
    std::int64_t free_ports = 0;

    template <class V> void visit(V& v)
    {
        v("addressId", address_id, kShortText);
        v("fullName", full_name, Limit{400});
        v("freePorts", free_ports);
    }
};

struct ResourceCheckResponse
{
    static constexpr const char* kRoot = "resourceCheckResponse";
    std::string result; ///< success | partial | fails (TMF673 validationResult)
    std::int64_t free_ports = 0;
    std::optional<std::string> exchange; ///< 局向, when the building is wired to one
    std::vector<AlternativeAddress> alternatives;

    template <class V> void visit(V& v)
    {
        v("validationResult", result, kShortText);
        v("freePorts", free_ports);
        v("exchange", exchange, kShortText);
        v("alternative", alternatives);
    }
};

/// Ports for `quantity` lines at a building: success (all), partial (some), fails (none), with nearby alternatives.
struct ResourceCheckRequest
{
    static constexpr const char* kRoot = "resourceCheckRequest";
    static constexpr const char* kOperation = "resourceCheck";
    static constexpr bool kWrite = false;
    using Response = ResourceCheckResponse;
    std::string address_id;
    std::int64_t quantity = 1;

    template <class V> void visit(V& v)
    {
        v("addressId", address_id, kShortText);
        v("quantity", quantity);
    }
};

struct NumberRecord
{
    std::string number;
    std::string exchange;
    std::string status; ///< free | reserved | inUse
    domain::Money fee;  ///< 选号费 for a special number
    std::optional<Timestamp> reserved_until;

    template <class V> void visit(V& v)
    {
        v("number", number, kShortText);
        v("exchange", exchange, kShortText);
        v("status", status, kShortText);
        v("fee", fee);
        v("reservedUntil", reserved_until);
    }
};

struct NumberSearchResponse
{
    static constexpr const char* kRoot = "numberSearchResponse";
    std::vector<NumberRecord> numbers;

    template <class V> void visit(V& v) { v("number", numbers); }
};

/// Free numbers of an exchange, optionally ending in `pattern`'s digits.
struct NumberSearchRequest
{
    static constexpr const char* kRoot = "numberSearchRequest";
    static constexpr const char* kOperation = "numberSearch";
    static constexpr bool kWrite = false;
    using Response = NumberSearchResponse;
    std::optional<std::string> exchange;
    std::optional<std::string> pattern;
    std::optional<std::int64_t> limit; ///< default 20, at most 200

    template <class V> void visit(V& v)
    {
        v("exchange", exchange, kShortText);
        v("pattern", pattern, kShortText);
        v("limit", limit);
    }
};

struct NumberReserveResponse
{
    static constexpr const char* kRoot = "numberReserveResponse";
    NumberRecord number;
    /// When the back office made the reservation, by the same clock as reservedUntil: their difference is how long
    /// it holds, whatever the workstation's own clock says. Absent from back offices that predate it.
    std::optional<Timestamp> reserved_at;

    template <class V> void visit(V& v)
    {
        v("number", number);
        v("reservedAt", reserved_at);
    }
};

/// 预占: holds a number for this clerk until it is used by an order, released, or the reservation expires.
struct NumberReserveRequest
{
    static constexpr const char* kRoot = "numberReserveRequest";
    static constexpr const char* kOperation = "numberReserve";
    static constexpr bool kWrite = true;
    using Response = NumberReserveResponse;
    std::string number;

    template <class V> void visit(V& v) { v("number", number, kShortText); }
};

struct NumberReleaseResponse : EmptyResponse
{
    static constexpr const char* kRoot = "numberReleaseResponse";
};

struct NumberReleaseRequest
{
    static constexpr const char* kRoot = "numberReleaseRequest";
    static constexpr const char* kOperation = "numberRelease";
    static constexpr bool kWrite = true;
    using Response = NumberReleaseResponse;
    std::string number;

    template <class V> void visit(V& v) { v("number", number, kShortText); }
};

} // namespace contract
