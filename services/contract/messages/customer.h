#pragma once
/// Customers (TMF629/632 vocabulary): individuals and groups, their certificates, the real-name pre-checks.

#include "services/contract/messages/auth.h"

namespace contract {

/// One identification document. Types: idCard, hmtPermit (J), foreignerPermit (I/Y), passport, hkMacaoPass,
/// taiwanPass, businessLicence (credit code), orgCode, introductionLetter, institutionCertificate.
struct Certificate
{
    std::string type;
    std::string number;
    bool main = false; ///< exactly one certificate of a customer is the main one (主证件)
    std::optional<domain::Date> valid_to;

    template <class V> void visit(V& v)
    {
        v("type", type, kShortText);
        v("number", number, kShortText);
        v("main", main);
        v("validTo", valid_to);
    }
};

/// A person acting with the customer: role agent (代办人) or guardian (监护人), recorded with their own ID.
struct RelatedParty
{
    std::string role;
    std::string name;
    std::string id_number;

    template <class V> void visit(V& v)
    {
        v("role", role, kShortText);
        v("name", name);
        v("idNumber", id_number, kShortText);
    }
};

struct CustomerRecord
{
    std::string customer_id; ///< assigned by the back office; "new" on create
    std::string kind;        ///< individual | group
    std::string name;
    std::string grade = "ordinary"; ///< diamond | gold | silver | ordinary
    std::string status = "active";  ///< active | suspended | closed
    std::vector<Certificate> certificates;
    std::optional<std::string> address;
    std::optional<std::string> contact_phone;
    std::vector<std::string> customer_managers; ///< staff ids (groups)
    std::optional<std::string> group_type;      ///< keyAccount | sme (groups)
    std::optional<std::string> grid;            ///< sales grid, SMEs only
    std::vector<RelatedParty> related_parties;
    std::int64_t version = 0; ///< optimistic concurrency: an update names the version it changes

    template <class V> void visit(V& v)
    {
        v("customerId", customer_id, kShortText);
        v("kind", kind, kShortText);
        v("name", name);
        v("grade", grade, kShortText);
        v("status", status, kShortText);
        v("certificate", certificates);
        v("address", address);
        v("contactPhone", contact_phone, kShortText);
        v("customerManager", customer_managers, kShortText);
        v("groupType", group_type, kShortText);
        v("grid", grid, kShortText);
        v("relatedParty", related_parties);
        v("version", version);
    }
};

/// A fixed line or other product instance the customer holds (TMF637 product).
struct ServiceRecord
{
    std::string service_number;
    std::string offering_id;
    std::string status; ///< active | suspended | terminated
    std::optional<std::string> address_id;
    std::optional<std::string> billing_account_id;

    template <class V> void visit(V& v)
    {
        v("serviceNumber", service_number, kShortText);
        v("offeringId", offering_id, kShortText);
        v("status", status, kShortText);
        v("addressId", address_id, kShortText);
        v("billingAccountId", billing_account_id, kShortText);
    }
};

struct CustomerFindResponse
{
    static constexpr const char* kRoot = "customerFindResponse";
    std::vector<CustomerRecord> customers;
    /// More customers match than the answer holds (its 50 rows or its byte budget): narrow the search. Absent when
    /// the answer is complete.
    std::optional<bool> has_more;

    template <class V> void visit(V& v)
    {
        v("customer", customers);
        v("hasMore", has_more);
    }
};

/// Exactly one criterion: ID number, service number, name (groups: contains) or pre-accepted order number.
struct CustomerFindRequest
{
    static constexpr const char* kRoot = "customerFindRequest";
    static constexpr const char* kOperation = "customerFind";
    static constexpr bool kWrite = false;
    using Response = CustomerFindResponse;
    std::optional<std::string> id_number;
    std::optional<std::string> service_number;
    std::optional<std::string> name;
    std::optional<std::string> order_id;

    template <class V> void visit(V& v)
    {
        v("idNumber", id_number, kShortText);
        v("serviceNumber", service_number, kShortText);
        v("name", name);
        v("orderId", order_id, kShortText);
    }
};

struct CustomerGetResponse
{
    static constexpr const char* kRoot = "customerGetResponse";
    CustomerRecord customer;
    std::vector<ServiceRecord> services;
    std::vector<std::string> open_orders;
    domain::Money arrears;
    bool blacklisted = false;

    template <class V> void visit(V& v)
    {
        v("customer", customer);
        v("service", services);
        v("openOrder", open_orders, kShortText);
        v("arrears", arrears);
        v("blacklisted", blacklisted);
    }
};

struct CustomerGetRequest
{
    static constexpr const char* kRoot = "customerGetRequest";
    static constexpr const char* kOperation = "customerGet";
    static constexpr bool kWrite = false;
    using Response = CustomerGetResponse;
    std::string customer_id;

    template <class V> void visit(V& v) { v("customerId", customer_id, kShortText); }
};

struct CustomerSaveResponse
{
    static constexpr const char* kRoot = "customerSaveResponse";
    CustomerRecord customer;

    template <class V> void visit(V& v) { v("customer", customer); }
};

struct CustomerCreateRequest
{
    static constexpr const char* kRoot = "customerCreateRequest";
    static constexpr const char* kOperation = "customerCreate";
    static constexpr bool kWrite = true;
    using Response = CustomerSaveResponse;
    CustomerRecord customer;

    template <class V> void visit(V& v) { v("customer", customer); }
};

struct CustomerUpdateRequest
{
    static constexpr const char* kRoot = "customerUpdateRequest";
    static constexpr const char* kOperation = "customerUpdate";
    static constexpr bool kWrite = true;
    using Response = CustomerSaveResponse;
    CustomerRecord customer;

    template <class V> void visit(V& v) { v("customer", customer); }
};

struct PreCheckResponse
{
    static constexpr const char* kRoot = "preCheckResponse";
    bool blacklisted = false;
    domain::Money arrears;
    std::int64_t quota_used = 0;
    std::int64_t quota_limit = 0;
    std::vector<std::string> open_orders;
    std::vector<std::string> problems; ///< result codes that would refuse the business: E_BLACKLISTED, E_ARREARS…

    template <class V> void visit(V& v)
    {
        v("blacklisted", blacklisted);
        v("arrears", arrears);
        v("quotaUsed", quota_used);
        v("quotaLimit", quota_limit);
        v("openOrder", open_orders, kShortText);
        v("problem", problems, kShortText);
    }
};

/// The real-name pre-checks before a business starts: blacklist, arrears, per-ID quota, unfinished orders.
struct PreCheckRequest
{
    static constexpr const char* kRoot = "preCheckRequest";
    static constexpr const char* kOperation = "preCheck";
    static constexpr bool kWrite = false;
    using Response = PreCheckResponse;
    std::string id_number;
    std::string service_kind = "fixedLine";    ///< fixedLine | mobile: quotas are per kind
    std::optional<std::string> service_number; ///< for a change: unfinished orders on this service

    template <class V> void visit(V& v)
    {
        v("idNumber", id_number, kShortText);
        v("serviceKind", service_kind, kShortText);
        v("serviceNumber", service_number, kShortText);
    }
};

} // namespace contract
