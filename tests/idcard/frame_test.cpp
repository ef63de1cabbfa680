#include "idcard/frame.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace idcard;

namespace {

Bytes hex(const std::string& text)
{
    Bytes out;
    std::istringstream in(text);
    unsigned value = 0;
    while (in >> std::hex >> value) {
        out.push_back(static_cast<std::uint8_t>(value));
    }
    return out;
}

} // namespace

TEST_CASE("request frames match the reference byte for byte", "[idcard][frame]")
{
    struct Row
    {
        Command command;
        const char* frame;
    };
    const Row rows[] = {
        {Command::reset_sam, "AA AA AA 96 69 00 03 10 FF EC"},
        {Command::sam_status, "AA AA AA 96 69 00 03 11 FF ED"},
        {Command::sam_id, "AA AA AA 96 69 00 03 12 FF EE"},
        {Command::find_card, "AA AA AA 96 69 00 03 20 01 22"},
        {Command::select_card, "AA AA AA 96 69 00 03 20 02 21"},
        {Command::read_text_photo, "AA AA AA 96 69 00 03 30 01 32"},
        {Command::read_text_photo_fingerprint, "AA AA AA 96 69 00 03 30 10 23"},
        {Command::read_appended_address, "AA AA AA 96 69 00 03 30 03 30"},
        {Command::read_card_mid, "AA AA AA 96 69 00 03 30 05 36"},
    };
    for (const auto& row : rows) {
        INFO(row.frame);
        CHECK(encode_request(row.command) == hex(row.frame));
    }
    const std::uint8_t rf[] = {0x50};
    CHECK(encode_request(Command::set_max_rf_byte, rf) == hex("AA AA AA 96 69 00 04 61 FF 50 CA"));
}

TEST_CASE("responses captured from a real device parse", "[idcard][frame]")
{
    const auto status = parse_response(hex("AA AA AA 96 69 00 04 00 00 90 94"));
    REQUIRE(status.response);
    CHECK(status.response->status == 0x90);
    CHECK(status.response->data.empty());
    CHECK(status.consumed == 11);

    const auto find = parse_response(hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
    REQUIRE(find.response);
    CHECK(find.response->status == 0x9F);
    CHECK(find.response->data == Bytes(4, 0));

    const auto select = parse_response(hex("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"));
    REQUIRE(select.response);
    CHECK(select.response->data.size() == 8);

    for (const char* failure : {"AA AA AA 96 69 00 04 00 00 80 84", "AA AA AA 96 69 00 04 00 00 81 85",
                                "AA AA AA 96 69 00 04 00 00 41 45", "AA AA AA 96 69 00 04 00 00 60 64"}) {
        INFO(failure);
        const auto parsed = parse_response(hex(failure));
        REQUIRE(parsed.response);
        CHECK(parsed.response->status == hex(failure)[9]);
    }
}

TEST_CASE("broken frames are refused with the reason", "[idcard][frame]")
{
    CHECK(parse_response(hex("AA AA AA 96 69 00 04 00 00 90 95")).error == FrameError::bad_checksum);
    CHECK(parse_response(hex("AA AA AA 96 69 00 04 00 00 90")).error == FrameError::incomplete);
    CHECK(parse_response(hex("AA AA AA")).error == FrameError::incomplete);
    CHECK(parse_response(hex("")).error == FrameError::incomplete);
    CHECK(parse_response(hex("AA AB AA 96 69 00 04 00 00 90 94")).error == FrameError::bad_preamble);
    CHECK(parse_response(hex("AA AA AA 96 69 00 02 00 00")).error == FrameError::bad_length);
    CHECK(parse_response(hex("AA AA AA 96 69 FF FF 00 00 90")).error == FrameError::bad_length);
    CHECK(to_string(FrameError::bad_checksum) == "bad_checksum");
}

TEST_CASE("a frame followed by the next one consumes only itself", "[idcard][frame]")
{
    Bytes two = hex("AA AA AA 96 69 00 04 00 00 90 94 AA AA AA 96 69 00 04 00 00 80 84");
    const auto first = parse_response(two);
    REQUIRE(first.response);
    CHECK(first.consumed == 11);
    const auto second = parse_response(std::span(two).subspan(first.consumed));
    REQUIRE(second.response);
    CHECK(second.response->status == 0x80);
}
