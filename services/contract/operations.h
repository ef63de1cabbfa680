#pragma once
/// Every operation of version 1 of the contract, named by its request type. A request type carries the operation's
/// wire name (`kOperation`, the last part of POST /bss/v1/<operation>), whether it is a write (`kWrite`: it needs an
/// Idempotency-Key) and its `Response`. The back office's router, the XSD generator and the fuzzer walk this list.

#include "services/contract/messages/admin.h"
#include "services/contract/messages/catalog.h"
#include "services/contract/messages/payment.h"
#include "services/contract/messages/sync.h"

#include <tuple>

namespace contract {

template <typename T>
concept Operation = requires
{
    {
        T::kOperation
        } -> std::convertible_to<const char*>;
    {
        T::kWrite
        } -> std::convertible_to<bool>;
    typename T::Response;
};

using AllOperations =
    std::tuple<LoginRequest, LogoutRequest, ChangePasswordRequest, StaffListRequest, StaffSaveRequest,
               StaffDeleteRequest, RoleListRequest, RoleSaveRequest, RoleDeleteRequest, CustomerFindRequest,
               CustomerGetRequest, CustomerCreateRequest, CustomerUpdateRequest, PreCheckRequest, CatalogGetRequest,
               AddressSearchRequest, ResourceCheckRequest, NumberSearchRequest, NumberReserveRequest,
               NumberReleaseRequest, OrderSubmitRequest, OrderGetRequest, OrderListRequest, OrderCancelRequest,
               WorkOrderCompleteRequest, PaymentCreateRequest, RefundCreateRequest, BillingAccountListRequest,
               BillingAccountCreateRequest, SettlementGetRequest, SettlementCloseRequest, SyncChangesRequest,
               MemberListRequest, ReportVolumeRequest>;

/// Calls `f(T{})` for every operation's request type T.
template <typename F> void for_each_operation(F&& f)
{
    std::apply([&](auto... op) { (f(op), ...); }, AllOperations{});
}

/// HTTP path prefix of version 1.
inline constexpr std::string_view kPathPrefix = "/bss/v1/";

} // namespace contract
