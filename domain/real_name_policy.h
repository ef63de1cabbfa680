#pragma once
/// Real-name registration (实名登记): who may open a service for whom. The holder's card must be valid today; a
/// holder under the age to act alone comes with a guardian (监护人); someone acting for the holder is an agent
/// (代办人) who shows their own card. Ages are settings because operators and provinces differ.

#include "domain/card_validity.h"
#include "domain/id_number.h"

#include <optional>
#include <vector>

namespace domain {

struct RealNamePolicy
{
    int min_age_alone = 16;    ///< below this the holder needs a guardian
    int min_age_guardian = 18; ///< a guardian is an adult
    int min_age_agent = 18;    ///< an agent is an adult
};

/// One person's document as read from the card.
struct PersonDocument
{
    IdNumber id;
    CardValidity validity;
};

struct RealNameParties
{
    PersonDocument holder;
    std::optional<PersonDocument> agent = std::nullopt;
    std::optional<PersonDocument> guardian = std::nullopt;
};

/// Every rule the parties break, each with a "role" parameter (holder, agent, guardian); empty when acceptable.
std::vector<Problem> check_real_name(const RealNameParties& parties, const RealNamePolicy& policy, Date today);

/// True when the holder is old enough to act without a guardian.
bool may_act_alone(const IdNumber& holder, const RealNamePolicy& policy, Date today);

} // namespace domain
