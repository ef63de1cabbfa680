#pragma once
/// Person document numbers read from a card or typed at the counter: the GB 11643 resident ID, the residence permit
/// for Hong Kong, Macao and Taiwan residents (same algorithm, prefixes 810000/820000/830000) and the foreigner
/// permanent residence ID in its 2017 (15 characters) and 2023 (18 characters, beginning with 9) forms.

#include "domain/civil_date.h"
#include "domain/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace domain {

enum class IdKind
{
    resident,               ///< 居民身份证
    hmt_residence_permit,   ///< 港澳台居民居住证 (810000 Hong Kong, 820000 Macao, 830000 Taiwan)
    foreign_permanent_2017, ///< 外国人永久居留身份证, 15-character form
    foreign_permanent_2023, ///< 外国人永久居留身份证, 18-character form beginning with 9
};

enum class Sex
{
    male,
    female
};

/// A validated document number. Construct only through parse().
class IdNumber
{
public:
    /// Validates `text` exactly as given (no trimming or case folding: see normalize_identifier_input). A 15-digit
    /// first-generation number is converted to 18 digits. `today` bounds the birth date.
    static Result<IdNumber> parse(std::string_view text, Date today);

    /// ISO 7064 MOD 11-2 check character for the first 17 digits ('0'-'9' or 'X'). Precondition: 17 ASCII digits.
    static char check_character(std::string_view first17);

    /// The canonical number: 18 characters, or 15 for the 2017 foreigner form.
    [[nodiscard]] const std::string& str() const { return m_text; }
    [[nodiscard]] IdKind kind() const { return m_kind; }
    [[nodiscard]] Date birth_date() const { return m_birth; }
    /// From the parity of the sequence; the 2017 foreigner form does not encode it.
    [[nodiscard]] std::optional<Sex> sex() const { return m_sex; }
    /// The six-digit division code (resident IDs and permits); 0 for foreigner numbers.
    [[nodiscard]] int region_code() const { return m_region; }
    /// False when the division code is in no GB/T 2260 revision: a warning for the clerk, not a rejection.
    [[nodiscard]] bool region_known() const { return m_region_known; }
    [[nodiscard]] bool converted_from_15() const { return m_converted; }

    friend bool operator==(const IdNumber& a, const IdNumber& b) { return a.m_text == b.m_text; }

private:
    IdNumber() = default;

    std::string m_text;
    IdKind m_kind = IdKind::resident;
    Date m_birth{};
    std::optional<Sex> m_sex;
    int m_region = 0;
    bool m_region_known = false;
    bool m_converted = false;
};

} // namespace domain
