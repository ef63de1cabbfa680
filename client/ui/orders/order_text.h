#pragma once
/// Orders in the clerk's words: states, business types, times, and what a failed lookup or cancellation means. Used
/// by every page that shows orders (订单查询, the sync error queue).

#include "client/workflows/workstation/desk.h"

#include <string>
#include <wx/string.h>

namespace ui {

/// An order state in the clerk's words (已受理, 施工中, 待编号…), in the current language.
wxString order_state_text(const std::string& state);
/// An order type in the clerk's words (新装, 移机…).
wxString order_type_text(const std::string& type);
/// A stored UTC time ("…Z") as local "YYYY-MM-DD HH:MM"; the text itself when it is not one.
wxString local_time_text(const std::string& utc);
/// What a failed order lookup means for the clerk.
wxString lookup_error_text(const workflows::CallError& error);
/// What a refused cancellation (撤单) means.
wxString cancel_error_text(const workflows::CallError& error);

} // namespace ui
