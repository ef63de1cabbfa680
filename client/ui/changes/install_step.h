#pragma once
/// What the install's steps (InstallProductsStep ... InstallAcceptedStep) build and say the same way: a step's
/// heading, its report lists, and what the back office's refusal of a step means.

#include "client/workflows/workstation/records.h"

#include <functional>
#include <wx/string.h>

class wxListCtrl;
class wxStaticText;
class wxWindow;

namespace ui {

/// How a step tells the clerk something in the install's message line (`error` in red).
using InstallSay = std::function<void(const wxString& text, bool error)>;

/// What the back office's refusal of a step means, and what to do.
wxString install_step_error_text(const bss::CallError& error);

/// The bold heading a step's page starts with ("1. Products").
wxStaticText* install_step_heading(wxWindow* parent, const wxString& text);

/// A single-selection report list named `name`, `height` pixels high.
wxListCtrl* install_report_list(wxWindow* parent, const char* name, int height);

} // namespace ui
