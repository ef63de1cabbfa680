#include "client/workflows/changes/service_changes.h"

#include "client/workflows/workstation/no_answer.h"
#include "domain/phone_number.h"

#include <algorithm>

namespace workflows {
namespace {

constexpr std::size_t kMaxBundleMembers = 8;

} // namespace

ServiceChanges::ServiceChanges(Desk& desk, OrderDesk& orders)
    : ServiceChanges(desk.client(), orders, desk.services().staff)
{
}

ServiceChanges::ServiceChanges(bss::BssClient* client, OrderDesk& desk, std::string staff)
    : m_client(client), m_desk(desk), m_staff(std::move(staff))
{
}

ChangeResult ServiceChanges::accept(const LineRef& line, contract::OrderDraft draft)
{
    if (line.service_number.empty()) {
        return domain::problem(domain::Errc::empty, {{"field", "serviceNumber"}});
    }
    draft.customer_id = line.customer_id;
    draft.service_number = line.service_number;
    return m_desk.accept(m_staff, std::move(draft));
}

ChangeResult ServiceChanges::move(const LineRef& line, const std::string& address_id,
                                  std::optional<domain::Date> appointment)
{
    if (address_id.empty()) {
        return domain::problem(domain::Errc::order_no_address);
    }
    if (m_client != nullptr) {
        auto check = m_client->call(contract::ResourceCheckRequest{address_id, 1});
        if (auto* answer = std::get_if<contract::ResourceCheckResponse>(&check)) {
            if (answer->result != "success") {
                bss::CallError refused;
                refused.kind = bss::FailureKind::fault;
                refused.fault.code = contract::ResultCode::no_resource;
                refused.fault.params = {{"addressId", address_id}, {"result", answer->result}};
                for (const auto& alternative : answer->alternatives) {
                    refused.fault.params.emplace_back("alternative", alternative.address_id);
                }
                return refused;
            }
        } else if (auto& error = std::get<bss::CallError>(check); !no_answer(error)) {
            return std::move(error);
        }
        // Unreachable: accepted provisionally; the back office takes the port when the order arrives, or refuses.
    }
    contract::OrderDraft draft;
    draft.order_type = "move";
    draft.address_id = address_id;
    draft.appointment = appointment;
    return accept(line, std::move(draft));
}

ChangeResult ServiceChanges::change_vas(const LineRef& line, const std::vector<contract::OrderItem>& add,
                                        const std::vector<std::string>& remove)
{
    if (add.empty() && remove.empty()) {
        return domain::problem(domain::Errc::order_no_items);
    }
    for (const auto& item : add) {
        if (std::ranges::find(remove, item.offering_id) != remove.end()) {
            return domain::problem(domain::Errc::order_item_conflict, {{"offering", item.offering_id}});
        }
    }
    contract::OrderDraft draft;
    draft.order_type = "vasChange";
    int id = 0;
    for (auto item : add) {
        item.item_id = std::to_string(++id);
        item.action = "add";
        draft.items.push_back(std::move(item));
    }
    for (const auto& offering : remove) {
        contract::OrderItem item;
        item.item_id = std::to_string(++id);
        item.action = "delete";
        item.offering_id = offering;
        draft.items.push_back(std::move(item));
    }
    return accept(line, std::move(draft));
}

ChangeResult ServiceChanges::change_account(const LineRef& line, const std::string& account_id,
                                            std::optional<domain::BillPayment> payment_method)
{
    if (account_id.empty()) {
        return domain::problem(domain::Errc::order_no_account);
    }
    if (!payment_method && line.billing_account_id == account_id) {
        return domain::problem(domain::Errc::order_account_unchanged, {{"account", account_id}});
    }
    contract::OrderDraft draft;
    draft.order_type = "accountChange";
    draft.billing_account_id = account_id;
    if (payment_method) {
        draft.payment_method = domain::wire_name(*payment_method);
    }
    return accept(line, std::move(draft));
}

ChangeResult ServiceChanges::family_bundle(const LineRef& line, const std::vector<contract::MemberEntry>& members)
{
    if (members.empty() || members.size() > kMaxBundleMembers) {
        return domain::problem(domain::Errc::order_member_count,
                               {{"count", std::to_string(members.size())}, {"max", std::to_string(kMaxBundleMembers)}});
    }
    // The main line in canonical form, when it is one (a line number the parser does not know is compared as typed).
    const auto main_line = domain::PhoneNumber::parse(line.service_number);
    const std::string main_text = main_line ? main_line.value().str() : line.service_number;
    contract::OrderDraft draft;
    draft.order_type = "familyBundle";
    for (std::size_t i = 0; i < members.size(); ++i) {
        // The main line as the back office numbers it (a local fixed line may carry no area code).
        if (members[i].number == line.service_number) {
            return domain::problem(domain::Errc::bundle_member_is_main, {{"number", line.service_number}});
        }
        const auto number = domain::PhoneNumber::parse(members[i].number);
        if (!number) {
            return domain::problem(
                domain::Errc::bundle_member_number,
                {{"index", std::to_string(i + 1)}, {"reason", std::string(domain::code_name(number.error().code))}});
        }
        const auto& text = number.value().str();
        if (text == main_text) {
            return domain::problem(domain::Errc::bundle_member_is_main, {{"number", text}});
        }
        if (std::ranges::any_of(draft.members,
                                [&](const contract::MemberEntry& seen) { return seen.number == text; })) {
            return domain::problem(domain::Errc::bundle_member_duplicate, {{"number", text}});
        }
        auto entry = members[i];
        entry.number = text;
        draft.members.push_back(std::move(entry));
    }
    return accept(line, std::move(draft));
}

} // namespace workflows
