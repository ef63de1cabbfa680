#pragma once
/// Masking of personal data for lists and paper (脱敏). The full value is shown only where the clerk needs it, and
/// that view is audited by the caller.

#include <string>
#include <string_view>

namespace domain {

/// 11010519491231002X → 110105********002X (region and last four kept); shorter values keep their first and last
/// quarter.
std::string mask_id_number(std::string_view id);

/// 13812345678 → 138****5678; 0755-12345678 → 0755-****5678.
std::string mask_phone(std::string_view phone);

/// 张三 → 张*, 欧阳娜娜 → 欧**娜: the first character, and the last one when there are three or more.
std::string mask_name(std::string_view name);

/// Keeps the first six characters (province and city) and hides the rest: 北京市朝阳区****.
std::string mask_address(std::string_view address);

} // namespace domain
