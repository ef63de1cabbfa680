#pragma once
/// What the workstation calls to put a laid-out form on paper or on screen. The caller chooses the printer, looks
/// up its offsets (settings key offset_setting_key(printer, form)), archives the PDF (pdf_writer.h) and writes the
/// print to the audit log; these only talk to wx's printing framework. The on-screen preview is the workstation's own
/// FormPreviewDialog (client/ui): wx's print preview draws nothing on some GTK set-ups.

#include "printing/calibration.h"
#include "printing/layout.h"

#include <wx/cmndata.h>
#include <wx/window.h>

namespace printing {

/// The paper of a layout: A4, A5 and A3 by id and orientation, any other size (multi-part forms) as a custom size.
void set_paper(wxPrintData& data, const Layout& layout);

/// Prints through the system's print dialog (`prompt`) or straight to the printer named in `data`. False when the
/// clerk cancelled or the printer failed (wxPrinter::GetLastError tells which).
bool print_layout(wxWindow* parent, const Layout& layout, const Offsets& offsets, wxPrintData& data, bool prompt);

} // namespace printing
