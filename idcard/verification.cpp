#include "idcard/verification.h"

namespace idcard {

Verification verify_card(const CardText& card, const Bytes& photo, const std::string& appended_address,
                         const ReadContext& context)
{
    Verification out;
    out.card = card;
    out.appended_address = appended_address;
    const auto id = domain::IdNumber::parse(card.id_number, context.today);
    if (!id) {
        out.problems.push_back(id.error());
    }
    const auto validity = domain::CardValidity::parse(card.valid_from, card.valid_to);
    if (!validity) {
        out.problems.push_back(validity.error());
    } else if (auto p = validity->check_on(context.today)) {
        out.problems.push_back(*p);
    }
    if (!id) {
        return out;
    }

    const auto birth = domain::parse_yyyymmdd(card.birth);
    if (!birth || *birth != id->birth_date()) {
        out.problems.push_back(
            domain::problem(domain::Errc::card_birth_mismatch,
                            {{"card", card.birth}, {"number", domain::format_yyyymmdd(id->birth_date())}}));
    }
    if (id->sex() && (card.sex_code == "1" || card.sex_code == "2")) {
        const std::string from_number = *id->sex() == domain::Sex::male ? "1" : "2";
        if (from_number != card.sex_code) {
            out.problems.push_back(
                domain::problem(domain::Errc::card_sex_mismatch, {{"card", card.sex_code}, {"number", from_number}}));
        }
    }
    if (!out.problems.empty() || !validity) {
        return out;
    }
    VerifiedIdentity identity{card,
                              *id,
                              *validity,
                              domain::age_on(id->birth_date(), context.today),
                              !domain::may_act_alone(*id, context.policy, context.today),
                              appended_address,
                              photo,
                              context.sam_id,
                              context.reader_id};
    out.identity = std::move(identity);
    return out;
}

} // namespace idcard
