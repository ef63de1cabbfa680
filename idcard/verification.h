#pragma once
/// Verification of what a card says about itself, done on every read before anyone relies on it: the number's
/// check character, birth date and sex agree with the card's fields, the card is valid today, and the holder's age
/// against the real-name policy. The result is what workflows use, with the SAM and reader ids for the audit log.

#include "domain/card_validity.h"
#include "domain/id_number.h"
#include "domain/real_name_policy.h"
#include "idcard/card_text.h"

#include <optional>
#include <string>
#include <vector>

namespace idcard {

struct VerifiedIdentity
{
    CardText card;
    domain::IdNumber id;
    domain::CardValidity validity;
    int age = 0;
    bool needs_guardian = false;  ///< younger than the policy's age to act alone
    std::string appended_address; ///< newer address written on the card after issue, if any
    Bytes photo;                  ///< raw WLT; decoded only where a vendor decoder exists
    std::string sam_id;           ///< the reader's security module, for the audit
    std::string reader_id;        ///< the port or SDK the card was read through
    Bytes photo_bmp{};            ///< the BMP when the reader's library gives no WLT (RawCard::photo_bmp)
};

struct Verification
{
    std::optional<VerifiedIdentity> identity; ///< present only when there are no problems
    std::vector<domain::Problem> problems;    ///< every reason the card cannot be relied on
    CardText card;                            ///< what was read, for showing alongside the problems
    std::string appended_address;             ///< as read, also when the card has problems
};

struct ReadContext
{
    domain::Date today;
    domain::RealNamePolicy policy;
    std::string sam_id;
    std::string reader_id;
    /// The vendor's WLT decoder tried for the photo of a verified card (a counter without one shows no photo).
    std::string wlt_library = "libwlt2bmp.so";
};

Verification verify_card(const CardText& card, const Bytes& photo, const std::string& appended_address,
                         const ReadContext& context);

} // namespace idcard
