#include "idcard/card_simulator.h"
#include "idcard/pty_simulator.h"
#include "idcard/serial_reader.h"

#include <catch2/catch.hpp>

using namespace idcard;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

Response answer(CardSimulator& sim, Command command)
{
    const Bytes out = sim.feed(encode_request(command));
    const auto parsed = parse_response(out);
    REQUIRE(parsed.response);
    REQUIRE(parsed.consumed == out.size());
    return *parsed.response;
}

/// The value of a result, failing the test with the reader's error otherwise. Takes ownership so no reference into
/// a temporary result can dangle.
template <typename T> T ok(ReaderResult<T> r)
{
    if (const auto* e = std::get_if<ReaderError>(&r)) {
        FAIL("reader error " << e->code << ": " << e->detail);
    }
    return std::get<T>(std::move(r));
}

std::string error_code(const auto& r)
{
    const auto* e = std::get_if<ReaderError>(&r);
    return e ? e->code : "OK";
}

} // namespace

TEST_CASE("the simulator answers the protocol like a reader", "[idcard][simulator]")
{
    CardSimulator sim(sample_deck(kToday));
    CHECK(answer(sim, Command::sam_status).status == 0x90);
    CHECK(answer(sim, Command::find_card).status == 0x80);
    CHECK(answer(sim, Command::select_card).status == 0x81);
    REQUIRE(sim.place("valid"));
    CHECK_FALSE(sim.place("no such card"));
    CHECK(answer(sim, Command::read_text_photo).status == 0x41); // not selected yet
    CHECK(answer(sim, Command::find_card).status == 0x9F);
    CHECK(answer(sim, Command::select_card).status == 0x90);
    const auto read = answer(sim, Command::read_text_photo);
    CHECK(read.status == 0x90);
    CHECK(read.data.size() == 4 + 256 + 1024);
    CHECK(answer(sim, Command::read_appended_address).status == 0x90);
    sim.remove();
    CHECK(answer(sim, Command::find_card).status == 0x80);
}

TEST_CASE("the simulator copes with split, garbled and unknown requests", "[idcard][simulator]")
{
    CardSimulator sim(sample_deck(kToday));
    const Bytes request = encode_request(Command::sam_status);
    CHECK(sim.feed(std::span(request).first(4)).empty());
    CHECK(parse_response(sim.feed(std::span(request).subspan(4))).response->status == 0x90);

    Bytes garbage = {0x00, 0x13, 0x37};
    garbage.insert(garbage.end(), request.begin(), request.end());
    CHECK(parse_response(sim.feed(garbage)).response->status == 0x90);

    Bytes bad_sum = request;
    bad_sum.back() ^= 0xFF;
    CHECK(parse_response(sim.feed(bad_sum)).response->status == 0x10);

    const Bytes unknown = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x77, 0x01, 0x75};
    CHECK(parse_response(sim.feed(unknown)).response->status == 0x21);
}

TEST_CASE("a card read end to end through the serial code on a pseudo-terminal", "[idcard][serial]")
{
    CardSimulator sim(sample_deck(kToday));
    auto pty = PtySimulator::start(sim);
    REQUIRE(pty);
    const auto reader_ptr = ok(SerialReader::open(pty->device_path()));
    auto& reader = *reader_ptr;

    CHECK(error_code(reader.sam_status()) == "OK");
    CHECK(ok(reader.sam_id()) == "05.01-20101012-0000123456-0000012345");
    CHECK(error_code(reader.find_card()) == "E_READER_NO_CARD");

    SECTION("place, read, remove")
    {
        REQUIRE(sim.place("valid"));
        CHECK(error_code(reader.find_card()) == "OK");
        CHECK(error_code(reader.select_card()) == "OK");
        const auto card = ok(reader.read_card(true));
        const auto text = std::get<CardText>(decode_card_text(card.text));
        CHECK(text.name == "张伟");
        CHECK(card.photo.size() == 1024);
        CHECK(card.fingerprint.size() == 1024);
        const auto address = ok(reader.read_appended_address());
        REQUIRE(address);
        CHECK(decode_appended_address(*address) == "北京市海淀区中关村大街1号");
        sim.remove();
        CHECK(error_code(reader.find_card()) == "E_READER_NO_CARD");
    }
    SECTION("a card without an appended address")
    {
        REQUIRE(sim.place("long_term"));
        REQUIRE(error_code(reader.find_card()) == "OK");
        REQUIRE(error_code(reader.select_card()) == "OK");
        CHECK_FALSE(ok(reader.read_appended_address()).has_value());
    }
    SECTION("a damaged read answer is refused, and the next command works")
    {
        REQUIRE(sim.place("damaged"));
        REQUIRE(error_code(reader.find_card()) == "OK");
        REQUIRE(error_code(reader.select_card()) == "OK");
        CHECK(error_code(reader.read_card(false)) == "E_READER_FRAME");
        CHECK(error_code(reader.sam_status()) == "OK");
    }
    SECTION("unplugged mid-session")
    {
        pty->unplug();
        const auto after = reader.sam_status();
        CHECK((error_code(after) == "E_READER_UNPLUGGED" || error_code(after) == "E_READER_TIMEOUT"));
    }
}

TEST_CASE("bad serial settings are refused before anything is opened", "[idcard][serial]")
{
    CHECK(error_code(SerialReader::open("/dev/null", {.baud = 12345})) == "E_READER_BAUD");
    CHECK(error_code(SerialReader::open("/dev/no-such-reader")) == "E_READER_PORT");
}
