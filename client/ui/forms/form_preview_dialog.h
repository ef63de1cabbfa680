#pragma once
/// The preview a clerk sees before a form goes to the printer: every page drawn as it will print (with the
/// stationery's background scan, without the printer's offset), and Print, which sends it to the printer with the
/// calibrated offsets. Drawn into bitmaps by the same canvas the printer uses, so what is seen is what prints, and it
/// does not depend on the toolkit's print-preview support (which draws nothing on some GTK set-ups).
/// Keyboard: Alt+P prints, Esc closes.

#include "client/ui/base/page_services.h"
#include "printing/calibration.h"
#include "printing/layout.h"

#include <wx/dialog.h>

namespace ui {

/// A form laid out on the worker thread, with the offsets to print it with.
struct Printable
{
    printing::Layout layout;
    printing::Offsets offsets;
};

class FormPreviewDialog : public wxDialog
{
public:
    FormPreviewDialog(wxWindow* parent, printing::Layout layout, const printing::Offsets& offsets);

    /// Page `index` as drawn (for tests).
    [[nodiscard]] wxBitmap page_bitmap(std::size_t index) const;

private:
    void print();

    printing::Layout m_layout;
    printing::Offsets m_offsets;
};

} // namespace ui
