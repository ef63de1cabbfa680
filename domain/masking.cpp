#include "domain/masking.h"

#include <vector>

namespace domain {
namespace {

/// Splits UTF-8 text into characters (one string_view per code point).
std::vector<std::string_view> characters(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xF0) {
            len = 4;
        } else if (lead >= 0xE0) {
            len = 3;
        } else if (lead >= 0xC0) {
            len = 2;
        }
        len = std::min(len, text.size() - i);
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

/// Keeps `head` characters and `tail` characters, replacing those between with '*'.
std::string keep_ends(std::string_view text, std::size_t head, std::size_t tail)
{
    const auto chars = characters(text);
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (i < head || i + tail >= chars.size()) {
            out += chars[i];
        } else {
            out += '*';
        }
    }
    return out;
}

} // namespace

std::string mask_id_number(std::string_view id)
{
    const std::size_t n = characters(id).size();
    if (n >= 15) {
        return keep_ends(id, 6, 4);
    }
    return keep_ends(id, n / 4, n / 4);
}

std::string mask_phone(std::string_view phone)
{
    const auto hyphen = phone.find('-');
    if (hyphen != std::string_view::npos) {
        const auto subscriber = phone.substr(hyphen + 1);
        return std::string(phone.substr(0, hyphen + 1)) +
               keep_ends(subscriber, 0, subscriber.size() >= 4 ? 4 : subscriber.size() / 2);
    }
    if (phone.size() == 11) {
        return keep_ends(phone, 3, 4);
    }
    return keep_ends(phone, phone.size() / 4, phone.size() / 4);
}

std::string mask_name(std::string_view name)
{
    const std::size_t n = characters(name).size();
    return keep_ends(name, 1, n >= 3 ? 1 : 0);
}

std::string mask_address(std::string_view address)
{
    const auto chars = characters(address);
    if (chars.size() <= 6) {
        return keep_ends(address, chars.size() / 2, 0);
    }
    std::string out;
    for (std::size_t i = 0; i < 6; ++i) {
        out += chars[i];
    }
    return out + "****";
}

} // namespace domain
