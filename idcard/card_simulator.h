#pragma once
/// A reader that speaks the real protocol (reference §1.1-1.4): feed it the bytes a host sends, get back the bytes a
/// reader answers. Which card lies on it is set from the outside (tests, training mode). It knows nothing about
/// ports; PtySimulator puts it behind a pseudo-terminal so the serial code is exercised byte for byte.

#include "idcard/sample_cards.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace idcard {

class CardSimulator
{
public:
    explicit CardSimulator(std::vector<SampleCard> deck);

    /// Puts the card with this key on the reader; false (and nothing changes) if the deck has no such card.
    bool place(std::string_view key);
    void remove();

    /// Bytes from the host in, the reader's answers out (zero or more frames). Partial frames are kept until the
    /// rest arrives; garbage before a preamble is skipped as a reader does.
    Bytes feed(std::span<const std::uint8_t> bytes);

    /// How long a real reader takes to read a card (the chip transfer); the pseudo-terminal waits this long before
    /// answering a read. Zero in unit tests.
    std::chrono::milliseconds read_delay{0};

    /// The simulated SAM's 16 raw id bytes.
    static Bytes sam_id_bytes();

private:
    Bytes respond(const Request& request);

    std::mutex m_mutex;
    std::vector<SampleCard> m_deck;
    const SampleCard* m_card = nullptr;
    bool m_selected = false;
    Bytes m_pending;
};

} // namespace idcard
