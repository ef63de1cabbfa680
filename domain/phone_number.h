#pragma once
/// Service numbers: mobile (11 digits; 13 for IoT) and fixed line 区号-号码 (010 and 02x take 8-digit subscriber
/// numbers, 0 + three digits take 7 or 8; a subscriber number never begins with 0 or 1).

#include "domain/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace domain {

enum class PhoneKind
{
    mobile,
    iot,
    fixed_line
};

class PhoneNumber
{
public:
    /// Accepts a mobile number, or a fixed line with or without the hyphen after the area code.
    static Result<PhoneNumber> parse(std::string_view text);

    [[nodiscard]] PhoneKind kind() const { return m_kind; }
    /// Canonical text: digits only for mobiles, "0755-12345678" for fixed lines.
    [[nodiscard]] const std::string& str() const { return m_text; }
    /// Fixed lines: "0755"; empty for mobiles.
    [[nodiscard]] std::string_view area_code() const;
    /// Fixed lines: the subscriber number; mobiles: the whole number.
    [[nodiscard]] std::string_view subscriber() const;
    /// Mobiles: the kind the prefix was assigned to (cmcc, cucc, …). Not proof of the operator since portability.
    [[nodiscard]] std::string_view prefix_kind() const { return m_prefix_kind; }

    friend bool operator==(const PhoneNumber& a, const PhoneNumber& b) { return a.m_text == b.m_text; }

private:
    std::string m_text;
    PhoneKind m_kind = PhoneKind::mobile;
    std::size_t m_area_len = 0;
    std::string_view m_prefix_kind;
};

/// An area code (区号) on its own, as a hall's setting: 010, 02x (not 026), or 0 + three digits from 3 to 9 first.
/// The same rule PhoneNumber::parse splits a fixed line by, so a number completed with it always parses.
[[nodiscard]] std::optional<Problem> check_area_code(std::string_view text);

} // namespace domain
