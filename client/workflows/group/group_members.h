#pragma once
/// A group's short-number network members (集团成员): add one (a local number, not already a member nor added
/// earlier this month, an optional short number 61–69… unique in the group) or remove one, each as a memberAdd or
/// memberRemove order accepted through the OrderDesk, so it is queued, numbered by the sync worker, and kept back
/// while the group itself is still provisional. Changes close in the last days of the month. The members' state
/// (pendingConfirmation until the member's SMS confirmation completes the order, then active) is the back office's
/// memberList. Offline, what the back office knows is unknown here: the number's own rules and this counter's own
/// unsent orders are checked, the rest is checked again when the order is sent.

#include "client/workflows/orders/order_desk.h"
#include "client/workflows/workstation/desk.h"
#include "domain/group_member.h"
#include "domain/problem.h"
#include "domain/short_number.h"
#include "services/bssclient/bss_client.h"

#include <optional>
#include <soci/soci.h>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace workflows {

/// Why a member change or an import row is not accepted here: a code and parameters, translated where shown. The
/// codes are the domain's (E_BAD_LENGTH, E_PHONE_PREFIX, E_SHORT_NUMBER_RANGE, E_SHORT_NUMBER_TAKEN,
/// E_MEMBER_EXISTS, E_MEMBER_ADDED_THIS_MONTH, E_MEMBER_NOT_LOCAL, E_MEMBER_WINDOW_CLOSED…), the roster's
/// (E_MEMBER_NOT_FOUND {number}, E_MEMBER_PENDING {number, state}) and the import's (E_IMPORT_DUPLICATE
/// {first_row}, E_CSV_COLUMN_MISSING, E_CSV_QUOTE, E_XLSX_… {part}). "field" names the value concerned: number or
/// shortNumber.
struct MemberProblem
{
    std::string code;
    std::vector<std::pair<std::string, std::string>> params;

    /// The value of a parameter, or an empty view when absent.
    [[nodiscard]] std::string_view param(std::string_view name) const;
    /// The domain's problem under its stable name, with `field` added when given.
    static MemberProblem from(const domain::Problem& problem, std::string_view field = {});

    friend bool operator==(const MemberProblem&, const MemberProblem&) = default;
};

/// One member as the clerk types it or a file row gives it.
struct MemberInput
{
    std::string number;
    std::optional<std::string> short_number;
    std::optional<std::string> name;
};

/// What a candidate is checked against: the back office's list when it answered, and this counter's own member
/// orders it cannot know of yet.
struct MemberRoster
{
    domain::GroupMembership membership;
    std::vector<domain::ShortNumber> short_numbers_taken;
    std::vector<contract::GroupMember> listed; ///< memberList's answer; empty when it did not answer
    std::vector<std::string> removing_here;    ///< numbers in this counter's unsent memberRemove orders
    bool from_back_office = false;
    std::optional<bss::CallError> offline; ///< why the back office's list is missing (none: no client)
};

/// At most this many members go in one memberAdd order of a batch import (see MemberImport::confirm).
inline constexpr std::size_t kMembersPerOrder = 200;

class GroupMembers
{
public:
    /// As the desk's clerk, on its cache and back office: what a screen hands over.
    GroupMembers(Desk& desk, OrderDesk& orders, std::string group_id, std::string area_code);
    /// `area_code` is the group's own area ("0755"): a fixed-line member must be in it. `client` may be null.
    GroupMembers(soci::session& sql, bss::BssClient* client, OrderDesk& desk, std::string staff, std::string group_id,
                 std::string area_code);

    [[nodiscard]] const std::string& group_id() const { return m_group; }

    /// The members as the back office has them now, sorted by number, with their states.
    std::variant<std::vector<contract::GroupMember>, bss::CallError> list();

    /// The roster for checks as of `today`. A refusal of memberList (unknown group, not a group, permission) is
    /// returned; no answer gives a roster of this counter's own orders only.
    std::variant<MemberRoster, bss::CallError> roster(domain::Date today);

    /// The member's entry as sent (canonical number), or the first rule it breaks against `roster`.
    static std::variant<contract::MemberEntry, MemberProblem> check_candidate(const MemberInput& input,
                                                                              const MemberRoster& roster);

    /// Checks and accepts one addition as a memberAdd order.
    std::variant<AcceptedOrder, MemberProblem, bss::CallError> add(const MemberInput& input, domain::Date today);
    /// Checks and accepts one removal as a memberRemove order; online the number must be an active member.
    std::variant<AcceptedOrder, MemberProblem, bss::CallError> remove(const std::string& number, domain::Date today);

    /// Accepts checked additions as memberAdd orders of up to kMembersPerOrder members, in one transaction.
    std::vector<AcceptedOrder> add_checked(const std::vector<contract::MemberEntry>& members);

private:
    soci::session& m_sql;
    bss::BssClient* m_client;
    OrderDesk& m_desk;
    std::string m_staff;
    std::string m_group;
    std::string m_area;
};

} // namespace workflows
