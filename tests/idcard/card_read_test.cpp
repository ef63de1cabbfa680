// read_and_verify with the photo: a verified card's WLT is decoded for the screen when the counter has the vendor's
// decoder (fake_wlt stands in for libwlt2bmp.so), and without one the card is still read and verified, photo-less.
// The port is a test double serving the sample deck's chip data: the transports have their own tests.
#include "idcard/card_read.h"
#include "idcard/sample_cards.h"
#include "idcard/wlt_decoder.h"

#include <catch2/catch.hpp>
#include <string>

using namespace idcard;

namespace {

constexpr auto kToday = domain::make_date(2026, 11, 23);

/// A reader with one of the deck's cards on it.
class DeckPort : public ReaderPort
{
public:
    explicit DeckPort(std::string_view key)
    {
        for (auto& card : sample_deck(kToday)) {
            if (card.key == key) {
                m_card = card.raw;
            }
        }
        REQUIRE_FALSE(m_card.text.empty());
    }
    ReaderResult<Nothing> sam_status() override { return Nothing{}; }
    ReaderResult<std::string> sam_id() override { return std::string("sam"); }
    ReaderResult<Nothing> find_card() override { return Nothing{}; }
    ReaderResult<Nothing> select_card() override { return Nothing{}; }
    ReaderResult<RawCard> read_card(bool) override { return m_card; }
    ReaderResult<std::optional<Bytes>> read_appended_address() override { return std::optional<Bytes>{}; }

private:
    RawCard m_card;
};

ReadContext context(std::string wlt_library)
{
    ReadContext context{kToday, {}, "sam", "test"};
    context.wlt_library = std::move(wlt_library);
    return context;
}

} // namespace

TEST_CASE("a verified card's photo is decoded for the screen when the counter has a decoder", "[idcard][photo]")
{
    DeckPort port("valid");
    const auto read = read_and_verify(port, false, context(FAKE_WLT_PATH));
    REQUIRE(std::holds_alternative<Verification>(read));
    const auto& verification = std::get<Verification>(read);
    REQUIRE(verification.identity);
    REQUIRE(verification.identity->photo_bmp.size() == kPhotoBmpSize);
    CHECK(verification.identity->photo_bmp[0] == 'B');
    CHECK(verification.identity->photo_bmp[1] == 'M');
    CHECK(verification.identity->photo.size() == kWltSize); // the raw WLT is kept as read
}

TEST_CASE("without a decoder, or with a broken one, the card is still verified and has no photo", "[idcard][photo]")
{
    for (const std::string library : {"/nonexistent/libwlt2bmp.so", ""}) {
        INFO(library);
        DeckPort port("valid");
        const auto read = read_and_verify(port, false, context(library));
        REQUIRE(std::holds_alternative<Verification>(read));
        const auto& verification = std::get<Verification>(read);
        REQUIRE(verification.identity);
        CHECK(verification.identity->photo_bmp.empty());
    }
}

TEST_CASE("a card that cannot be relied on gets no photo decoded", "[idcard][photo]")
{
    DeckPort port("expired");
    const auto read = read_and_verify(port, false, context(FAKE_WLT_PATH));
    REQUIRE(std::holds_alternative<Verification>(read));
    CHECK_FALSE(std::get<Verification>(read).identity);
}
