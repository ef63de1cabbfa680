#include "idcard/raw_card.h"

namespace idcard {
namespace {

std::size_t word_at(const Bytes& data, std::size_t offset)
{
    // Masked and widened before shifting: the Java parsers in the wild get this wrong (reference §1.8.4).
    return (static_cast<std::size_t>(data[offset] & 0xFF) << 8) | static_cast<std::size_t>(data[offset + 1] & 0xFF);
}

void put_word(Bytes& out, std::size_t value)
{
    out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xFF));
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

} // namespace

ReaderResult<RawCard> split_read_response(const Bytes& data, bool with_fingerprint)
{
    const std::size_t header = with_fingerprint ? 6 : 4;
    if (data.size() < header) {
        return status_error(0x3F, "read response shorter than its length words");
    }
    const std::size_t text_len = word_at(data, 0);
    const std::size_t photo_len = word_at(data, 2);
    const std::size_t fp_len = with_fingerprint ? word_at(data, 4) : 0;
    if (text_len != kTextBlockSize || photo_len > 1024 || fp_len > 1024 ||
        header + text_len + photo_len + fp_len != data.size()) {
        return status_error(0x3F, "lengths " + std::to_string(text_len) + "/" + std::to_string(photo_len) + "/" +
                                      std::to_string(fp_len) + " for " + std::to_string(data.size()) + " bytes");
    }
    RawCard card;
    auto at = data.begin() + static_cast<std::ptrdiff_t>(header);
    card.text.assign(at, at + static_cast<std::ptrdiff_t>(text_len));
    at += static_cast<std::ptrdiff_t>(text_len);
    card.photo.assign(at, at + static_cast<std::ptrdiff_t>(photo_len));
    at += static_cast<std::ptrdiff_t>(photo_len);
    card.fingerprint.assign(at, at + static_cast<std::ptrdiff_t>(fp_len));
    return card;
}

Bytes join_read_response(const RawCard& card, bool with_fingerprint)
{
    Bytes out;
    put_word(out, card.text.size());
    put_word(out, card.photo.size());
    if (with_fingerprint) {
        put_word(out, card.fingerprint.size());
    }
    out.insert(out.end(), card.text.begin(), card.text.end());
    out.insert(out.end(), card.photo.begin(), card.photo.end());
    if (with_fingerprint) {
        out.insert(out.end(), card.fingerprint.begin(), card.fingerprint.end());
    }
    return out;
}

} // namespace idcard
