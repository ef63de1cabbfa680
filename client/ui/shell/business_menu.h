#pragma once
/// The businesses a clerk can open, as the tree on the left and the Business menu show them, with their shortcuts.
/// One table, so the tree, the menu and the tests cannot disagree. Labels are English msgids, translated when shown.

#include <span>
#include <string_view>

namespace ui {

struct BusinessEntry
{
    std::string_view key;    ///< stable id: names the page ("page_<key>") and the tree item
    std::string_view parent; ///< the group it sits under; empty at the top
    const char* label;       ///< msgid, marked with wxTRANSLATE
    const char* accelerator; ///< "F2", "Ctrl+Shift+S"; nullptr for a group
    [[nodiscard]] bool is_group() const { return accelerator == nullptr; }
};

/// Every entry, parents before their children, in the order shown.
std::span<const BusinessEntry> business_menu();

/// The entry with this key, or nullptr.
const BusinessEntry* find_business(std::string_view key);

} // namespace ui
