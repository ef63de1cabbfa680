#include "domain/real_name_policy.h"

#include <string>

namespace domain {
namespace {

void add_with_role(std::vector<Problem>& out, Problem p, const char* role)
{
    p.params.emplace_back("role", role);
    out.push_back(std::move(p));
}

void check_card(std::vector<Problem>& out, const PersonDocument& doc, Date today, const char* role)
{
    if (auto p = doc.validity.check_on(today)) {
        add_with_role(out, std::move(*p), role);
    }
}

} // namespace

bool may_act_alone(const IdNumber& holder, const RealNamePolicy& policy, Date today)
{
    return age_on(holder.birth_date(), today) >= policy.min_age_alone;
}

std::vector<Problem> check_real_name(const RealNameParties& parties, const RealNamePolicy& policy, Date today)
{
    std::vector<Problem> out;
    check_card(out, parties.holder, today, "holder");

    if (!may_act_alone(parties.holder.id, policy, today) && !parties.guardian) {
        out.push_back(problem(Errc::holder_needs_guardian,
                              {{"age", std::to_string(age_on(parties.holder.id.birth_date(), today))},
                               {"minimum", std::to_string(policy.min_age_alone)}}));
    }
    if (parties.guardian) {
        const auto& guardian = *parties.guardian;
        check_card(out, guardian, today, "guardian");
        if (guardian.id == parties.holder.id) {
            out.push_back(problem(Errc::guardian_is_holder));
        } else if (const int age = age_on(guardian.id.birth_date(), today); age < policy.min_age_guardian) {
            out.push_back(problem(Errc::guardian_too_young, {{"age", std::to_string(age)},
                                                             {"minimum", std::to_string(policy.min_age_guardian)}}));
        }
    }
    if (parties.agent) {
        const auto& agent = *parties.agent;
        check_card(out, agent, today, "agent");
        if (agent.id == parties.holder.id) {
            out.push_back(problem(Errc::agent_is_holder));
        } else if (const int age = age_on(agent.id.birth_date(), today); age < policy.min_age_agent) {
            out.push_back(problem(Errc::agent_too_young,
                                  {{"age", std::to_string(age)}, {"minimum", std::to_string(policy.min_age_agent)}}));
        }
    }
    return out;
}

} // namespace domain
