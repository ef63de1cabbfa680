#pragma once
/// Delta sync for the field laptop, group members, and business-volume reports.

#include "services/contract/messages/order.h"

namespace contract {

struct SyncChangesResponse
{
    static constexpr const char* kRoot = "syncChangesResponse";
    std::int64_t cursor = 0; ///< pass back to get what changed after this answer
    bool has_more = false;
    Timestamp as_of{};
    std::vector<CustomerRecord> customers;
    std::vector<ProductOrder> orders;

    template <class V> void visit(V& v)
    {
        v("cursor", cursor);
        v("hasMore", has_more);
        v("asOf", as_of);
        v("customer", customers);
        v("productOrder", orders);
    }
};

/// What changed since `cursor` among the customers the caller manages (customer managers) or has served (clerks).
struct SyncChangesRequest
{
    static constexpr const char* kRoot = "syncChangesRequest";
    static constexpr const char* kOperation = "syncChanges";
    static constexpr bool kWrite = false;
    using Response = SyncChangesResponse;
    std::int64_t cursor = 0;
    std::optional<std::int64_t> limit; ///< default 200, at most 1000

    template <class V> void visit(V& v)
    {
        v("cursor", cursor);
        v("limit", limit);
    }
};

struct GroupMember
{
    std::string number;
    std::optional<std::string> short_number;
    std::string state; ///< pendingConfirmation (being added) | active | pendingRemoval (being removed)
    Timestamp added_at{};

    template <class V> void visit(V& v)
    {
        v("number", number, kShortText);
        v("shortNumber", short_number, kShortText);
        v("state", state, kShortText);
        v("addedAt", added_at);
    }
};

struct MemberListResponse
{
    static constexpr const char* kRoot = "memberListResponse";
    std::vector<GroupMember> members;
    /// More members follow: ask again with `after` = the last number of this page. Absent on the last page.
    std::optional<bool> has_more;

    template <class V> void visit(V& v)
    {
        v("member", members);
        v("hasMore", has_more);
    }
};

struct MemberListRequest
{
    static constexpr const char* kRoot = "memberListRequest";
    static constexpr const char* kOperation = "memberList";
    static constexpr bool kWrite = false;
    using Response = MemberListResponse;
    std::string group_id;
    std::optional<std::string> after; ///< members after this number (numbers ascend); absent for the first page

    template <class V> void visit(V& v)
    {
        v("groupId", group_id, kShortText);
        v("after", after, kShortText);
    }
};

struct VolumeRow
{
    std::string key; ///< the hall, the staff id or the day, by `groupBy`
    std::int64_t orders = 0;
    domain::Money amount;

    template <class V> void visit(V& v)
    {
        v("key", key, kShortText);
        v("orders", orders);
        v("amount", amount);
    }
};

struct ReportVolumeResponse
{
    static constexpr const char* kRoot = "reportVolumeResponse";
    std::vector<VolumeRow> rows;

    template <class V> void visit(V& v) { v("row", rows); }
};

/// Business volume (orders accepted, fees taken) between two days inclusive, per hall, clerk or day.
struct ReportVolumeRequest
{
    static constexpr const char* kRoot = "reportVolumeRequest";
    static constexpr const char* kOperation = "reportVolume";
    static constexpr bool kWrite = false;
    using Response = ReportVolumeResponse;
    domain::Date from{};
    domain::Date to{};
    std::string group_by = "day"; ///< hall | staff | day

    template <class V> void visit(V& v)
    {
        v("from", from);
        v("to", to);
        v("groupBy", group_by, kShortText);
    }
};

} // namespace contract
