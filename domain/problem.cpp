#include "domain/problem.h"

namespace domain {

std::string_view code_name(Errc code)
{
    switch (code) {
    case Errc::empty:
        return "E_EMPTY";
    case Errc::whitespace:
        return "E_WHITESPACE";
    case Errc::fullwidth:
        return "E_FULLWIDTH";
    case Errc::bad_character:
        return "E_BAD_CHARACTER";
    case Errc::bad_length:
        return "E_BAD_LENGTH";
    case Errc::id_lowercase_x:
        return "E_ID_LOWERCASE_X";
    case Errc::id_birth_date:
        return "E_ID_BIRTH_DATE";
    case Errc::id_birth_future:
        return "E_ID_BIRTH_FUTURE";
    case Errc::id_check_char:
        return "E_ID_CHECK_CHAR";
    case Errc::id_region_format:
        return "E_ID_REGION_FORMAT";
    case Errc::id_permit_prefix:
        return "E_ID_PERMIT_PREFIX";
    case Errc::id_foreign_nationality:
        return "E_ID_FOREIGN_NATIONALITY";
    case Errc::uscc_check_char:
        return "E_USCC_CHECK_CHAR";
    case Errc::uscc_lowercase:
        return "E_USCC_LOWERCASE";
    case Errc::org_check_char:
        return "E_ORG_CHECK_CHAR";
    case Errc::org_hyphen:
        return "E_ORG_HYPHEN";
    case Errc::phone_prefix:
        return "E_PHONE_PREFIX";
    case Errc::phone_area_code:
        return "E_PHONE_AREA_CODE";
    case Errc::phone_subscriber:
        return "E_PHONE_SUBSCRIBER";
    case Errc::short_number_range:
        return "E_SHORT_NUMBER_RANGE";
    case Errc::short_number_taken:
        return "E_SHORT_NUMBER_TAKEN";
    case Errc::money_format:
        return "E_MONEY_FORMAT";
    case Errc::money_precision:
        return "E_MONEY_PRECISION";
    case Errc::money_range:
        return "E_MONEY_RANGE";
    case Errc::amount_not_positive:
        return "E_AMOUNT_NOT_POSITIVE";
    case Errc::amount_too_large:
        return "E_AMOUNT_TOO_LARGE";
    case Errc::fee_negative:
        return "E_FEE_NEGATIVE";
    case Errc::card_expired:
        return "E_CARD_EXPIRED";
    case Errc::card_not_yet_valid:
        return "E_CARD_NOT_YET_VALID";
    case Errc::card_validity_format:
        return "E_CARD_VALIDITY_FORMAT";
    case Errc::card_birth_mismatch:
        return "E_CARD_BIRTH_MISMATCH";
    case Errc::card_sex_mismatch:
        return "E_CARD_SEX_MISMATCH";
    case Errc::holder_needs_guardian:
        return "E_HOLDER_NEEDS_GUARDIAN";
    case Errc::guardian_too_young:
        return "E_GUARDIAN_TOO_YOUNG";
    case Errc::guardian_is_holder:
        return "E_GUARDIAN_IS_HOLDER";
    case Errc::agent_too_young:
        return "E_AGENT_TOO_YOUNG";
    case Errc::agent_is_holder:
        return "E_AGENT_IS_HOLDER";
    case Errc::id_quota_exceeded:
        return "E_ID_QUOTA";
    case Errc::order_transition:
        return "E_ORDER_TRANSITION";
    case Errc::order_no_items:
        return "E_ORDER_NO_ITEMS";
    case Errc::order_product_unknown:
        return "E_ORDER_PRODUCT_UNKNOWN";
    case Errc::order_no_basic_product:
        return "E_ORDER_NO_BASIC_PRODUCT";
    case Errc::order_no_address:
        return "E_ORDER_NO_ADDRESS";
    case Errc::order_no_number:
        return "E_ORDER_NO_NUMBER";
    case Errc::order_member_count:
        return "E_ORDER_MEMBER_COUNT";
    case Errc::order_no_account:
        return "E_ORDER_NO_ACCOUNT";
    case Errc::order_account_unchanged:
        return "E_ORDER_ACCOUNT_UNCHANGED";
    case Errc::order_item_conflict:
        return "E_ORDER_ITEM_CONFLICT";
    case Errc::order_attribute_missing:
        return "E_ORDER_ATTRIBUTE_MISSING";
    case Errc::order_attribute_value:
        return "E_ORDER_ATTRIBUTE_VALUE";
    case Errc::bundle_member_number:
        return "E_BUNDLE_MEMBER_NUMBER";
    case Errc::bundle_member_duplicate:
        return "E_BUNDLE_MEMBER_DUPLICATE";
    case Errc::bundle_member_is_main:
        return "E_BUNDLE_MEMBER_IS_MAIN";
    case Errc::order_item_transition:
        return "E_ORDER_ITEM_TRANSITION";
    case Errc::order_state_unknown:
        return "E_ORDER_STATE_UNKNOWN";
    case Errc::service_already_chosen:
        return "E_SERVICE_ALREADY_CHOSEN";
    case Errc::service_quantity:
        return "E_SERVICE_QUANTITY";
    case Errc::group_name_empty:
        return "E_GROUP_NAME_EMPTY";
    case Errc::group_no_certificate:
        return "E_GROUP_NO_CERTIFICATE";
    case Errc::group_main_certificate:
        return "E_GROUP_MAIN_CERTIFICATE";
    case Errc::group_certificate_number:
        return "E_GROUP_CERTIFICATE_NUMBER";
    case Errc::group_no_manager:
        return "E_GROUP_NO_MANAGER";
    case Errc::group_manager_duplicate:
        return "E_GROUP_MANAGER_DUPLICATE";
    case Errc::group_grid_required:
        return "E_GROUP_GRID_REQUIRED";
    case Errc::group_grid_not_allowed:
        return "E_GROUP_GRID_NOT_ALLOWED";
    case Errc::member_window_closed:
        return "E_MEMBER_WINDOW_CLOSED";
    case Errc::member_not_local:
        return "E_MEMBER_NOT_LOCAL";
    case Errc::member_exists:
        return "E_MEMBER_EXISTS";
    case Errc::member_added_this_month:
        return "E_MEMBER_ADDED_THIS_MONTH";
    case Errc::staff_id:
        return "E_STAFF_ID";
    case Errc::staff_name:
        return "E_STAFF_NAME";
    case Errc::staff_roles:
        return "E_STAFF_ROLES";
    case Errc::staff_password:
        return "E_STAFF_PASSWORD";
    case Errc::staff_built_in:
        return "E_STAFF_BUILT_IN";
    case Errc::staff_self:
        return "E_STAFF_SELF";
    case Errc::role_id:
        return "E_ROLE_ID";
    case Errc::role_name:
        return "E_ROLE_NAME";
    case Errc::role_built_in:
        return "E_ROLE_BUILT_IN";
    }
    return "E_UNKNOWN";
}

std::string_view Problem::param(std::string_view name) const
{
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

std::string Problem::to_string() const
{
    std::string out{code_name(code)};
    for (const auto& [key, value] : params) {
        out += ' ';
        out += key;
        out += '=';
        out += value;
    }
    return out;
}

Problem problem(Errc code, std::vector<std::pair<std::string, std::string>> params)
{
    return Problem{code, std::move(params)};
}

} // namespace domain
