#include "client/ui/base/problem_text.h"

#include <wx/intl.h>

namespace ui {

namespace {

wxString param(const domain::Problem& problem, const char* name)
{
    return wxString::FromUTF8(std::string(problem.param(name)));
}

/// The 1-based position a problem names, as the clerk counts characters.
wxString position(const domain::Problem& problem)
{
    return param(problem, "position");
}

} // namespace

// One case per code: a long switch is the table.
// NOLINTNEXTLINE(readability-function-size)
wxString problem_text(const domain::Problem& problem)
{
    using domain::Errc;
    switch (problem.code) {
    case Errc::empty:
        return _("Nothing was typed here.");
    case Errc::whitespace:
        // TRANSLATORS: %s is a character position, counted from 1.
        return wxString::Format(_("There is a space or line break at position %s. Remove it."), position(problem));
    case Errc::fullwidth:
        return wxString::Format(
            _("The character at position %s is full-width. Switch the input method to half-width and type it again."),
            position(problem));
    case Errc::bad_character:
        return wxString::Format(_("The character at position %s is not allowed here."), position(problem));
    case Errc::bad_length:
        // TRANSLATORS: first %s is how many characters were typed, second how many are expected.
        return wxString::Format(_("%s characters were typed; %s are expected."), param(problem, "length"),
                                param(problem, "expected"));
    case Errc::id_lowercase_x:
        return _("The check character must be a capital X.");
    case Errc::id_birth_date:
        return wxString::Format(_("The birth date %s in the ID number is not a real date."), param(problem, "birth"));
    case Errc::id_birth_future:
        return wxString::Format(_("The birth date %s in the ID number is in the future."), param(problem, "birth"));
    case Errc::id_check_char:
        return wxString::Format(
            _("The ID number's last character should be %s: a digit was probably mistyped. Check it against the card."),
            param(problem, "expected"));
    case Errc::id_region_format:
        return wxString::Format(_("The region code %s at the start of the ID number does not exist."),
                                param(problem, "region"));
    case Errc::id_permit_prefix:
        return _("A residence permit number for Hong Kong, Macao or Taiwan residents continues with 0000 after 81, 82 "
                 "or 83.");
    case Errc::id_foreign_nationality:
        return _("A permanent residence number for foreigners starts with three letters of nationality.");
    case Errc::uscc_check_char:
        return wxString::Format(_("The credit code's last character should be %s. Check it against the licence."),
                                param(problem, "expected"));
    case Errc::uscc_lowercase:
        return _("Letters in the credit code are capitals.");
    case Errc::org_check_char:
        return wxString::Format(_("The organisation code's check character should be %s."), param(problem, "expected"));
    case Errc::org_hyphen:
        return _("The hyphen of an organisation code goes before its last character.");
    case Errc::phone_prefix:
        return wxString::Format(_("No operator issues mobile numbers starting %s."), param(problem, "prefix"));
    case Errc::phone_area_code:
        return wxString::Format(_("%s is not an area code."), param(problem, "area"));
    case Errc::phone_subscriber:
        return wxString::Format(_("The local number %s is not valid: it has the wrong length or starts with 0 or 1."),
                                param(problem, "subscriber"));
    case Errc::short_number_range:
        return wxString::Format(_("Short number %s must start with 61 to 69."), param(problem, "number"));
    case Errc::short_number_taken:
        return wxString::Format(_("Short number %s is already used in this group."), param(problem, "number"));
    case Errc::money_format:
        return wxString::Format(_("%s is not an amount of money."), param(problem, "text"));
    case Errc::money_precision:
        return wxString::Format(_("%s has more than two decimals (fen is the smallest unit)."), param(problem, "text"));
    case Errc::money_range:
        return wxString::Format(_("%s is too large an amount."), param(problem, "text"));
    case Errc::amount_not_positive:
        return wxString::Format(_("The amount must be more than zero (%s was given)."), param(problem, "amount"));
    case Errc::amount_too_large:
        return wxString::Format(_("%s is more than one payment, refund or fee may be (at most %s). Check the amount."),
                                param(problem, "amount"), param(problem, "max"));
    case Errc::fee_negative:
        return wxString::Format(_("A fee cannot be negative (%s). A discount or waiver is entered as its own line."),
                                param(problem, "amount"));
    case Errc::card_expired:
        return wxString::Format(_("The ID card expired on %s. The customer needs a valid card."),
                                param(problem, "valid_to"));
    case Errc::card_not_yet_valid:
        return wxString::Format(_("The ID card is valid only from %s."), param(problem, "valid_from"));
    case Errc::card_validity_format:
        return wxString::Format(_("The card's validity dates (%s) cannot be read. Read the card again."),
                                param(problem, "text"));
    case Errc::card_birth_mismatch:
        return _("The birth date on the card does not match its ID number: the card may be forged. Call your "
                 "supervisor.");
    case Errc::card_sex_mismatch:
        return _("The sex on the card does not match its ID number: the card may be forged. Call your supervisor.");
    case Errc::holder_needs_guardian:
        // TRANSLATORS: first %s is the holder's age, second the minimum age to act alone.
        return wxString::Format(_("The holder is %s: below %s a guardian must come and show their own ID."),
                                param(problem, "age"), param(problem, "minimum"));
    case Errc::guardian_too_young:
        return wxString::Format(_("The guardian is %s: a guardian must be at least %s."), param(problem, "age"),
                                param(problem, "minimum"));
    case Errc::guardian_is_holder:
        return _("The guardian cannot be the holder.");
    case Errc::agent_too_young:
        return wxString::Format(_("The agent is %s: an agent must be at least %s."), param(problem, "age"),
                                param(problem, "minimum"));
    case Errc::agent_is_holder:
        return _("The agent cannot be the holder.");
    case Errc::id_quota_exceeded:
        // TRANSLATORS: first %s is how many this ID holds, second the limit.
        return wxString::Format(_("This ID already holds %s of these services; the limit is %s."),
                                param(problem, "held"), param(problem, "limit"));
    case Errc::order_transition:
        return wxString::Format(_("An order cannot go from %s to %s."), param(problem, "from"), param(problem, "to"));
    case Errc::order_no_items:
        return _("The order has nothing in it.");
    case Errc::order_item_transition:
        return wxString::Format(_("Item %s cannot go from %s to %s."), param(problem, "item"), param(problem, "from"),
                                param(problem, "to"));
    case Errc::order_state_unknown:
        return wxString::Format(_("Unknown order state %s."), param(problem, "state"));
    case Errc::order_product_unknown:
        return wxString::Format(_("Product %s is not on sale today. Refresh the catalog."), param(problem, "offering"));
    case Errc::order_no_basic_product:
        return _("Choose exactly one basic product.");
    case Errc::order_no_address:
        return _("Choose the standard address first.");
    case Errc::order_no_number:
        return _("Choose a number first.");
    case Errc::order_member_count:
        return wxString::Format(_("A family bundle holds 1 to %s members; %s were chosen."), param(problem, "max"),
                                param(problem, "count"));
    case Errc::order_no_account:
        return _("Choose the account the service moves to.");
    case Errc::order_account_unchanged:
        return _("The line is already billed to this account. Choose another account or another way of paying.");
    case Errc::order_item_conflict:
        // TRANSLATORS: %s is a product's code.
        return wxString::Format(_("%s is both added and cancelled. Untick it in one of the two lists."),
                                param(problem, "offering"));
    case Errc::order_attribute_missing:
        // TRANSLATORS: first %s is a product, second one of its attributes (e.g. 呼叫转移, 转移到号码).
        return wxString::Format(_("Product %s needs a value for %s."), param(problem, "offering"),
                                param(problem, "attribute"));
    case Errc::order_attribute_value:
        // TRANSLATORS: an attribute, the value typed, then the product.
        return wxString::Format(_("%s cannot be \"%s\" (product %s). Check it and set it again."),
                                param(problem, "attribute"), param(problem, "value"), param(problem, "offering"));
    case Errc::bundle_member_number:
        // TRANSLATORS: %s is the member's row, counted from 1.
        return wxString::Format(_("The number of family member %s is not a phone number. Check it and type it again."),
                                param(problem, "index"));
    case Errc::bundle_member_duplicate:
        return wxString::Format(_("%s is listed twice in the bundle."), param(problem, "number"));
    case Errc::bundle_member_is_main:
        return wxString::Format(_("%s is the main line of the bundle; it cannot also be a member."),
                                param(problem, "number"));
    case Errc::service_already_chosen:
        return _("This service is already in the list: change its quantity instead.");
    case Errc::service_quantity:
        return wxString::Format(_("Quantity %s is not allowed: 1 to 99."), param(problem, "quantity"));
    case Errc::group_name_empty:
        return _("Type the group's name.");
    case Errc::group_no_certificate:
        return _("Add at least one certificate.");
    case Errc::group_main_certificate:
        return _("Mark exactly one certificate as the main one.");
    case Errc::group_certificate_number:
        return wxString::Format(_("Certificate %s: its number is not valid."), param(problem, "index"));
    case Errc::group_no_manager:
        return _("Name at least one customer manager.");
    case Errc::group_manager_duplicate:
        return wxString::Format(_("Customer manager %s is named twice."), param(problem, "manager"));
    case Errc::group_grid_required:
        return _("A small or medium enterprise must be assigned to a sales grid.");
    case Errc::group_grid_not_allowed:
        return _("Only small and medium enterprises have a sales grid.");
    case Errc::member_window_closed:
        return wxString::Format(_("Member changes are closed until %s."), param(problem, "reopens"));
    case Errc::member_not_local:
        return wxString::Format(_("The number belongs to area %s, the group to %s: members must be local."),
                                param(problem, "area"), param(problem, "group_area"));
    case Errc::member_exists:
        return wxString::Format(_("%s is already a member."), param(problem, "number"));
    case Errc::member_added_this_month:
        return wxString::Format(_("%s was added this month: it can leave from next month."), param(problem, "number"));
    case Errc::staff_id:
        if (problem.param("reason") == "taken") {
            return wxString::Format(_("Staff ID %s already exists: edit that staff member instead."),
                                    param(problem, "staff"));
        }
        if (problem.param("reason") == "long") {
            // TRANSLATORS: %s is the most characters a staff ID may have.
            return wxString::Format(_("A staff ID is at most %s characters long."), param(problem, "maximum"));
        }
        if (problem.param("reason") == "character") {
            // TRANSLATORS: %s is a character position, counted from 1.
            return wxString::Format(_("A staff ID holds only letters, digits, _ and -: the character at position %s "
                                      "is not allowed."),
                                    position(problem));
        }
        return _("Type the staff ID.");
    case Errc::staff_name:
        if (problem.param("reason") == "long") {
            return wxString::Format(_("A name is at most %s characters long."), param(problem, "maximum"));
        }
        return _("Type the staff member's name.");
    case Errc::staff_roles:
        if (problem.param("reason") == "unknown") {
            if (problem.param("role").empty()) {
                return _("A role ticked does not exist any more: refresh the list of roles.");
            }
            return wxString::Format(_("The role %s does not exist: refresh the list of roles."),
                                    param(problem, "role"));
        }
        return _("Tick at least one role.");
    case Errc::staff_password:
        if (problem.param("reason") == "long") {
            return wxString::Format(_("A password is at most %s characters long."), param(problem, "maximum"));
        }
        if (problem.param("reason") == "short" && problem.param("length").empty()) {
            return wxString::Format(_("The initial password needs at least %s characters."), param(problem, "minimum"));
        }
        if (problem.param("reason") == "short") {
            // TRANSLATORS: first %s is how many characters were typed, second the fewest allowed.
            return wxString::Format(_("The initial password has %s characters; it needs at least %s."),
                                    param(problem, "length"), param(problem, "minimum"));
        }
        return _("A new staff member needs an initial password, which they change at their first sign-in.");
    case Errc::staff_built_in:
        return wxString::Format(_("%s is the built-in administrator and cannot be deleted."), param(problem, "staff"));
    case Errc::staff_self:
        if (problem.param("action") == "disable") {
            return _("You cannot disable the staff ID you are signed in with.");
        }
        return _("You cannot delete the staff ID you are signed in with.");
    case Errc::role_id:
        if (problem.param("reason") == "taken") {
            return wxString::Format(_("Role ID %s already exists: edit that role instead."), param(problem, "role"));
        }
        if (problem.param("reason") == "long") {
            // TRANSLATORS: %s is the most characters a role ID may have.
            return wxString::Format(_("A role ID is at most %s characters long."), param(problem, "maximum"));
        }
        if (problem.param("reason") == "character") {
            // TRANSLATORS: %s is a character position, counted from 1.
            return wxString::Format(_("A role ID holds only letters, digits, _ and -: the character at position %s "
                                      "is not allowed."),
                                    position(problem));
        }
        return _("Type the role ID.");
    case Errc::role_name:
        if (problem.param("reason") == "long") {
            return wxString::Format(_("A name is at most %s characters long."), param(problem, "maximum"));
        }
        return _("Type the role's name.");
    case Errc::role_built_in:
        if (problem.param("action") == "change") {
            return wxString::Format(_("%s is a built-in role and cannot be changed: save a copy under a new role ID."),
                                    param(problem, "role"));
        }
        return wxString::Format(_("%s is a built-in role and cannot be deleted."), param(problem, "role"));
    }
    return wxString::FromUTF8(problem.to_string());
}

} // namespace ui
