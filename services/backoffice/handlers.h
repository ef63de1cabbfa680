#pragma once
/// One handler per operation: it checks the business rules and reads or writes through ctx.sql. The router calls
/// `handle(ctx, request)` for every operation in contract::AllOperations, so a missing handler does not compile.
/// `prepare` does the password work for the few operations that have any (see Prepared).

#include "services/backoffice/op_context.h"
#include "services/backoffice/password_hasher.h"
#include "services/contract/operations.h"

namespace backoffice {

using namespace contract;

// auth_handlers.cpp
LoginResponse handle(OpContext& ctx, const LoginRequest& request);
LogoutResponse handle(OpContext& ctx, const LogoutRequest& request);
ChangePasswordResponse handle(OpContext& ctx, const ChangePasswordRequest& request);
// admin_handlers.cpp
StaffListResponse handle(OpContext& ctx, const StaffListRequest& request);
StaffSaveResponse handle(OpContext& ctx, const StaffSaveRequest& request);
StaffDeleteResponse handle(OpContext& ctx, const StaffDeleteRequest& request);
RoleListResponse handle(OpContext& ctx, const RoleListRequest& request);
RoleSaveResponse handle(OpContext& ctx, const RoleSaveRequest& request);
RoleDeleteResponse handle(OpContext& ctx, const RoleDeleteRequest& request);
// customer_handlers.cpp
CustomerFindResponse handle(OpContext& ctx, const CustomerFindRequest& request);
CustomerGetResponse handle(OpContext& ctx, const CustomerGetRequest& request);
CustomerSaveResponse handle(OpContext& ctx, const CustomerCreateRequest& request);
CustomerSaveResponse handle(OpContext& ctx, const CustomerUpdateRequest& request);
PreCheckResponse handle(OpContext& ctx, const PreCheckRequest& request);
// catalog_handlers.cpp
CatalogGetResponse handle(OpContext& ctx, const CatalogGetRequest& request);
AddressSearchResponse handle(OpContext& ctx, const AddressSearchRequest& request);
ResourceCheckResponse handle(OpContext& ctx, const ResourceCheckRequest& request);
NumberSearchResponse handle(OpContext& ctx, const NumberSearchRequest& request);
NumberReserveResponse handle(OpContext& ctx, const NumberReserveRequest& request);
NumberReleaseResponse handle(OpContext& ctx, const NumberReleaseRequest& request);
// order_handlers.cpp
OrderSubmitResponse handle(OpContext& ctx, const OrderSubmitRequest& request);
OrderGetResponse handle(OpContext& ctx, const OrderGetRequest& request);
OrderListResponse handle(OpContext& ctx, const OrderListRequest& request);
OrderCancelResponse handle(OpContext& ctx, const OrderCancelRequest& request);
WorkOrderCompleteResponse handle(OpContext& ctx, const WorkOrderCompleteRequest& request);
// payment_handlers.cpp
PaymentCreateResponse handle(OpContext& ctx, const PaymentCreateRequest& request);
RefundCreateResponse handle(OpContext& ctx, const RefundCreateRequest& request);
BillingAccountListResponse handle(OpContext& ctx, const BillingAccountListRequest& request);
BillingAccountCreateResponse handle(OpContext& ctx, const BillingAccountCreateRequest& request);
SettlementGetResponse handle(OpContext& ctx, const SettlementGetRequest& request);
SettlementCloseResponse handle(OpContext& ctx, const SettlementCloseRequest& request);
// sync_handlers.cpp
SyncChangesResponse handle(OpContext& ctx, const SyncChangesRequest& request);
MemberListResponse handle(OpContext& ctx, const MemberListRequest& request);
ReportVolumeResponse handle(OpContext& ctx, const ReportVolumeRequest& request);

/// Password work before the write; `reader` is a read connection. Operations without any get an empty Prepared.
template <typename Request> Prepared prepare(soci::session&, const Caller&, const Request&, const PasswordHasher&)
{
    return {};
}
Prepared prepare(soci::session& reader, const Caller& caller, const LoginRequest& request,
                 const PasswordHasher& hasher);
Prepared prepare(soci::session& reader, const Caller& caller, const ChangePasswordRequest& request,
                 const PasswordHasher& hasher);
Prepared prepare(soci::session& reader, const Caller& caller, const StaffSaveRequest& request,
                 const PasswordHasher& hasher);
Prepared prepare(soci::session& reader, const Caller& caller, const RefundCreateRequest& request,
                 const PasswordHasher& hasher);

/// Loads the caller of a session token (the token as sent); nothing when unknown or expired.
std::optional<Caller> find_caller(soci::session& sql, const std::string& token, contract::Timestamp now);
/// The caller named by `staff_id` with its roles and permissions (no session).
std::optional<Caller> load_staff(soci::session& sql, const std::string& staff_id);
/// SHA-256 of a token, hex: what the sessions table keeps.
std::string token_hash(const std::string& token);
/// A new random session token (32 bytes, hex).
std::string new_token();

} // namespace backoffice
