#pragma once
/// The 256-byte text block of a card, decoded from UCS-2LE for every card type (reference §1.4): resident ID,
/// 'J' residence permit for Hong Kong, Macao and Taiwan residents, 'I' foreigner permanent residence card (2017) and
/// 'Y' (2023). Dates stay text as the card has them ("长期" included); checking them is verification's job.

#include "idcard/frame.h"
#include "idcard/reader_error.h"

#include <span>
#include <string>
#include <string_view>

namespace idcard {

enum class CardType
{
    resident,
    hmt_permit,
    foreign_2017,
    foreign_2023
};

std::string_view to_string(CardType type); ///< "resident", "J", "I", "Y"

struct CardText
{
    CardType type = CardType::resident;
    std::string name;            ///< Chinese name (may be empty on foreigner cards)
    std::string english_name;    ///< foreigner cards
    std::string sex_code;        ///< GB/T 2261.1: 1 male, 2 female, 0 unknown, 9 not stated
    std::string ethnic_code;     ///< resident IDs: "01".."56", "97", "98"
    std::string birth;           ///< YYYYMMDD
    std::string address;         ///< resident IDs and permits
    std::string id_number;       ///< 18 characters, or the 15-character 2017 foreigner number
    std::string authority;       ///< issuing authority (its code on 2017 foreigner cards)
    std::string valid_from;      ///< YYYYMMDD
    std::string valid_to;        ///< YYYYMMDD or 长期
    std::string nationality;     ///< ISO 3166 alpha-3 on foreigner cards
    std::string pass_number;     ///< 'J': the travel permit number
    std::string issue_count;     ///< 'J': issues; 'Y': renewals
    std::string card_version;    ///< 'I'
    std::string previous_number; ///< 'Y': link to the 15-character number the holder had before
};

/// E_READER_INFO_LENGTH unless exactly 256 bytes; E_READER_CARD_TYPE for a type byte we do not know.
ReaderResult<CardText> decode_card_text(std::span<const std::uint8_t> block);

/// The appended address (30 03): up to 70 bytes of UCS-2LE.
std::string decode_appended_address(std::span<const std::uint8_t> bytes);

/// UCS-2LE to UTF-8 with the trailing space padding removed. Unpaired surrogates become U+FFFD.
std::string decode_ucs2le(std::span<const std::uint8_t> bytes);

/// UTF-8 to a UCS-2LE field of `field_bytes`, padded with spaces (for the simulator's cards and for tests).
Bytes encode_ucs2le(std::string_view utf8, std::size_t field_bytes);

/// 汉 for "01" … 基诺 for "56", 其他 for "97", 外国血统中国籍人士 for "98"; empty for an unknown code.
std::string_view ethnic_name(std::string_view code);

/// The inverse of ethnic_name: "01" for 汉 … "98" for 外国血统中国籍人士; empty for a name that is none of them. For
/// libraries that hand out the group's name instead of the card's code (the CVR getters).
std::string ethnic_code_of(std::string_view name);

/// 男, 女, 未知的性别 (0), 未说明的性别 (9); empty for anything else.
std::string_view sex_name(std::string_view code);

/// Builds a 256-byte text block from decoded fields (the inverse of decode_card_text; used by the simulator).
Bytes encode_card_text(const CardText& text);

} // namespace idcard
