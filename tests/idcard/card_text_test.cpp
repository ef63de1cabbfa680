#include "idcard/card_text.h"
#include "idcard/raw_card.h"
#include "idcard/sample_cards.h"

#include <catch2/catch.hpp>

using namespace idcard;

namespace {
constexpr auto kToday = domain::make_date(2026, 11, 23);
}

TEST_CASE("UCS-2LE fields decode to UTF-8 without their padding", "[idcard][text]")
{
    const Bytes zhang = {0x20, 0x5F, 0x1F, 0x4F, 0x20, 0x00, 0x20, 0x00}; // 张伟 + two spaces
    CHECK(decode_ucs2le(zhang) == "张伟");
    CHECK(decode_ucs2le(encode_ucs2le("长期", 16)) == "长期");
    CHECK(encode_ucs2le("长期", 16).size() == 16);
    CHECK(encode_ucs2le("ABCDEFGHIJ", 4) == Bytes{'A', 0, 'B', 0}); // cut to the field
    const Bytes lone_surrogate = {0x00, 0xD8, 'A', 0x00};
    CHECK_NOTHROW(decode_ucs2le(lone_surrogate));
}

TEST_CASE("ethnic and sex codes by name", "[idcard][text]")
{
    CHECK(ethnic_name("01") == "汉");
    CHECK(ethnic_name("46") == "德昂"); // not the 德昴 typo of one source
    CHECK(ethnic_name("56") == "基诺");
    CHECK(ethnic_name("98") == "外国血统中国籍人士");
    CHECK(ethnic_name("57").empty());
    CHECK(ethnic_name("1").empty());
    CHECK(sex_name("1") == "男");
    CHECK(sex_name("2") == "女");
    CHECK(sex_name("3").empty());
}

TEST_CASE("every card type in the deck round-trips through its text block", "[idcard][text]")
{
    for (const auto& card : sample_deck(kToday)) {
        INFO(card.key);
        REQUIRE(card.raw.text.size() == kTextBlockSize);
        const auto decoded = decode_card_text(card.raw.text);
        REQUIRE(std::holds_alternative<CardText>(decoded));
        const auto& t = std::get<CardText>(decoded);
        CHECK(t.type == card.text.type);
        CHECK(t.name == card.text.name);
        CHECK(t.english_name == card.text.english_name);
        CHECK(t.id_number == card.text.id_number);
        CHECK(t.birth == card.text.birth);
        CHECK(t.sex_code == card.text.sex_code);
        CHECK(t.valid_from == card.text.valid_from);
        CHECK(t.valid_to == card.text.valid_to);
        CHECK(t.address == card.text.address);
        CHECK(t.nationality == card.text.nationality);
        CHECK(t.pass_number == card.text.pass_number);
        CHECK(t.ethnic_code == card.text.ethnic_code);
    }
}

TEST_CASE("the type character picks the layout", "[idcard][text]")
{
    const auto deck = sample_deck(kToday);
    const auto by_key = [&](std::string_view key) {
        return std::get<CardText>(decode_card_text(
            std::find_if(deck.begin(), deck.end(), [&](const SampleCard& c) { return c.key == key; })->raw.text));
    };
    CHECK(by_key("valid").type == CardType::resident);
    CHECK(by_key("valid").ethnic_code == "01");
    CHECK(by_key("long_term").valid_to == "长期");
    CHECK(by_key("hmt_permit").type == CardType::hmt_permit);
    CHECK(by_key("hmt_permit").pass_number == "H12345678");
    CHECK(by_key("foreign_2017").type == CardType::foreign_2017);
    CHECK(by_key("foreign_2017").english_name == "SMITH, JOHN");
    CHECK(by_key("foreign_2017").name == "约翰");
    CHECK(by_key("foreign_2023").type == CardType::foreign_2023);
    CHECK(by_key("foreign_2023").english_name == "SMITH, JANE ELIZABETH");
}

TEST_CASE("text blocks of the wrong size or an unknown type are refused", "[idcard][text]")
{
    CHECK(std::get<ReaderError>(decode_card_text(Bytes(255, 0x20))).code == "E_READER_INFO_LENGTH");
    Bytes block = encode_ucs2le("", 256);
    block[248] = 'Q';
    const auto unknown = decode_card_text(block);
    REQUIRE(std::holds_alternative<ReaderError>(unknown));
    CHECK(std::get<ReaderError>(unknown).code == "E_READER_CARD_TYPE");
    CHECK(std::get<ReaderError>(unknown).status == 0x40);
}

TEST_CASE("read responses split into text, photo and fingerprint by their length words", "[idcard][text]")
{
    RawCard card{Bytes(256, 1), Bytes(1024, 2), Bytes(1024, 3)};
    const auto plain = split_read_response(join_read_response(card, false), false);
    REQUIRE(std::holds_alternative<RawCard>(plain));
    CHECK(std::get<RawCard>(plain).photo == card.photo);
    CHECK(std::get<RawCard>(plain).fingerprint.empty());
    const auto with_fp = split_read_response(join_read_response(card, true), true);
    REQUIRE(std::holds_alternative<RawCard>(with_fp));
    CHECK(std::get<RawCard>(with_fp).fingerprint == card.fingerprint);
    // The full 30 01 answer is 1295 bytes, the 30 10 one with a fingerprint 2321 (reference §1.2).
    CHECK(encode_response(0x90, join_read_response(card, false)).size() == 1295);
    CHECK(encode_response(0x90, join_read_response(card, true)).size() == 2321);

    Bytes truncated = join_read_response(card, false);
    truncated.pop_back();
    CHECK(std::get<ReaderError>(split_read_response(truncated, false)).code == "E_READER_INFO_LENGTH");
    CHECK(std::get<ReaderError>(split_read_response(Bytes{0x01}, false)).code == "E_READER_INFO_LENGTH");
    Bytes huge = join_read_response(card, false);
    huge[2] = 0xFF; // photo length 0xFF00
    CHECK(std::get<ReaderError>(split_read_response(huge, false)).code == "E_READER_INFO_LENGTH");
}
