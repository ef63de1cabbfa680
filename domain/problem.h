#pragma once
/// Errors as codes with parameters. Lower layers never build sentences: the UI translates a Problem where it is
/// shown, so the same problem reads correctly in Chinese and English and can travel over the wire unchanged.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace domain {

/// Every rule violation the domain can report. The names returned by code_name() are stable: they appear in logs,
/// in counterctl output and in the back-office contract, so never rename one.
enum class Errc
{
    // input shape, shared by every identifier
    empty,         ///< nothing typed
    whitespace,    ///< a space, tab or line break inside the value {position}
    fullwidth,     ///< a full-width character (IME in full-width mode) {position}
    bad_character, ///< a character outside the allowed set {position}
    bad_length,    ///< {length, expected}

    // resident ID and other person documents
    id_lowercase_x,         ///< check character typed as 'x'
    id_birth_date,          ///< the 8 birth-date digits are no real date {birth}
    id_birth_future,        ///< the birth date is after today {birth}
    id_check_char,          ///< ISO 7064 check character wrong {expected}
    id_region_format,       ///< region part cannot be a division code (e.g. 000000) {region}
    id_permit_prefix,       ///< 81/82/83 number without the 0000 that follows in residence permits {region}
    id_foreign_nationality, ///< 2017 foreigner PR number: first three characters not letters {nationality}

    // enterprise codes
    uscc_check_char, ///< {expected}
    uscc_lowercase,  ///< letters typed in lower case
    org_check_char,  ///< {expected}
    org_hyphen,      ///< hyphen in the wrong place

    // phone numbers
    phone_prefix,       ///< mobile number with a prefix no operator uses {prefix}
    phone_area_code,    ///< fixed line with an impossible area code {area}
    phone_subscriber,   ///< fixed-line subscriber number starts with 0 or 1, or has the wrong length {subscriber}
    short_number_range, ///< group short number not starting 61-69 {number}
    short_number_taken, ///< short number already used in the group {number}

    // money
    money_format,        ///< not an amount {text}
    money_precision,     ///< more than two decimals {text}
    money_range,         ///< too large to hold {text}
    amount_not_positive, ///< a payment or refund of nothing or less {amount}
    amount_too_large,    ///< more than one act at the counter may carry {amount, max}
    fee_negative,        ///< a fee line below zero {amount}

    // real-name registration
    card_expired,          ///< {valid_to}
    card_not_yet_valid,    ///< {valid_from}
    card_validity_format,  ///< the validity dates on the card cannot be read {text}
    card_birth_mismatch,   ///< the card's birth field disagrees with its number {card, number}
    card_sex_mismatch,     ///< the card's sex field disagrees with its number {card, number}
    holder_needs_guardian, ///< holder younger than the minimum age to act alone {age, minimum}
    guardian_too_young,    ///< {age, minimum}
    guardian_is_holder,
    agent_too_young, ///< {age, minimum}
    agent_is_holder,
    id_quota_exceeded, ///< one ID holds the maximum numbers of a service kind {kind, held, limit}

    // orders
    order_transition, ///< {from, to}
    order_no_items,
    order_item_transition,   ///< {item, from, to}
    order_state_unknown,     ///< {state}
    order_product_unknown,   ///< not a sellable product of the current catalog {offering}
    order_no_basic_product,  ///< an install needs exactly one basic product {count}
    order_no_address,        ///< an install or move needs a standard address
    order_no_number,         ///< an install needs a number
    order_member_count,      ///< a family bundle holds 1 to 8 members {count, max}
    order_no_account,        ///< an account change names the account the service moves to
    order_account_unchanged, ///< the line is already billed to that account and no other payment method is asked
    order_item_conflict,     ///< one product both added and removed in one change {offering}
    order_attribute_missing, ///< a product's attribute has no value {offering, attribute}
    order_attribute_value,   ///< a product's attribute cannot take this value {offering, attribute, value, reason}
    bundle_member_number,    ///< a family member's number is not a phone number {index, reason}
    bundle_member_duplicate, ///< the same number twice in one bundle {number}
    bundle_member_is_main,   ///< the main line listed as its own member {number}

    // service list
    service_already_chosen, ///< {service}
    service_quantity,       ///< {service, quantity}

    // group customers and their members
    group_name_empty,
    group_no_certificate,
    group_main_certificate,   ///< not exactly one main certificate {count}
    group_certificate_number, ///< {index, reason}: reason is the code of the number's own problem
    group_no_manager,
    group_manager_duplicate, ///< {manager}
    group_grid_required,     ///< an SME is assigned to a sales grid
    group_grid_not_allowed,  ///< a key account is not
    member_window_closed,    ///< member changes close at month end {reopens}
    member_not_local,        ///< {area, group_area}
    member_exists,           ///< {number}
    member_added_this_month, ///< {number}

    // staff and roles administration
    staff_id,       ///< {reason: empty | character {position} | long {maximum} | taken {staff}}
    staff_name,     ///< {reason: empty | long {maximum}}
    staff_roles,    ///< {reason: none | unknown {role}}
    staff_password, ///< a new member's initial password {reason: missing | short {length, minimum} | long}
    staff_built_in, ///< the built-in user cannot be deleted {staff}
    staff_self,     ///< one's own staff id cannot be deleted or disabled {action}
    role_id,        ///< {reason: empty | character {position} | long {maximum} | taken {role}}
    role_name,      ///< {reason: empty | long {maximum}}
    role_built_in,  ///< a built-in role cannot be deleted or changed {role, action}
};

/// The stable upper-case name of a code, e.g. "E_ID_CHECK_CHAR".
std::string_view code_name(Errc code);

/// A rule violation: a code plus named parameters (values are plain text, never translated).
struct Problem
{
    Errc code{};
    std::vector<std::pair<std::string, std::string>> params;

    /// The value of a parameter, or an empty view when absent.
    [[nodiscard]] std::string_view param(std::string_view name) const;
    /// "E_ID_CHECK_CHAR expected=X": for logs and command-line tools, not for clerks.
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const Problem&, const Problem&) = default;
};

/// Shorthand used by the validators: problem(Errc::bad_length, {{"length", "17"}}).
Problem problem(Errc code, std::vector<std::pair<std::string, std::string>> params = {});

} // namespace domain
