#pragma once
/// Small pieces every business page builds the same way: amounts in yuan, product labels, a list whose last column
/// takes the width left over, a date picker, and the amber banner that says the cache answered because the back
/// office did not.

#include "client/workflows/workstation/records.h"
#include "domain/money.h"

#include <wx/panel.h>
#include <wx/string.h>

class wxDatePickerCtrl;
class wxDateTime;
class wxListCtrl;
class wxStaticText;

namespace ui {

/// An amount as the clerk types it, in yuan: 100.00 (the columns and labels say the unit).
wxString yuan(domain::Money money);

/// A product as the product lists show it: name, monthly fee, one-off fee.
wxString offering_label(const contract::Offering& offering);

/// The last column takes what the others leave, so the list fills its width as the window grows.
void fill_last_column(wxListCtrl* list);

/// A drop-down date picker showing the century, wide enough for the whole date in the interface's format
/// (2026年11月01日) with the caret in it.
wxDatePickerCtrl* date_picker(wxWindow* parent, const wxDateTime& value, const wxString& name);

/// An amber strip with one line of text, hidden until show_text() gives it something to say.
class Banner : public wxPanel
{
public:
    Banner(wxWindow* parent, const wxString& name);
    /// Shows `text`, or hides the banner when it is empty; lays the parent out again.
    void show_text(const wxString& text);
    [[nodiscard]] wxString text() const;

private:
    wxStaticText* m_text = nullptr;
};

} // namespace ui
