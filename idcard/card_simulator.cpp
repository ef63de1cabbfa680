#include "idcard/card_simulator.h"

#include <algorithm>

namespace idcard {

CardSimulator::CardSimulator(std::vector<SampleCard> deck) : m_deck(std::move(deck)) {}

Bytes CardSimulator::sam_id_bytes()
{
    // 05.01-20101012-0000123456-0000012345
    return {0x05, 0x00, 0x01, 0x00, 0x94, 0xB7, 0x32, 0x01, 0x40, 0xE2, 0x01, 0x00, 0x39, 0x30, 0x00, 0x00};
}

bool CardSimulator::place(std::string_view key)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_deck.begin(), m_deck.end(), [&](const SampleCard& c) { return c.key == key; });
    if (it == m_deck.end()) {
        return false;
    }
    m_card = &*it;
    m_selected = false;
    return true;
}

void CardSimulator::remove()
{
    std::lock_guard lock(m_mutex);
    m_card = nullptr;
    m_selected = false;
}

Bytes CardSimulator::feed(std::span<const std::uint8_t> bytes)
{
    std::lock_guard lock(m_mutex);
    m_pending.insert(m_pending.end(), bytes.begin(), bytes.end());
    Bytes out;
    while (!m_pending.empty()) {
        const auto parsed = parse_request(m_pending);
        if (parsed.error == FrameError::incomplete) {
            break;
        }
        if (parsed.request) {
            const Bytes answer = respond(*parsed.request);
            out.insert(out.end(), answer.begin(), answer.end());
        } else if (parsed.error == FrameError::bad_checksum) {
            const Bytes answer = encode_response(0x10);
            out.insert(out.end(), answer.begin(), answer.end());
        } else if (parsed.error == FrameError::bad_length) {
            const Bytes answer = encode_response(0x11);
            out.insert(out.end(), answer.begin(), answer.end());
        }
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(parsed.consumed));
    }
    return out;
}

Bytes CardSimulator::respond(const Request& request)
{
    const auto command = static_cast<std::uint16_t>((request.command << 8) | request.para);
    switch (static_cast<Command>(command)) {
    case Command::reset_sam:
    case Command::sam_status:
        return encode_response(0x90);
    case Command::sam_id:
        return encode_response(0x90, sam_id_bytes());
    case Command::find_card: {
        if (!m_card) {
            return encode_response(0x80);
        }
        const Bytes management(4, 0);
        return encode_response(0x9F, management);
    }
    case Command::select_card: {
        if (!m_card) {
            return encode_response(0x81);
        }
        m_selected = true;
        const Bytes serial(8, 0);
        return encode_response(0x90, serial);
    }
    case Command::read_text_photo:
    case Command::read_text_photo_fingerprint: {
        if (!m_card || !m_selected) {
            return encode_response(0x41);
        }
        const bool fp = static_cast<Command>(command) == Command::read_text_photo_fingerprint;
        Bytes frame = encode_response(0x90, join_read_response(m_card->raw, fp));
        if (m_card->corrupt_read) {
            frame[frame.size() / 2] ^= 0x5A; // what a card lifted mid-transfer looks like on the wire
        }
        return frame;
    }
    case Command::read_appended_address:
        if (!m_card || !m_selected) {
            return encode_response(0x41);
        }
        if (!m_card->appended_address) {
            return encode_response(0x91);
        }
        return encode_response(0x90, encode_ucs2le(*m_card->appended_address, 70));
    case Command::read_card_mid:
    case Command::set_max_rf_byte:
        return encode_response(0x90);
    }
    return encode_response(0x21);
}

} // namespace idcard
