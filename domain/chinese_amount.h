#pragma once
/// The upper-case Chinese amount printed on receipts (大写金额), following the People's Bank rules for filling in
/// bills: 壹仟贰佰叁拾肆元伍角整, one 零 for any run of zeros between digits, 整 when there are no 分.

#include "domain/money.h"

#include <string>

namespace domain {

/// 1234.50 → 壹仟贰佰叁拾肆元伍角整; 0 → 零元整; 0.05 → 伍分; -3 → 负叁元整.
std::string chinese_uppercase(Money amount);

} // namespace domain
