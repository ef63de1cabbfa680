#include "client/workflows/group/group_members.h"

#include "client/store/customer_cache.h"
#include "client/store/order_store.h"
#include "client/workflows/acceptance/open_individual_customer.h"
#include "client/workflows/forms/record_documents.h"
#include "domain/phone_number.h"

#include <algorithm>

namespace workflows {
namespace {

bool unsent(const store::LocalOrder& order)
{
    return order.state == "provisional" || order.state == kAwaitingCustomer;
}

bool undone(const store::LocalOrder& order)
{
    return order.state == "rejected" || order.state == "cancelled" || order.state == "failed";
}

bool contains(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

contract::OrderDraft member_order(const std::string& type, const std::string& group,
                                  std::vector<contract::MemberEntry> members)
{
    contract::OrderDraft draft;
    draft.order_type = type;
    draft.customer_id = group;
    draft.members = std::move(members);
    return draft;
}

} // namespace

std::string_view MemberProblem::param(std::string_view name) const
{
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

MemberProblem MemberProblem::from(const domain::Problem& problem, std::string_view field)
{
    MemberProblem out{std::string(domain::code_name(problem.code)), problem.params};
    if (!field.empty()) {
        out.params.emplace_back("field", std::string(field));
    }
    return out;
}

GroupMembers::GroupMembers(Desk& desk, OrderDesk& orders, std::string group_id, std::string area_code)
    : GroupMembers(desk.sql(), desk.client(), orders, desk.services().staff, std::move(group_id), std::move(area_code))
{
}

GroupMembers::GroupMembers(soci::session& sql, bss::BssClient* client, OrderDesk& desk, std::string staff,
                           std::string group_id, std::string area_code)
    : m_sql(sql), m_client(client), m_desk(desk), m_staff(std::move(staff)), m_group(std::move(group_id)),
      m_area(std::move(area_code))
{
}

std::variant<std::vector<contract::GroupMember>, bss::CallError> GroupMembers::list()
{
    if (m_client == nullptr) {
        bss::CallError error;
        error.detail = "no back office configured";
        return error;
    }
    // A big group comes in pages (at most 1000 members each): ask on from the last number until the last page.
    std::vector<contract::GroupMember> members;
    contract::MemberListRequest request{m_group, std::nullopt};
    while (true) {
        auto answer = m_client->call(request);
        auto* response = std::get_if<contract::MemberListResponse>(&answer);
        if (response == nullptr) {
            return std::get<bss::CallError>(std::move(answer));
        }
        const bool more = response->has_more.value_or(false) && !response->members.empty();
        std::move(response->members.begin(), response->members.end(), std::back_inserter(members));
        if (!more) {
            return members;
        }
        request.after = members.back().number;
    }
}

std::variant<MemberRoster, bss::CallError> GroupMembers::roster(domain::Date today)
{
    MemberRoster roster;
    roster.membership.area_code = m_area;
    const auto take_short = [&](const std::optional<std::string>& text) {
        if (text) {
            if (auto parsed = domain::ShortNumber::parse(*text)) {
                roster.short_numbers_taken.push_back(*parsed);
            }
        }
    };
    // A group opened offline is not known to the back office yet: its members are this counter's own orders.
    const auto group = store::CustomerCache(m_sql).by_id(m_group);
    const bool provisional = group && group->provisional;
    if (m_client != nullptr && !provisional) {
        auto listed = list();
        if (auto* members = std::get_if<std::vector<contract::GroupMember>>(&listed)) {
            roster.from_back_office = true;
            roster.listed = std::move(*members);
            for (const auto& member : roster.listed) {
                roster.membership.members.push_back(member.number);
                take_short(member.short_number);
            }
        } else {
            auto& error = std::get<bss::CallError>(listed);
            if (!no_answer(error)) {
                return std::move(error);
            }
            roster.offline = std::move(error);
        }
    }

    // This counter's own orders: the unsent ones are members-to-be the back office cannot list yet, and every
    // addition this month that was not undone counts against adding the number again this month.
    const auto month = domain::format_iso(today).substr(0, 7);
    for (const auto& order : store::OrderStore(m_sql).for_customer(m_group)) {
        if (order.order_type != "memberAdd" && order.order_type != "memberRemove") {
            continue;
        }
        const auto kept = order_from_document(order.document);
        if (!kept) {
            continue;
        }
        for (const auto& member : kept->draft.members) {
            if (order.order_type == "memberRemove") {
                if (unsent(order)) {
                    roster.removing_here.push_back(member.number);
                }
                continue;
            }
            if (unsent(order) && !contains(roster.membership.members, member.number)) {
                roster.membership.members.push_back(member.number);
                take_short(member.short_number);
            }
            if (!undone(order) && order.created_at.starts_with(month) &&
                !contains(roster.membership.added_this_month, member.number)) {
                roster.membership.added_this_month.push_back(member.number);
            }
        }
    }
    return roster;
}

std::variant<contract::MemberEntry, MemberProblem> GroupMembers::check_candidate(const MemberInput& input,
                                                                                 const MemberRoster& roster)
{
    const auto number = domain::PhoneNumber::parse(input.number);
    if (!number) {
        return MemberProblem::from(number.error(), "number");
    }
    if (auto clash = domain::check_new_member(*number, roster.membership)) {
        return MemberProblem::from(*clash, "number");
    }
    contract::MemberEntry entry;
    entry.number = number->str();
    if (input.short_number && !input.short_number->empty()) {
        const auto short_number = domain::ShortNumber::parse(*input.short_number);
        if (!short_number) {
            return MemberProblem::from(short_number.error(), "shortNumber");
        }
        if (auto taken = domain::check_short_number_free(*short_number, roster.short_numbers_taken)) {
            return MemberProblem::from(*taken, "shortNumber");
        }
        entry.short_number = short_number->str();
    }
    if (input.name && !input.name->empty()) {
        entry.name = input.name;
    }
    return entry;
}

std::variant<AcceptedOrder, MemberProblem, bss::CallError> GroupMembers::add(const MemberInput& input,
                                                                             domain::Date today)
{
    if (auto closed = domain::check_member_window(today)) {
        return MemberProblem::from(*closed);
    }
    auto roster_or_error = roster(today);
    if (auto* error = std::get_if<bss::CallError>(&roster_or_error)) {
        return std::move(*error);
    }
    auto checked = check_candidate(input, std::get<MemberRoster>(roster_or_error));
    if (auto* problem = std::get_if<MemberProblem>(&checked)) {
        return std::move(*problem);
    }
    return m_desk.accept(m_staff,
                         member_order("memberAdd", m_group, {std::get<contract::MemberEntry>(std::move(checked))}));
}

std::variant<AcceptedOrder, MemberProblem, bss::CallError> GroupMembers::remove(const std::string& number,
                                                                                domain::Date today)
{
    if (auto closed = domain::check_member_window(today)) {
        return MemberProblem::from(*closed);
    }
    const auto parsed = domain::PhoneNumber::parse(number);
    if (!parsed) {
        return MemberProblem::from(parsed.error(), "number");
    }
    auto roster_or_error = roster(today);
    if (auto* error = std::get_if<bss::CallError>(&roster_or_error)) {
        return std::move(*error);
    }
    const auto& roster = std::get<MemberRoster>(roster_or_error);
    if (contains(roster.removing_here, parsed->str())) {
        return MemberProblem{"E_MEMBER_PENDING",
                             {{"number", parsed->str()}, {"state", "pendingRemoval"}, {"field", "number"}}};
    }
    if (roster.from_back_office) {
        const auto member = std::find_if(roster.listed.begin(), roster.listed.end(),
                                         [&](const contract::GroupMember& m) { return m.number == parsed->str(); });
        if (member == roster.listed.end()) {
            return MemberProblem{"E_MEMBER_NOT_FOUND", {{"number", parsed->str()}, {"field", "number"}}};
        }
        // Only an active member can leave: one still being added or removed waits for its order.
        if (member->state != "active") {
            return MemberProblem{"E_MEMBER_PENDING",
                                 {{"number", parsed->str()}, {"state", member->state}, {"field", "number"}}};
        }
    }
    contract::MemberEntry entry;
    entry.number = parsed->str();
    return m_desk.accept(m_staff, member_order("memberRemove", m_group, {entry}));
}

std::vector<AcceptedOrder> GroupMembers::add_checked(const std::vector<contract::MemberEntry>& members)
{
    std::vector<contract::OrderDraft> drafts;
    for (std::size_t first = 0; first < members.size(); first += kMembersPerOrder) {
        const auto last = std::min(members.size(), first + kMembersPerOrder);
        drafts.push_back(member_order("memberAdd", m_group,
                                      {members.begin() + static_cast<std::ptrdiff_t>(first),
                                       members.begin() + static_cast<std::ptrdiff_t>(last)}));
    }
    return m_desk.accept_all(m_staff, std::move(drafts));
}

} // namespace workflows
