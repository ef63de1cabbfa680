#pragma once
/// The simulator's deck: one card of every kind a counter meets, with dates relative to `today` so that the valid
/// card stays valid and the expired one stays expired whenever the tests or the training mode run.

#include "domain/civil_date.h"
#include "idcard/card_text.h"
#include "idcard/raw_card.h"

#include <optional>
#include <string>
#include <vector>

namespace idcard {

struct SampleCard
{
    std::string key; ///< valid, long_term, expired, minor, foreign_2017, foreign_2023, hmt_permit, damaged
    CardText text;
    RawCard raw; ///< text block, photo, fingerprint as the chip holds them
    std::optional<std::string> appended_address;
    bool corrupt_read = false; ///< the read answer arrives with a broken checksum (a card moved mid-read)
};

std::vector<SampleCard> sample_deck(domain::Date today);

} // namespace idcard
