#pragma once
/// A laid-out form as a wxPrintout, for wxPrinter::Print and wxPrintPreview. Each page is drawn through WxDcCanvas
/// with the paper edge as origin (GetPaperRectPixels) at the printer's resolution (GetPPIPrinter); printing adds the
/// calibration offset and leaves the background scan out, preview shows the background and no offset.

#include "printing/calibration.h"
#include "printing/form_canvas.h"
#include "printing/layout.h"
#include "printing/wx/wx_canvas.h"

#include <wx/print.h>

namespace printing {

class FormPrintout : public wxPrintout
{
public:
    FormPrintout(Layout layout, RenderPurpose purpose, const Offsets& offsets);

    bool OnPrintPage(int page) override;
    bool HasPage(int page) override;
    void GetPageInfo(int* min_page, int* max_page, int* page_from, int* page_to) override;

    /// The mapping OnPrintPage uses, from what the print framework set on this printout.
    [[nodiscard]] DeviceMapping device_mapping() const;

private:
    Layout m_layout;
    RenderPurpose m_purpose;
    Offsets m_offsets;
};

} // namespace printing
