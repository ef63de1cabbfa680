#pragma once
/// Changes to a line the customer already has, each an order through the order desk: 移机 (move to a new standard
/// address, checked for a free port first when the back office can be asked), 增值业务变更 (value-added products
/// added or removed, with their attributes), 帐务关系变更 (the line billed to another of the customer's accounts, or
/// paid another way) and 亲情1+ (a family bundle of up to eight numbers around a main line). The back office checks
/// ownership, open orders and arrears again when the order arrives.

#include "client/workflows/orders/order_desk.h"
#include "client/workflows/workstation/desk.h"
#include "domain/payment_method.h"
#include "domain/problem.h"
#include "services/bssclient/bss_client.h"

#include <optional>
#include <soci/soci.h>
#include <string>
#include <variant>
#include <vector>

namespace workflows {

/// The line being changed.
struct LineRef
{
    std::string customer_id;
    std::string service_number;
    /// The account the line is billed to now, when known: an account change to it alone changes nothing.
    std::optional<std::string> billing_account_id;
};

using ChangeResult = std::variant<AcceptedOrder, domain::Problem, bss::CallError>;

class ServiceChanges
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    ServiceChanges(Desk& desk, OrderDesk& orders);
    /// `client` null: offline — the order is accepted provisionally without the resource check.
    ServiceChanges(bss::BssClient* client, OrderDesk& desk, std::string staff);

    /// 移机 to `address_id`. Online, a building without a free port is refused (E_NO_RESOURCE with the back office's
    /// alternatives in the parameters) before anything is queued.
    ChangeResult move(const LineRef& line, const std::string& address_id, std::optional<domain::Date> appointment);
    /// Adds `add` (offering ids with characteristics) and removes `remove` (offering ids); one product in both is
    /// refused (E_ORDER_ITEM_CONFLICT).
    ChangeResult change_vas(const LineRef& line, const std::vector<contract::OrderItem>& add,
                            const std::vector<std::string>& remove);
    /// Bills the line to `account_id` (one of the customer's accounts), optionally paid another way
    /// (cash | collection | directDebit). Its own account again with no other way of paying changes nothing and is
    /// refused (E_ORDER_ACCOUNT_UNCHANGED).
    ChangeResult change_account(const LineRef& line, const std::string& account_id,
                                std::optional<domain::BillPayment> payment_method);
    /// 亲情1+: the main line and 1–8 member numbers (with names for the form). Each number must be a phone number
    /// (sent in its canonical form), none twice, and not the main line itself.
    ChangeResult family_bundle(const LineRef& line, const std::vector<contract::MemberEntry>& members);

private:
    ChangeResult accept(const LineRef& line, contract::OrderDraft draft);

    bss::BssClient* m_client;
    OrderDesk& m_desk;
    std::string m_staff;
};

} // namespace workflows
