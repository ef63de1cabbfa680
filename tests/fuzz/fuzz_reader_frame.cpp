// The reader's byte stream: parse frames one after another as the serial transport does, resynchronising on
// errors. Every step must consume bytes or ask for more; a parsed frame's data lies inside the input; whatever a
// read answer holds is split and decoded without reading past it. The simulator's request parser gets the same bytes.
#include "idcard/card_simulator.h"
#include "idcard/card_text.h"
#include "idcard/frame.h"
#include "idcard/raw_card.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> rest(data, size);
    while (!rest.empty()) {
        const auto parsed = idcard::parse_response(rest);
        if (parsed.error == idcard::FrameError::incomplete) {
            break;
        }
        if (parsed.consumed == 0 || parsed.consumed > rest.size()) {
            std::abort();
        }
        if (parsed.response) {
            if (parsed.response->data.size() + 11 != parsed.consumed) {
                std::abort();
            }
            for (bool fp : {false, true}) {
                const auto raw = idcard::split_read_response(parsed.response->data, fp);
                if (const auto* card = std::get_if<idcard::RawCard>(&raw)) {
                    (void)idcard::decode_card_text(card->text);
                }
            }
            (void)idcard::decode_appended_address(parsed.response->data);
        }
        rest = rest.subspan(parsed.consumed);
    }
    if (size == 256) {
        (void)idcard::decode_card_text(std::span(data, size));
    }
    static idcard::CardSimulator simulator(idcard::sample_deck(domain::make_date(2026, 11, 23)));
    simulator.place("valid");
    (void)simulator.feed(std::span(data, size));
    return 0;
}
