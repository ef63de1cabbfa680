#pragma once
/// The Save / Cancel row at the foot of the edit dialogs (staff, role). Save is the default button and closes the
/// dialog with wxID_OK only when `check` passes (it says what is wrong itself); Cancel and Esc close it with
/// wxID_CANCEL. The buttons are named `<prefix>_ok` and `<prefix>_cancel` for the tests.

#include <functional>
#include <string>
#include <wx/dialog.h>
#include <wx/sizer.h>

namespace ui {

/// Adds the row to `sizer`, the dialog's outer sizer.
void add_save_cancel_row(wxDialog* dialog, wxSizer* sizer, const std::string& prefix, std::function<bool()> check);

} // namespace ui
