#pragma once
/// The back office's permissions (admin.staff, order.cancel, …) and roles in the clerk's words: one table, so the
/// role editor, the staff list and any later screen name them the same way.

#include <string>
#include <wx/string.h>

namespace ui {

/// The translated name of a permission, e.g. "order.cancel" → 撤单; an unknown one is shown as it is.
wxString permission_name(const std::string& permission);

/// "撤单 (order.cancel)": the name with the back office's id, for the editor's checklist.
wxString permission_label(const std::string& permission);

} // namespace ui
